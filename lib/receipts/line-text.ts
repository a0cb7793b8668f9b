// A receipt line in the reader's language: the web receipt and the PDF word
// it the same way, with kWh to 3 decimals (the precision the line is billed at,
// also used for "Energy metered").
import { formatKwh } from "../format.ts";
import { translator, type Locale } from "../i18n/translate.ts";
import { formatMinorDecimal } from "../tariffs/index.ts";
import type { TReceiptLine } from "./receipt.ts";

export const RECEIPT_KWH_DIGITS = 3;

export function receiptLineText(l: TReceiptLine, currency: string, locale: Locale): { label: string; detail: string } {
  const t = translator(locale) as (key: string, vars?: Record<string, string | number>) => string;
  const key = `receipt.line.${l.type}`;
  const label = t(key) === key ? l.label : t(key);
  const unit = (u: string) => t(`receipt.unit.${u}`);
  const price = (p: string) => formatMinorDecimal(p, currency, locale);
  const f = l.facts;
  let detail = l.detail;
  if (f.kind === "energy") detail = `${formatKwh(f.wh, locale, RECEIPT_KWH_DIGITS)} × ${price(f.unitPrice)}/${unit("kWh")}`;
  else if (f.kind === "hours") {
    const m = Math.round(f.ms / 60_000);
    detail = `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")} ${unit("h")} × ${price(f.unitPrice)}/${unit("h")}`;
  } else if (f.kind === "lateCancel") detail = t("receipt.lateCancel");
  else if (f.kind === "noShow") detail = t("receipt.noShowDetail", { minutes: f.graceMinutes });
  return { label, detail };
}
