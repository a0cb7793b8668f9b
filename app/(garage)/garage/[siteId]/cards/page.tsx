import { ActionForm } from "@/components/ui/action-form.tsx";
import { CardRows } from "@/components/garage/card-rows.tsx";
import { Pager } from "@/components/garage/pager.tsx";
import { Section } from "@/components/garage/section.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { listCards } from "@/lib/garage/cards.ts";
import { renterOptions } from "@/lib/garage/renters.ts";
import { ZPage } from "@/lib/garage/schemas.ts";
import { issueCardAction } from "../actions.ts";
import { garagePage, requireIds } from "../../page-context.ts";

export const metadata = { title: "RFID cards" };

export default async function CardsPage({ params, searchParams }: { params: Promise<{ siteId: string }>; searchParams: Promise<{ q?: string; page?: string }> }) {
  const { siteId } = await params;
  requireIds(siteId);
  const sp = await searchParams;
  const { user, t, locale, db } = await garagePage(siteId, `/garage/${siteId}/cards`);
  const [list, renters] = await Promise.all([listCards(db, user, { siteId, q: sp.q, page: ZPage.parse(sp.page) }), renterOptions(db, user, siteId)]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("garage.cards.title")}</PageTitle>
      <Section>
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <label className="flex flex-col gap-1 text-sm grow min-w-48">
            <span className="font-medium">{t("garage.cards.searchLabel")}</span>
            <input name="q" defaultValue={sp.q} className="border border-slate-300 rounded-md px-3 py-2 text-base bg-white" />
          </label>
          <button className="rounded-md border border-slate-300 bg-white px-4 py-2">{t("garage.common.search")}</button>
        </form>
      </Section>
      <Section>
        <CardRows siteId={siteId} cards={list.rows} renters={renters} t={t} locale={locale} />
        <Pager basePath={`/garage/${siteId}/cards`} query={{ q: sp.q }} page={list.page} pages={list.pages} total={list.total}
          m={{ prev: t("garage.common.prev"), next: t("garage.common.next"), pageOf: t("garage.common.pageOf", { page: list.page, pages: list.pages, total: list.total }) }} />
      </Section>
      <Section title={t("garage.cards.issue")} testId="issue-card-section">
        <ActionForm action={issueCardAction} hidden={{ siteId }} resetOnSuccess submitLabel={t("garage.cards.issueSubmit")} workingLabel={t("garage.common.working")} testId="issue-card"
          fields={[
            { name: "renterId", label: t("garage.cards.renter"), type: "select", options: renters.map((r) => ({ value: r.id, label: r.name })) },
            { name: "idTag", label: t("garage.cards.idTag"), hint: t("garage.cards.idTagHint"), required: true, autoComplete: "off" },
            { name: "description", label: t("garage.cards.description"), autoComplete: "off" },
            { name: "expiresAt", label: t("garage.cards.expiry"), type: "date" },
          ]} />
      </Section>
    </div>
  );
}
