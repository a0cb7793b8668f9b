import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form.tsx";
import { Pager } from "@/components/garage/pager.tsx";
import { Section, Table, td } from "@/components/garage/section.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { renterOptions } from "@/lib/garage/renters.ts";
import { ZPage } from "@/lib/garage/schemas.ts";
import { chargerOptions, listSpots } from "@/lib/garage/spots.ts";
import { createSpotAction } from "../actions.ts";
import { garagePage, requireIds } from "../../page-context.ts";
import { spotFields } from "./spot-fields.ts";

export const metadata = { title: "Parking spots" };

export default async function SpotsPage({ params, searchParams }: { params: Promise<{ siteId: string }>; searchParams: Promise<{ q?: string; page?: string }> }) {
  const { siteId } = await params;
  requireIds(siteId);
  const sp = await searchParams;
  const { user, t, db } = await garagePage(siteId, `/garage/${siteId}/spots`);
  const [list, renters, chargers] = await Promise.all([
    listSpots(db, user, { siteId, q: sp.q, page: ZPage.parse(sp.page) }),
    renterOptions(db, user, siteId),
    chargerOptions(db, user, siteId),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("garage.spots.title")}</PageTitle>
      <Section>
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <label className="flex flex-col gap-1 text-sm grow min-w-48">
            <span className="font-medium">{t("garage.spots.searchLabel")}</span>
            <input name="q" defaultValue={sp.q} className="border border-slate-300 rounded-md px-3 py-2 text-base bg-white" />
          </label>
          <button className="rounded-md border border-slate-300 bg-white px-4 py-2">{t("garage.common.search")}</button>
        </form>
      </Section>
      <Section>
        {list.rows.length === 0 ? <p className="text-slate-600">{t("garage.common.empty")}</p> : (
          <Table head={[t("garage.spots.label"), t("garage.spots.floor"), t("garage.spots.renter"), t("garage.spots.charger"), ""]} testId="spots-table">
            {list.rows.map((s) => (
              <tr key={s.id} data-testid="spot-row" data-label={s.label}>
                <td className={`${td} font-medium`}>{s.label}</td>
                <td className={td}>{s.floorLevel ?? "—"}</td>
                <td className={td}>{s.renter ? <Link className="underline" href={`/garage/${siteId}/renters/${s.renter.id}`}>{s.renter.name}</Link> : "—"}</td>
                <td className={`${td} font-mono`}>{s.station ? <Link className="underline" href={`/garage/${siteId}/chargers/${s.station.id}`}>{s.station.ocppIdentity}</Link> : "—"}</td>
                <td className={td}><Link className="underline" href={`/garage/${siteId}/spots/${s.id}`}>{t("garage.common.edit")}</Link></td>
              </tr>
            ))}
          </Table>
        )}
        <Pager basePath={`/garage/${siteId}/spots`} query={{ q: sp.q }} page={list.page} pages={list.pages} total={list.total}
          m={{ prev: t("garage.common.prev"), next: t("garage.common.next"), pageOf: t("garage.common.pageOf", { page: list.page, pages: list.pages, total: list.total }) }} />
      </Section>
      <Section title={t("garage.spots.create")} testId="create-spot">
        <ActionForm action={createSpotAction} hidden={{ siteId }} resetOnSuccess submitLabel={t("garage.spots.createSubmit")} workingLabel={t("garage.common.working")}
          fields={spotFields(t, renters, chargers, null)} />
      </Section>
    </div>
  );
}
