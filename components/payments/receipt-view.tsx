// A receipt as a printable page (the PDF has the same content).
import { formatDateTime, formatKwh, formatMoney } from "@/lib/format.ts";
import type { TReceipt } from "@/lib/receipts/receipt.ts";
import { RECEIPT_KWH_DIGITS, receiptLineText } from "@/lib/receipts/line-text.ts";
import { cardBrandName } from "@/lib/i18n/labels.ts";

export function ReceiptView({ r, locale, s }: { r: TReceipt; locale: string; s: Record<string, string> }) {
  const money = (m: number) => formatMoney(m, r.currency, locale);
  const tz = r.station.timeZone;
  const fill = (k: string, v: Record<string, string>) => s[k]!.replace(/\{(\w+)\}/g, (_, n: string) => v[n] ?? "");
  const p = r.payment;
  const lang = locale === "ru" ? "ru" : "en";
  const method = !p ? "" : p.provider === "WALLET" ? s["receipt.pdfWallet"]! : `${p.brand ? cardBrandName(p.brand) : s["receipt.pdfCard"]}${p.last4 ? ` •••• ${p.last4}` : ""}${p.provider === "DEMO" ? ` ${s["receipt.pdfDemo"]}` : ""}`;
  return (
    <article className="flex flex-col gap-4 bg-white rounded-lg border border-slate-200 p-4 print:border-0" data-testid="receipt">
      {!r.final && <p className="text-amber-800 text-sm">{s["receipt.provisional"]}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{s["receipt.customer"]}</dt><dd>{r.customer.name} &lt;{r.customer.email}&gt;</dd>
        <dt className="text-slate-500">{s["receipt.station"]}</dt><dd>{r.station.name}{r.station.address ? `, ${r.station.address}` : ""}</dd>
        {r.startedAt && <><dt className="text-slate-500">{s["receipt.period"]}</dt><dd>{formatDateTime(r.startedAt, locale, tz)} – {r.endedAt ? formatDateTime(r.endedAt, locale, tz) : "…"}</dd></>}
        {r.energyWh !== null && <><dt className="text-slate-500">{s["receipt.energy"]}</dt><dd data-testid="receipt-energy">{formatKwh(r.energyWh, locale, RECEIPT_KWH_DIGITS)}</dd></>}
      </dl>
      <div>
        <table className="w-full text-sm">
          <thead><tr className="text-left text-slate-500 border-b border-slate-200">
            <th className="py-1 pr-3">{s["receipt.item"]}</th>
            <th className="py-1 px-3 text-right hidden sm:table-cell">{s["receipt.net"]}</th>
            <th className="py-1 px-3 text-right hidden sm:table-cell">{s["receipt.vatRate"]}</th>
            <th className="py-1 px-3 text-right hidden sm:table-cell">{s["receipt.vat"]}</th>
            <th className="py-1 pl-3 text-right">{s["receipt.amount"]}</th>
          </tr></thead>
          <tbody data-testid="receipt-lines">
            {r.lines.map((l, i) => {
              const words = receiptLineText(l, r.currency, lang);
              const rate = l.vatPercent === null ? "—" : `${l.vatPercent}%`;
              return (
                <tr key={i} className="border-b border-slate-100 align-top" data-testid="receipt-line">
                  <td className="py-1 pr-3">
                    <span data-testid="receipt-line-label">{words.label}</span>
                    {words.detail && <div className="text-xs text-slate-500" data-testid="receipt-line-detail">{words.detail}</div>}
                    {/* Phones: net and VAT under the item rather than in three squeezed columns. */}
                    <div className="text-xs text-slate-500 sm:hidden" data-testid="receipt-line-vat">{s["receipt.net"]} {money(l.amountExclVat)} · {s["receipt.vat"]} {rate} {money(l.vat)}</div>
                  </td>
                  <td className="py-1 px-3 text-right tabular-nums hidden sm:table-cell">{money(l.amountExclVat)}</td>
                  <td className="py-1 px-3 text-right hidden sm:table-cell">{rate}</td>
                  <td className="py-1 px-3 text-right tabular-nums hidden sm:table-cell">{money(l.vat)}</td>
                  <td className="py-1 pl-3 text-right tabular-nums whitespace-nowrap">{money(l.amountInclVat)}</td>
                </tr>
              );
            })}
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
