// Lays a receipt out on A4 pages for buildPdf, in the reader's language (the
// embedded font shows Cyrillic station names, addresses and labels).
import { formatDateTime, formatKwh, formatMoney } from "../format.ts";
import { translator, type Locale } from "../i18n/translate.ts";
import { A4, buildPdf, type TPdfPage, type TPdfText, type TPdfRule } from "./pdf.ts";
import type { TReceipt } from "./receipt.ts";
import { RECEIPT_KWH_DIGITS, receiptLineText } from "./line-text.ts";

export function receiptPdf(r: TReceipt, locale: Locale = "en"): Buffer {
  const t = translator(locale);
  const money = (m: number) => formatMoney(m, r.currency, locale);
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
  line(t("receipt.title", { number: r.number }), { size: 13, bold: true });
  texts.push({ x: R, y, text: formatDateTime(r.issuedAt, locale, tz), align: "right" }); next(22);
  if (!r.final) { line(t("receipt.provisional")); next(); }
  line(`${t("receipt.customer")}: ${r.customer.name} <${r.customer.email}>`); next();
  line(`${t("receipt.station")}: ${r.station.name}`); next();
  if (r.station.address) { line(r.station.address); next(); }
  if (r.startedAt) { line(`${t(r.kind === "session" ? "receipt.pdfCharging" : "receipt.pdfBooked")}: ${formatDateTime(r.startedAt, locale, tz)} – ${r.endedAt ? formatDateTime(r.endedAt, locale, tz) : "…"}`); next(); }
  if (r.energyWh !== null) { line(`${t("receipt.energy")}: ${formatKwh(r.energyWh, locale, RECEIPT_KWH_DIGITS)}`); next(); }
  next(8);
  line(t("receipt.item"), { bold: true });
  texts.push({ x: 330, y, text: t("receipt.net"), bold: true, size: 10, align: "right" }, { x: 400, y, text: t("receipt.vatRate"), bold: true, size: 10, align: "right" }, { x: 460, y, text: t("receipt.vat"), bold: true, size: 10, align: "right" }, { x: R, y, text: t("receipt.amount"), bold: true, size: 10, align: "right" });
  next(6); rule();
  for (const l of r.lines) {
    const words = receiptLineText(l, r.currency, locale);
    line(words.label);
    texts.push(
      { x: 330, y, text: money(l.amountExclVat), size: 10, align: "right" },
      { x: 400, y, text: l.vatPercent === null ? "—" : `${l.vatPercent}%`, size: 10, align: "right" },
      { x: 460, y, text: money(l.vat), size: 10, align: "right" },
      { x: R, y, text: money(l.amountInclVat), size: 10, align: "right" },
    );
    next(12);
    if (words.detail) { line(words.detail, { size: 8, x: L + 10 }); next(12); }
  }
  if (!r.lines.length) { line(t("receipt.nothing")); next(); }
  rule();
  for (const [label, v, b] of [[t("receipt.totalExcl"), r.totalExclVat, false], [t("receipt.vat"), r.totalVat, false], [t("receipt.total"), r.totalInclVat, true]] as const) {
    line(label, { bold: b }); texts.push({ x: R, y, text: money(v), size: 10, bold: b, align: "right" }); next();
  }
  next(10);
  if (r.payment) {
    const p = r.payment;
    const how = p.provider === "WALLET" ? t("receipt.pdfWallet") : `${p.brand ?? t("receipt.pdfCard")} ${p.last4 ? `•••• ${p.last4}` : ""}${p.provider === "DEMO" ? ` ${t("receipt.pdfDemo")}` : ""}`;
    line(t("receipt.paidWith", { method: how })); next();
    line(t("receipt.amounts", { authorized: money(p.authorizedMinor), captured: money(p.capturedMinor), refunded: money(p.refundedMinor) })); next();
    if (r.unpaidMinor > 0) { line(t("receipt.unpaid", { amount: money(r.unpaidMinor) }), { bold: true }); next(); }
    for (const f of p.refunds) { line(`${t("receipt.refunds")}: ${money(f.amountMinor)} — ${f.reason}`); next(); }
  }
  pages.push({ texts, rules });
  return buildPdf(pages, { title: `Chargeway — ${t("receipt.title", { number: r.number })}` });
}
