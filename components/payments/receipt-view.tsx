// A receipt as a printable page (the PDF has the same content).
import { formatDateTime, formatKwh, formatMoney } from "@/lib/format.ts";
import type { TReceipt } from "@/lib/receipts/receipt.ts";

export function ReceiptView({ r, locale, s }: { r: TReceipt; locale: string; s: Record<string, string> }) {
  const money = (m: number) => formatMoney(m, r.currency, locale);
  const tz = r.station.timeZone;
  const fill = (k: string, v: Record<string, string>) => s[k]!.replace(/\{(\w+)\}/g, (_, n: string) => v[n] ?? "");
  const p = r.payment;
  const method = !p ? "" : p.provider === "WALLET" ? "Wallet" : `${p.brand ?? "Card"}${p.last4 ? ` •••• ${p.last4}` : ""}${p.provider === "DEMO" ? " (demo)" : ""}`;
  return (
    <article className="flex flex-col gap-4 bg-white rounded-lg border border-slate-200 p-4 print:border-0" data-testid="receipt">
      {!r.final && <p className="text-amber-800 text-sm">{s["receipt.provisional"]}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{s["receipt.customer"]}</dt><dd>{r.customer.name} &lt;{r.customer.email}&gt;</dd>
        <dt className="text-slate-500">{s["receipt.station"]}</dt><dd>{r.station.name}{r.station.address ? `, ${r.station.address}` : ""}</dd>
        {r.startedAt && <><dt className="text-slate-500">{s["receipt.period"]}</dt><dd>{formatDateTime(r.startedAt, locale, tz)} – {r.endedAt ? formatDateTime(r.endedAt, locale, tz) : "…"}</dd></>}
        {r.energyWh !== null && <><dt className="text-slate-500">{s["receipt.energy"]}</dt><dd data-testid="receipt-energy">{formatKwh(r.energyWh, locale)}</dd></>}
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead><tr className="text-left text-slate-500 border-b border-slate-200"><th className="py-1">{s["receipt.item"]}</th><th className="py-1 text-right">{s["receipt.net"]}</th><th className="py-1 text-right">{s["receipt.vatRate"]}</th><th className="py-1 text-right">{s["receipt.vat"]}</th><th className="py-1 text-right">{s["receipt.amount"]}</th></tr></thead>
          <tbody data-testid="receipt-lines">
            {r.lines.map((l, i) => (
              <tr key={i} className="border-b border-slate-100 align-top">
                <td className="py-1">{l.label}{l.detail && <div className="text-xs text-slate-500">{l.detail}</div>}</td>
                <td className="py-1 text-right tabular-nums">{money(l.amountExclVat)}</td>
                <td className="py-1 text-right">{l.vatPercent === null ? "—" : `${l.vatPercent}%`}</td>
                <td className="py-1 text-right tabular-nums">{money(l.vat)}</td>
                <td className="py-1 text-right tabular-nums">{money(l.amountInclVat)}</td>
              </tr>
            ))}
            {r.lines.length === 0 && <tr><td colSpan={5} className="py-2 text-slate-600">{s["receipt.nothing"]}</td></tr>}
          </tbody>
          <tfoot>
            <tr><td className="pt-2" colSpan={4}>{s["receipt.totalExcl"]}</td><td className="pt-2 text-right tabular-nums">{money(r.totalExclVat)}</td></tr>
            <tr><td colSpan={4}>{s["receipt.vat"]}</td><td className="text-right tabular-nums" data-testid="receipt-vat">{money(r.totalVat)}</td></tr>
            <tr className="font-semibold text-base"><td colSpan={4}>{s["receipt.total"]}</td><td className="text-right tabular-nums" data-testid="receipt-total" data-minor={r.totalInclVat}>{money(r.totalInclVat)}</td></tr>
          </tfoot>
        </table>
      </div>
      {p && (
        <section className="text-sm" data-testid="receipt-payment">
          <h2 className="font-semibold">{s["receipt.payment"]}</h2>
          <p>{fill("receipt.paidWith", { method })}</p>
          <p>{fill("receipt.amounts", { authorized: money(p.authorizedMinor), captured: money(p.capturedMinor), refunded: money(p.refundedMinor) })}</p>
          {p.refunds.length > 0 && (
            <ul className="list-disc pl-5" data-testid="receipt-refunds">{p.refunds.map((f, i) => <li key={i}>{money(f.amountMinor)} — {f.reason}</li>)}</ul>
          )}
        </section>
      )}
    </article>
  );
}
