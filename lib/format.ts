// Locale-aware formatting of money (integer minor units), energy and dates.
// Money has one implementation, exact and with the full ISO 4217 exponent table.
export { currencyExponent, formatMoney } from "./tariffs/money.ts";

export function formatKwh(wh: number, locale = "en"): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(wh / 1000)} kWh`;
}

export function formatDateTime(d: Date | string, locale = "en", timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(d));
}
