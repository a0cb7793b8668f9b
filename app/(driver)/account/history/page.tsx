// The driver's charging sessions, newest first, a page at a time, with the
// totals of completed sessions and a CSV download of everything.
import Link from "next/link";
import { energy } from "@/components/driver/units.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { chargingHistory } from "@/lib/stations/charging-history.ts";

export const metadata = { title: "Charging history" };
export const dynamic = "force-dynamic";

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission("driver:self", "/account/history");
  const { t, locale } = await getI18n();
  const time = await getTimeFormat();
  const h = await chargingHistory(db(), user.id, Number((await searchParams).page ?? 1));
  return (
    <div className="flex flex-col gap-4" data-testid="history-page">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t("driver.history.title")}</PageTitle>
        {h.total > 0 && <a href="/account/history/export" download className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" data-testid="history-csv">{t("driver.history.csv")}</a>}
      </div>
      {h.totals.map((x) => (
        <p key={x.currency} className="text-sm text-slate-700">{t("driver.history.total", { energy: energy(x.energyWh, locale), cost: formatMoney(x.costMinor, x.currency, locale) })}</p>
      ))}
      {h.total === 0 ? (
        <p className="text-slate-600">{t("driver.history.none")}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 bg-white rounded-lg border border-slate-200" data-testid="history-list">
            {h.rows.map((s) => (
              <li key={s.id} className="p-3 grid grid-cols-2 sm:grid-cols-5 gap-x-3 gap-y-1 text-sm" data-testid="history-row">
                <span className="sm:col-span-1 text-slate-600"><span className="sr-only">{t("driver.history.date")}: </span>{time.when(s.startedAt ?? s.createdAt, s.station.timeZone)}</span>
                <Link href={`/stations/${s.station.id}`} className="sm:col-span-1 font-medium underline"><span className="sr-only">{t("driver.history.station")}: </span>{s.station.name}</Link>
                <span><span className="sr-only">{t("driver.history.energy")}: </span>{s.energyWh != null ? energy(s.energyWh, locale) : "—"}</span>
                <span><span className="sr-only">{t("driver.history.cost")}: </span>{s.costMinor != null ? formatMoney(s.costMinor, s.currency, locale) : "—"}</span>
                <span><span className="sr-only">{t("driver.history.status")}: </span>{t(`driver.session.${s.status}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
          {h.pages > 1 && (
            <nav aria-label={t("driver.history.pager")} className="flex items-center gap-3 text-sm">
              {h.page > 1 ? <Link href={`/account/history?page=${h.page - 1}`} className="underline">← {t("driver.history.prev")}</Link> : <span />}
              <span>{t("driver.history.page", { page: h.page, pages: h.pages })}</span>
              {h.page < h.pages && <Link href={`/account/history?page=${h.page + 1}`} className="underline">{t("driver.history.next")} →</Link>}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
