// Earnings: what was captured from drivers (completed charges, and fees of
// late cancellations), by day and by month, with a CSV of every line.
import { BarChart } from "@/components/ui/bar-chart.tsx";
import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { formatMoney } from "@/lib/format.ts";
import { providerEarnings } from "@/lib/mobile/provider-views.ts";
import { providerPage } from "../page-context.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mobile charging earnings" };

export default async function EarningsPage() {
  const { user, t, locale, db } = await providerPage("/provider/earnings");
  const e = await providerEarnings(db, user);
  const money = (m: number) => formatMoney(m, e.currency, locale);
  const monthName = (k: string) => new Date(`${k}-01T12:00:00Z`).toLocaleDateString(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-4" data-testid="provider-earnings">
      <PageTitle testId="earnings-title">{t("provider.earn.title")}</PageTitle>
      <div className="grid gap-3 sm:grid-cols-3">
        <Stat label={t("provider.earn.total")} value={money(e.totalMinor)} testId="earnings-total" />
        <Stat label={t("provider.earn.requests")} value={e.requests} testId="earnings-requests" />
        <Stat label={t("provider.earn.last30")} value={money(e.byDay.reduce((a, b) => a + b.capturedMinor, 0))} testId="earnings-30d" />
      </div>
      <p><a href="/provider/earnings/export.csv" className="text-brand-700 underline" data-testid="earnings-csv" download>{t("provider.earn.csv")}</a></p>
      <BarChart title={t("provider.earn.byDay")} testId="chart-days" bars={e.byDay.map((b) => ({ label: b.key, short: b.key.slice(8), value: b.capturedMinor, text: money(b.capturedMinor) }))} />
      <BarChart title={t("provider.earn.byMonth")} testId="chart-months" bars={e.byMonth.map((b) => ({ label: b.key, short: monthName(b.key), value: b.capturedMinor, text: money(b.capturedMinor) }))} />
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm bg-white rounded-lg border border-slate-200" data-testid="earnings-months">
          <thead><tr className="text-left text-slate-500"><th className="p-2">{t("provider.earn.month")}</th><th className="p-2">{t("provider.earn.requests")}</th><th className="p-2">{t("provider.earn.captured")}</th></tr></thead>
          <tbody>
            {e.byMonth.filter((b) => b.requests > 0).reverse().map((b) => (
              <tr key={b.key} className="border-t border-slate-100"><td className="p-2">{monthName(b.key)}</td><td className="p-2">{b.requests}</td><td className="p-2">{money(b.capturedMinor)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
