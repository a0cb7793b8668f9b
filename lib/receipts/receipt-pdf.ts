// Lays a receipt out on A4 pages for buildPdf (English labels: the standard
// PDF fonts cannot show Cyrillic).
import { formatDateTime, formatKwh, formatMoney } from "../format.ts";
import { A4, buildPdf, type TPdfPage, type TPdfText, type TPdfRule } from "./pdf.ts";
import type { TReceipt } from "./receipt.ts";

export function receiptPdf(r: TReceipt): Buffer {
  const money = (m: number) => formatMoney(m, r.currency, "en");
  const tz = r.station.timeZone;
  const pages: TPdfPage[] = [];
  let texts: TPdfText[] = [];
  let rules: TPdfRule[] = [];
  let y = A4.height - 60;
  const L = 50, R = A4.width - 50;
  const line = (text: string, opts: Partial<TPdfText> = {}) => {
    if (y < 70) { pages.push({ texts, rules }); texts = []; rules = []; y = A4.height - 60; }
    texts.push({ x: L, y, text, size: 10, ...opts });
  };
  const next = (dy = 14) => { y -= dy; };
  const rule = () => { rules.push({ x1: L, y1: y + 4, x2: R, y2: y + 4 }); next(8); };

  line("Chargeway", { size: 18, bold: true }); next(22);
  line(`Receipt ${r.number}${r.final ? "" : " (provisional)"}`, { size: 13, bold: true });
  texts.push({ x: R, y, text: formatDateTime(r.issuedAt, "en", tz), align: "right" }); next(22);
  line(`Customer: ${r.customer.name} <${r.customer.email}>`); next();
  line(`Station: ${r.station.name}`); next();
  if (r.station.address) { line(r.station.address); next(); }
  if (r.startedAt) { line(`${r.kind === "session" ? "Charging" : "Booked slot"}: ${formatDateTime(r.startedAt, "en", tz)} – ${r.endedAt ? formatDateTime(r.endedAt, "en", tz) : "…"}`); next(); }
  if (r.energyWh !== null) { line(`Energy metered: ${formatKwh(r.energyWh, "en")}`); next(); }
  next(8);
  line("Item", { bold: true });
  texts.push({ x: 330, y, text: "Net", bold: true, size: 10, align: "right" }, { x: 400, y, text: "VAT %", bold: true, size: 10, align: "right" }, { x: 460, y, text: "VAT", bold: true, size: 10, align: "right" }, { x: R, y, text: "Total", bold: true, size: 10, align: "right" });
  next(6); rule();
  for (const l of r.lines) {
    line(l.label);
    texts.push(
      { x: 330, y, text: money(l.amountExclVat), size: 10, align: "right" },
      { x: 400, y, text: l.vatPercent === null ? "—" : `${l.vatPercent}%`, size: 10, align: "right" },
      { x: 460, y, text: money(l.vat), size: 10, align: "right" },
      { x: R, y, text: money(l.amountInclVat), size: 10, align: "right" },
    );
    next(12);
    if (l.detail) { line(l.detail, { size: 8, x: L + 10 }); next(12); }
  }
  if (!r.lines.length) { line("Nothing was charged."); next(); }
  rule();
  for (const [label, v, b] of [["Total excl. VAT", r.totalExclVat, false], ["VAT", r.totalVat, false], ["Total", r.totalInclVat, true]] as const) {
    line(label, { bold: b }); texts.push({ x: R, y, text: money(v), size: 10, bold: b, align: "right" }); next();
  }
  next(10);
  if (r.payment) {
    const p = r.payment;
    const how = p.provider === "WALLET" ? "Wallet" : `${p.brand ?? "Card"} ${p.last4 ? `•••• ${p.last4}` : ""}${p.provider === "DEMO" ? " (demo payments, no real money)" : ""}`;
    line(`Paid with: ${how}`); next();
    line(`Authorised ${money(p.authorizedMinor)}, charged ${money(p.capturedMinor)}${p.refundedMinor ? `, refunded ${money(p.refundedMinor)}` : ""}; the rest was released.`); next();
    for (const f of p.refunds) { line(`Refund ${money(f.amountMinor)}: ${f.reason}`); next(); }
  }
  pages.push({ texts, rules });
  return buildPdf(pages, { title: `Chargeway receipt ${r.number}` });
}
