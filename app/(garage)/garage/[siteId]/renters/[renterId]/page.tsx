import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button.tsx";
import { ActionForm } from "@/components/ui/action-form.tsx";
import { CardRows } from "@/components/garage/card-rows.tsx";
import { SessionTable } from "@/components/garage/session-table.tsx";
import { Section } from "@/components/garage/section.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { monthOf } from "@/lib/garage/month.ts";
import { renterDetails, renterOptions } from "@/lib/garage/renters.ts";
import { listSessions } from "@/lib/garage/sessions.ts";
import { assignSpotAction, issueCardAction, setRenterActiveAction, updateRenterAction } from "../../actions.ts";
import { garagePage, orNotFound, requireIds } from "../../../page-context.ts";

export const metadata = { title: "Renter" };

export default async function RenterPage({ params }: { params: Promise<{ siteId: string; renterId: string }> }) {
  const { siteId, renterId } = await params;
  requireIds(siteId, renterId);
  const { user, site, t, locale, db } = await garagePage(siteId, `/garage/${siteId}/renters/${renterId}`);
  const { renter, spots, cards, freeSpots } = await orNotFound(() => renterDetails(db, user, siteId, renterId));
  const [others, history] = await Promise.all([
    renterOptions(db, user, siteId),
    listSessions(db, user, { siteId, renterId, page: 1 }),
  ]);
  const month = monthOf(new Date(), site.timeZone);
  const w = t("garage.common.working");
  return (
    <div className="flex flex-col gap-4">
      <PageTitle testId="renter-title">{renter.name}</PageTitle>
      <p className="-mt-3 text-sm text-slate-600" data-testid="renter-status">{renter.isActive ? t("garage.renters.active") : t("garage.renters.inactive")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Section title={t("garage.renters.edit")} testId="edit-renter">
          <ActionForm
            action={updateRenterAction}
            hidden={{ siteId, renterId }}
            submitLabel={t("garage.common.save")}
            workingLabel={w}
            fields={[
              { name: "name", label: t("garage.renters.name"), defaultValue: renter.name, required: true },
              { name: "contactEmail", label: t("garage.renters.email"), type: "email", defaultValue: renter.contactEmail, required: true },
              { name: "phoneNumber", label: t("garage.renters.phone"), type: "tel", defaultValue: renter.phoneNumber ?? "", hint: t("garage.renters.phoneHint") },
            ]}
          />
          <div className="mt-4">
            <ActionButton
              action={setRenterActiveAction}
              input={{ siteId, renterId, active: !renter.isActive }}
              label={renter.isActive ? t("garage.renters.deactivate") : t("garage.renters.reactivate")}
              workingLabel={w}
              tone={renter.isActive ? "danger" : "plain"}
              testId="toggle-renter"
            />
          </div>
        </Section>
        <Section title={t("garage.renters.spots")} testId="renter-spots">
          <ul className="flex flex-col gap-2 mb-3">
            {spots.map((s) => (
              <li key={s.id} className="flex items-center gap-2 text-sm" data-testid="renter-spot">
                <span className="font-medium">{s.label}</span>
                <span className="text-slate-500">{s.floorLevel}</span>
                {s.station && <Link className="underline font-mono" href={`/garage/${siteId}/chargers/${s.station.id}`}>{s.station.ocppIdentity}</Link>}
                <ActionButton action={assignSpotAction} input={{ siteId, spotId: s.id, renterId: "" }} label={t("garage.renters.release")} workingLabel={w} />
              </li>
            ))}
          </ul>
          {renter.isActive && (freeSpots.length ? (
            <ActionForm
              action={assignSpotAction}
              hidden={{ siteId, renterId }}
              inline
              submitLabel={t("garage.renters.assignSubmit")}
              workingLabel={w}
              testId="assign-spot"
              fields={[{ name: "spotId", label: t("garage.renters.assignSpot"), type: "select", options: freeSpots.map((s) => ({ value: s.id, label: s.label })) }]}
            />
          ) : <p className="text-sm text-slate-500">{t("garage.renters.noFreeSpots")}</p>)}
        </Section>
      </div>
      <Section title={t("garage.renters.cards")} testId="renter-cards">
        <CardRows siteId={siteId} cards={cards.map((c) => ({ ...c, renter: { id: renter.id, name: renter.name } }))} renters={others} t={t} locale={locale} />
        {renter.isActive && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <h3 className="font-medium mb-2">{t("garage.cards.issue")}</h3>
            <ActionForm
              action={issueCardAction}
              hidden={{ siteId, renterId }}
              resetOnSuccess
              submitLabel={t("garage.cards.issueSubmit")}
              workingLabel={w}
              testId="issue-card"
              fields={[
                { name: "idTag", label: t("garage.cards.idTag"), hint: t("garage.cards.idTagHint"), required: true, autoComplete: "off" },
                { name: "description", label: t("garage.cards.description"), autoComplete: "off" },
                { name: "expiresAt", label: t("garage.cards.expiry"), type: "date" },
              ]}
            />
          </div>
        )}
      </Section>
      <Section title={t("garage.renters.history")} testId="renter-history">
        <SessionTable siteId={siteId} rows={history.rows} t={t} locale={locale} timeZone={site.timeZone} />
        <p className="mt-3 flex flex-wrap gap-4 text-sm">
          <Link className="underline" href={`/garage/${siteId}/sessions?renterId=${renterId}`}>{t("garage.renters.allSessions")}</Link>
          <Link className="underline" href={`/garage/${siteId}/statements/${renterId}?month=${month}`} data-testid="renter-statement-link">{t("garage.renters.statement", { month })}</Link>
        </p>
      </Section>
    </div>
  );
}
