import Link from "next/link";
import { BarChart } from "@/components/ui/bar-chart.tsx";
import { Section, td, th } from "@/components/owner/section.tsx";
import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { formatKwh, formatMoney } from "@/lib/format.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { averages, earnings, share, type TFigures } from "@/lib/owner/earnings.ts";
import { stationOptions } from "@/lib/owner/station-read.ts";
import { orNotFound, ownerPage } from "../page-context.ts";
import { PRESETS, statementMonthOf } from "@/lib/owner/period-params.ts";
import { periodFromParams, type TPeriodParams } from "./period-params.ts";

export const metadata = { title: "Earnings" };
export const dynamic = "force-dynamic";


export default async function EarningsPage({ searchParams }: { searchParams: Promise<TPeriodParams> }) {
  const sp = await searchParams;
  const { user, t, locale, db } = await ownerPage("/owner/earnings");
  const { period, stationId, error } = await periodFromParams(db, user, sp);
  const [e, stations] = await Promise.all([orNotFound(() => earnings(db, user, { stationId, period })), stationOptions(db, user)]);
  const cur = e.currencies[0] ?? stations.find((s) => s.id === stationId)?.currency ?? stations[0]?.currency ?? "EUR";
  const money = (f: TFigures, k: "gross" | "fees" | "refunds" | "net") => formatMoney(f.money[cur]?.[k] ?? 0, cur, locale);
  const pct = (v: number | null) => (v === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v));
  const avg = averages(e.total, cur);
  const q = new URLSearchParams({ from: period.from, to: period.to, ...(stationId ? { station: stationId } : {}) }).toString();
  const shortDay = (d: string) => String(Number(d.slice(8)));
  const monthName = (mth: string) => new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${mth}-01T12:00:00Z`)).replace(/\s*г\.$/, ""); // "Nov 2026", "нояб. 2026"
  const statementMonth = statementMonthOf(period, period.timeZone);
  const input = "border border-slate-300 rounded-md px-3 py-2 bg-white";
  return (
    <div className="flex flex-col gap-4 min-w-0" data-testid="earnings">
      <PageTitle testId="earnings-title">{t("owner.earn.title")}</PageTitle>
      <Section>
        <form method="get" className="flex flex-wrap items-end gap-2" data-testid="period-form">
          <label className="flex flex-col gap-1 text-sm w-full sm:w-auto min-w-0"><span className="font-medium">{t("owner.earn.station")}</span>
            {/* A select is as wide as its longest option: keep a long station name inside a phone's width. */}
            <select name="station" defaultValue={stationId ?? ""} className={`${input} w-full sm:w-auto max-w-full sm:max-w-xs truncate`}>
              <option value="">{t("owner.earn.allStations")}</option>
              {stations.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select></label>
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("owner.earn.from")}</span><input type="date" name="from" defaultValue={period.from} className={input} /></label>
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("owner.earn.to")}</span><input type="date" name="to" defaultValue={period.to} className={input} /></label>
          <button className="rounded-md bg-brand-600 text-white px-4 py-2">{t("owner.earn.show")}</button>
        </form>
        <div className="flex flex-wrap gap-3 text-sm">
          {PRESETS.map((p) => <Link key={p} className="underline" href={`/owner/earnings?preset=${p}${stationId ? `&station=${stationId}` : ""}`}>{t(`owner.earn.preset.${p}` as MessageKey)}</Link>)}
        </div>
        {error && <p role="alert" className="text-sm text-red-700" data-testid="period-error">{t(error as MessageKey)}</p>}
        <p className="text-xs text-slate-500">{period.from} – {period.to} · {t("owner.earn.timeZone", { zone: period.timeZone })}</p>
      </Section>
      <div className="grid grid-cols-2 md:grid-cols-4 gap-3">
        <Stat label={t("owner.earn.gross")} value={money(e.total, "gross")} testId="earn-gross" />
        <Stat label={t("owner.earn.fee")} value={money(e.total, "fees")} testId="earn-fee" />
        <Stat label={t("owner.earn.refunds")} value={money(e.total, "refunds")} testId="earn-refunds" />
        <Stat label={t("owner.earn.net")} value={money(e.total, "net")} testId="earn-net" />
        <Stat label={t("owner.earn.energy")} value={formatKwh(e.total.energyWh, locale)} testId="earn-energy" />
        <Stat label={t("owner.earn.sessions")} value={e.total.sessions} testId="earn-sessions" />
        <Stat label={t("owner.earn.bookings")} value={e.total.bookings} testId="earn-bookings" />
        <Stat label={t("owner.earn.failed")} value={e.total.failed} testId="earn-failed" />
        <Stat label={t("owner.earn.unpaid")} testId="earn-unpaid" value={e.total.unpaid
          ? t("owner.earn.unpaidLine", { n: e.total.unpaid, energy: formatKwh(e.total.unpaidEnergyWh, locale) }) : "0"} />
        <Stat label={t("owner.earn.utilisation")} value={pct(share(e.total.occupiedMs, e.total.capacityMs))} testId="earn-utilisation" />
        <Stat label={t("owner.earn.uptime")} value={pct(share(e.total.onlineMs, e.total.observedChargerMs))} testId="earn-uptime" />
        <div className="col-span-2"><Stat label={t("owner.earn.avgSession")} testId="earn-average" value={avg ? t("owner.earn.avgLine", {
          energy: formatKwh(avg.energyWh, locale), duration: t("owner.earn.minutes", { m: Math.round(avg.durationMs / 60_000) }), revenue: formatMoney(avg.revenueMinor ?? 0, cur, locale),
        }) : "—"} /></div>
      </div>
      {e.total.unpaid > 0 && <p className="text-sm text-amber-800" data-testid="unpaid-note">{t("owner.earn.unpaidHint")}</p>}
      {e.currencies.length > 1 && (
        <p className="text-sm text-slate-600" data-testid="other-currencies">{e.currencies.slice(1).map((c) => `${c}: ${formatMoney(e.total.money[c].net, c, locale)}`).join(" · ")}</p>
      )}
      <BarChart title={t("owner.earn.daily")} testId="chart-daily" bars={e.days.map((d) => ({ label: d.key, short: shortDay(d.key), value: d.money[cur]?.gross ?? 0, text: formatMoney(d.money[cur]?.gross ?? 0, cur, locale) }))} />
      <BarChart title={t("owner.earn.monthly")} testId="chart-monthly" bars={e.months.map((d) => ({ label: d.key, short: monthName(d.key), value: d.money[cur]?.gross ?? 0, text: formatMoney(d.money[cur]?.gross ?? 0, cur, locale) }))} />
      <Section title={t("owner.earn.perStation")} actions={
        <div className="flex gap-3 text-sm">
          <a className="underline" href={`/owner/earnings/sessions.csv?${q}`} data-testid="csv-sessions">{t("owner.earn.csvSessions")}</a>
          <a className="underline" href={`/owner/payouts/statement.csv?month=${statementMonth}`} data-testid="csv-statement">{t("owner.earn.csvStatementFor", { month: monthName(statementMonth) })}</a>
        </div>}>
        <div className="overflow-x-auto max-w-full" role="region" aria-label={t("owner.earn.perStation")} tabIndex={0} data-testid="station-earnings-scroll">
          <table className="w-full text-sm" data-testid="station-earnings">
            <thead><tr>{["owner.earn.station", "owner.earn.sessions", "owner.earn.energy", "owner.earn.gross", "owner.earn.fee", "owner.earn.refunds", "owner.earn.net", "owner.earn.utilisation", "owner.earn.uptime", "owner.earn.failed", "owner.earn.unpaid"].map((k) => <th key={k} className={th}>{t(k as MessageKey)}</th>)}</tr></thead>
            <tbody>
              {e.stations.map((s) => (
                <tr key={s.id} data-testid="station-earnings-row" data-name={s.name}>
                  <td className={`${td} font-medium`}>{s.name}</td><td className={td} data-testid="row-sessions">{s.sessions}</td><td className={td} data-testid="row-energy">{formatKwh(s.energyWh, locale)}</td>
                  <td className={td} data-testid="row-gross">{money(s, "gross")}</td><td className={td}>{money(s, "fees")}</td><td className={td}>{money(s, "refunds")}</td><td className={td} data-testid="row-net">{money(s, "net")}</td>
                  <td className={td}>{pct(share(s.occupiedMs, s.capacityMs))}</td><td className={td}>{s.onlineMs === null ? "—" : pct(share(s.onlineMs, s.observedMs))}</td><td className={td}>{s.failed}</td>
                  <td className={td} data-testid="row-unpaid">{s.unpaid}</td>
                </tr>
              ))}
              <tr className="font-semibold" data-testid="station-earnings-total">
                <td className={td}>{t("owner.earn.total")}</td><td className={td}>{e.total.sessions}</td><td className={td}>{formatKwh(e.total.energyWh, locale)}</td>
                <td className={td}>{money(e.total, "gross")}</td><td className={td}>{money(e.total, "fees")}</td><td className={td}>{money(e.total, "refunds")}</td><td className={td}>{money(e.total, "net")}</td>
                <td className={td}>{pct(share(e.total.occupiedMs, e.total.capacityMs))}</td><td className={td}>{pct(share(e.total.onlineMs, e.total.observedChargerMs))}</td><td className={td}>{e.total.failed}</td><td className={td}>{e.total.unpaid}</td>
              </tr>
            </tbody>
          </table>
        </div>
        {e.total.sessions === 0 && <p className="text-slate-600">{t("owner.earn.noData")}</p>}
      </Section>
    </div>
  );
}
