import Link from "next/link";
import { PrintButton } from "@/components/garage/print-button.tsx";
import { Table, td } from "@/components/garage/section.tsx";
import { formatDateTime, formatMoney } from "@/lib/format.ts";
import { formatKwhExact } from "@/lib/garage/format.ts";
import { monthOf, shiftMonth } from "@/lib/garage/month.ts";
import { ZMonth } from "@/lib/garage/schemas.ts";
import { monthlyStatement } from "@/lib/garage/statement.ts";
import { garagePage, orNotFound, requireIds } from "../../../page-context.ts";

export const metadata = { title: "Energy statement" };

export default async function StatementPage({ params, searchParams }: { params: Promise<{ siteId: string; renterId: string }>; searchParams: Promise<{ month?: string }> }) {
  const { siteId, renterId } = await params;
  requireIds(siteId, renterId);
  const { user, site, t, locale, db } = await garagePage(siteId, `/garage/${siteId}/statements/${renterId}`);
  const month = ZMonth.catch(monthOf(new Date(), site.timeZone)).parse((await searchParams).month);
  const s = await orNotFound(() => monthlyStatement(db, user, { siteId, renterId, month }));
  const money = (m: number) => formatMoney(m, s.currency, locale);
  return (
    <article className="bg-white rounded-lg border border-slate-200 p-6 print:border-0 print:p-0 flex flex-col gap-4" data-testid="statement">
      <header className="flex flex-wrap justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("garage.statements.docTitle", { month })}</h1>
          <p className="font-medium" data-testid="statement-renter">{s.renter.name}</p>
          <p className="text-sm text-slate-600">{s.renter.contactEmail}{s.renter.phoneNumber ? ` · ${s.renter.phoneNumber}` : ""}</p>
        </div>
        <div className="text-sm text-right">
          <p className="font-medium">{s.site.name}</p>
          <p className="text-slate-600">{s.site.address}</p>
          <p>{t("garage.statements.price", { price: money(s.pricePerKwhMinor) })}</p>
        </div>
      </header>
      {s.lines.length === 0 ? <p className="text-slate-600">{t("garage.statements.none")}</p> : (
        <Table head={[t("garage.sessions.started"), t("garage.sessions.ended"), t("garage.sessions.spot"), t("garage.sessions.card"), t("garage.sessions.energy"), t("garage.statements.cost")]} testId="statement-lines">
          {s.lines.map((l) => (
            <tr key={l.sessionId} data-testid="statement-line">
              <td className={td}>{formatDateTime(l.startedAt, locale, site.timeZone)}</td>
              <td className={td}>{l.endedAt ? formatDateTime(l.endedAt, locale, site.timeZone) : "—"}</td>
              <td className={td}>{l.spot ?? l.charger ?? "—"}</td>
              <td className={`${td} font-mono`}>{l.idTag ?? "—"}</td>
              <td className={`${td} whitespace-nowrap`} data-testid="statement-line-energy">{formatKwhExact(l.energyWh, locale)}</td>
              <td className={`${td} whitespace-nowrap`}>{money(l.costMinor)}</td>
            </tr>
          ))}
          <tr className="font-semibold">
            <td className={td} colSpan={4}>{t("garage.statements.total")}</td>
            <td className={`${td} whitespace-nowrap`} data-testid="statement-total-energy">{formatKwhExact(s.totalWh, locale)}</td>
            <td className={`${td} whitespace-nowrap`} data-testid="statement-total-cost">{money(s.totalCostMinor)}</td>
          </tr>
        </Table>
      )}
      <div className="flex flex-wrap items-center gap-3 no-print">
        <Link className="text-sm underline" href={`/garage/${siteId}/statements/${renterId}?month=${shiftMonth(month, -1)}`}>← {t("garage.statements.prevMonth")}</Link>
        <Link className="text-sm underline" href={`/garage/${siteId}/statements/${renterId}?month=${shiftMonth(month, 1)}`}>{t("garage.statements.nextMonth")} →</Link>
        <PrintButton label={t("garage.statements.print")} />
        <a className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" href={`/garage/${siteId}/statements/${renterId}/csv?month=${month}`} data-testid="statement-csv">{t("garage.statements.csv")}</a>
      </div>
    </article>
  );
}
