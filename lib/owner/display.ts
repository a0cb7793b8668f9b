// Owner pages' words for numbers and codes: plural forms by the locale's
// rules (Intl.PluralRules: en one/other; ru one/few/many), decimals with the
// locale's separator, human names for connector and amenity codes (the CSVs
// keep the codes).
import { connectorLabel } from "../i18n/labels.ts";
import { translator, type Locale, type MessageKey } from "../i18n/translate.ts";

/** "owner.rev.average" + ".one" | ".few" | ".many" | ".other" for this count. */
export function pluralKey(base: string, count: number, locale: Locale): MessageKey {
  const cat = new Intl.PluralRules(locale).select(count);
  return `${base}.${cat === "one" || cat === "few" || cat === "many" ? cat : "other"}` as MessageKey;
}

/** "4.0" / "4,0". */
export const oneDecimal = (v: number, locale: Locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

export function reviewAverage(avg: number, count: number, locale: Locale): string {
  return translator(locale)(pluralKey("owner.rev.average", count, locale), { avg: oneDecimal(avg, locale), count });
}

const PLUGS = ["TYPE2", "CCS", "CHADEMO", "TYPE1", "GBT", "TESLA", "SCHUKO", "OTHER"];
/** The plug select's option names for the client form ("plug.TYPE2" → "Type 2"). */
export const plugMessages = (locale: Locale): Record<string, string> => Object.fromEntries(PLUGS.map((p) => [`plug.${p}`, connectorLabel(p, locale)]));

export const plugNames = (codes: string[], locale: Locale) => codes.map((c) => connectorLabel(c, locale)).join(", ");

/** The amenity's name in the viewer's language (the catalogue's own name for codes without one). */
export function amenityName(code: string, fallback: string, locale: Locale): string {
  const key = `map.amenity.${code}` as MessageKey;
  const name = translator(locale)(key);
  return name === key ? fallback : name;
}
