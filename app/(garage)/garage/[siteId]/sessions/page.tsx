import { Pager } from "@/components/garage/pager.tsx";
import { Section } from "@/components/garage/section.tsx";
import { SessionTable } from "@/components/garage/session-table.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { listSessions, sessionFilterOptions } from "@/lib/garage/sessions.ts";
import { ZSessionFilter } from "@/lib/garage/schemas.ts";
import { garagePage, requireIds } from "../../page-context.ts";

export const metadata = { title: "Sessions" };

type SP = Promise<Record<string, string | undefined>>;

export default async function SessionsPage({ params, searchParams }: { params: Promise<{ siteId: string }>; searchParams: SP }) {
  const { siteId } = await params;
  requireIds(siteId);
  const sp = await searchParams;
  const { user, site, t, locale, db } = await garagePage(siteId, `/garage/${siteId}/sessions`);
  // Filters that do not parse are ignored rather than failing the page.
  const f = ZSessionFilter.parse({ ...sp, siteId });
  const [list, opts] = await Promise.all([listSessions(db, user, f), sessionFilterOptions(db, site.id)]);
  const sel = "border border-slate-300 rounded-md px-3 py-2 text-base bg-white min-w-0";
  const all = <option value="">{t("garage.common.all")}</option>;
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("garage.sessions.title")}</PageTitle>
      <Section>
        <form method="get" className="grid gap-2 grid-cols-2 md:grid-cols-6 items-end" data-testid="session-filters">
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("garage.sessions.renter")}</span>
            <select name="renterId" defaultValue={f.renterId ?? ""} className={sel}>{all}{opts.renters.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}</select></label>
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("garage.sessions.card")}</span>
            <select name="cardId" defaultValue={f.cardId ?? ""} className={sel}>{all}{opts.cards.map((c) => <option key={c.id} value={c.id}>{c.idTag}</option>)}</select></label>
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("garage.sessions.spot")}</span>
            <select name="spotId" defaultValue={f.spotId ?? ""} className={sel}>{all}{opts.spots.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}</select></label>
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("garage.sessions.from")}</span>
            <input type="date" name="from" defaultValue={f.from} className={sel} /></label>
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("garage.sessions.to")}</span>
            <input type="date" name="to" defaultValue={f.to} className={sel} /></label>
          <button className="rounded-md border border-slate-300 bg-white px-4 py-2">{t("garage.common.filter")}</button>
        </form>
      </Section>
      <Section>
        <SessionTable siteId={siteId} rows={list.rows} t={t} locale={locale} timeZone={site.timeZone} />
        <Pager basePath={`/garage/${siteId}/sessions`} query={{ renterId: f.renterId, cardId: f.cardId, spotId: f.spotId, from: f.from, to: f.to }} page={list.page} pages={list.pages} total={list.total}
          m={{ prev: t("garage.common.prev"), next: t("garage.common.next"), pageOf: t("garage.common.pageOf", { page: list.page, pages: list.pages, total: list.total }) }} />
      </Section>
    </div>
  );
}
