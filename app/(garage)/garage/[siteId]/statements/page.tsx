import Link from "next/link";
import { Section, Table, td } from "@/components/garage/section.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { formatMoney } from "@/lib/format.ts";
import { formatKwhExact } from "@/lib/garage/format.ts";
import { monthOf } from "@/lib/garage/month.ts";
import { ZMonth } from "@/lib/garage/schemas.ts";
import { costOf, monthTotals } from "@/lib/garage/statement.ts";
import { garagePage, requireIds } from "../../page-context.ts";

export const metadata = { title: "Statements" };

export default async function StatementsPage({ params, searchParams }: { params: Promise<{ siteId: string }>; searchParams: Promise<{ month?: string }> }) {
  const { siteId } = await params;
  requireIds(siteId);
  const { user, site, t, locale, db } = await garagePage(siteId, `/garage/${siteId}/statements`);
  const month = ZMonth.catch(monthOf(new Date(), site.timeZone)).parse((await searchParams).month);
  const { rows } = await monthTotals(db, user, { siteId, month });
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("garage.statements.title")}</PageTitle>
      <Section>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("garage.statements.month")}</span>
            <input type="month" name="month" defaultValue={month} pattern="\d{4}-\d{2}" className="border border-slate-300 rounded-md px-3 py-2 text-base bg-white" /></label>
          <button className="rounded-md border border-slate-300 bg-white px-4 py-2">{t("garage.statements.show")}</button>
        </form>
        <p className="text-sm text-slate-600 mt-2">{t("garage.statements.price", { price: formatMoney(site.energyPricePerKwhMinor, site.currency, locale) })}</p>
      </Section>
      <Section>
        {rows.length === 0 ? <p className="text-slate-600">{t("garage.common.empty")}</p> : (
          <Table head={[t("garage.sessions.renter"), t("garage.statements.sessions"), t("garage.statements.total"), t("garage.statements.cost"), ""]} testId="statements-table">
            {rows.map((r) => (
              <tr key={r.id} data-testid="statement-row">
                <td className={td}>{r.name}{!r.isActive && <span className="text-xs text-slate-500"> ({t("garage.renters.inactive")})</span>}</td>
                <td className={td}>{r.sessions}</td>
                <td className={td}>{formatKwhExact(r.energyWh, locale)}</td>
                {/* An estimate from the total; the statement itself sums rounded lines. */}
                <td className={td}>{formatMoney(costOf(r.energyWh, site.energyPricePerKwhMinor), site.currency, locale)}</td>
                <td className={`${td} flex gap-3`}>
                  <Link className="underline" href={`/garage/${siteId}/statements/${r.id}?month=${month}`}>{t("garage.statements.open")}</Link>
                  <a className="underline" href={`/garage/${siteId}/statements/${r.id}/csv?month=${month}`}>{t("garage.statements.csv")}</a>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </div>
  );
}
