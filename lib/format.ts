// Locale-aware formatting of money (integer minor units), energy, power and dates.
// Money has one implementation, exact and with the full ISO 4217 exponent table.
export { currencyExponent, formatMoney } from "./tariffs/money.ts";

/** Units in the viewer's language: Russian writes кВт·ч / кВт. */
const UNITS: Record<string, { kwh: string; kw: string }> = {
  en: { kwh: "kWh", kw: "kW" },
  ru: { kwh: "кВт·ч", kw: "кВт" },
};
const units = (locale: string) => UNITS[locale.slice(0, 2)] ?? UNITS.en;

/** The energy unit alone ("kWh" / "кВт·ч"), e.g. for "€0.49/kWh" built elsewhere. */
export function kwhUnit(locale = "en"): string {
  return units(locale).kwh;
}

export function kwUnit(locale = "en"): string {
  return units(locale).kw;
}

/** Energy given in Wh, shown in kWh with `digits` decimals (2 by default). */
export function formatKwh(wh: number, locale = "en", digits = 2): string {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(wh / 1000);
  return `${n} ${units(locale).kwh}`;
}

/** Power in kW: one decimal below 10 kW (3.7 kW), whole numbers above (150 kW). */
export function formatKw(kw: number, locale = "en"): string {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: kw < 10 ? 1 : 0 }).format(kw);
  return `${n} ${units(locale).kw}`;
}

export function formatDateTime(d: Date | string, locale = "en", timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(d));
}

export function formatDate(d: Date | string, locale = "en", timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(d));
}

/** The platform's zone when neither the user nor the browser told us theirs (stations default to it too). */
export const DEFAULT_TIME_ZONE = "Europe/Berlin";

/** True for an IANA zone name Intl knows ("Europe/Berlin", "UTC"); false for anything else. */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Same offsets now and half a year away: two zone names that read the same clock. */
function sameClock(a: string, b: string): boolean {
  if (a === b) return true;
  const offset = (tz: string, at: Date) =>
    new Intl.DateTimeFormat("en", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
  const now = new Date();
  const later = new Date(now.getTime() + 182 * 86_400_000);
  return offset(a, now) === offset(b, now) && offset(a, later) === offset(b, later);
}

/** A zone's name for people: the city part of the IANA name ("Berlin", "New York"), or "UTC". */
export function zoneLabel(tz: string): string {
  if (tz === "UTC" || tz === "Etc/UTC") return "UTC";
  return tz.split("/").pop()!.replaceAll("_", " ");
}

/**
 * The one rule for times shown to people: an event is shown in `zone` (a station's
 * zone for what happened at a station, the viewer's own zone for account events),
 * and the zone is named whenever it is not the viewer's, so no clock time is ambiguous.
 */
export function formatEventTime(d: Date | string, locale: string, zone: string, viewerZone: string, opts: { dateOnly?: boolean } = {}): string {
  const tz = isTimeZone(zone) ? zone : viewerZone;
  const text = opts.dateOnly ? formatDate(d, locale, tz) : formatDateTime(d, locale, tz);
  return opts.dateOnly || sameClock(tz, viewerZone) ? text : `${text} (${zoneLabel(tz)})`;
}
