// Human names for codes stored in the database, in the viewer's language:
// connector types, countries (ISO 3166 alpha-3 as stations store them), card
// brands and wallet ledger lines. One place, so every page says the same thing.
import { translator, type Locale, type MessageKey } from "./translate.ts";

const CONNECTOR_TYPES = ["TYPE1", "TYPE2", "CCS", "CHADEMO", "GBT", "TESLA", "SCHUKO", "OTHER"] as const;

/** "TYPE2" → "Type 2", "CHADEMO" → "CHAdeMO"; an unknown code is shown as it is. */
export function connectorLabel(type: string, locale: Locale): string {
  return (CONNECTOR_TYPES as readonly string[]).includes(type) ? translator(locale)(`map.connector.${type}` as MessageKey) : type;
}

// Alpha-3 → alpha-2 for the countries the platform lists stations in (Europe and
// neighbours); Intl.DisplayNames needs alpha-2. Others are shown as stored.
const ALPHA3: Record<string, string> = {
  AUT: "AT", BEL: "BE", BGR: "BG", CHE: "CH", CYP: "CY", CZE: "CZ", DEU: "DE", DNK: "DK", ESP: "ES", EST: "EE",
  FIN: "FI", FRA: "FR", GBR: "GB", GRC: "GR", HRV: "HR", HUN: "HU", IRL: "IE", ISL: "IS", ITA: "IT", LIE: "LI",
  LTU: "LT", LUX: "LU", LVA: "LV", MLT: "MT", NLD: "NL", NOR: "NO", POL: "PL", PRT: "PT", ROU: "RO", SRB: "RS",
  SVK: "SK", SVN: "SI", SWE: "SE", UKR: "UA", TUR: "TR", USA: "US", CAN: "CA", MYS: "MY", SGP: "SG", AUS: "AU",
  NZL: "NZ", JPN: "JP", KOR: "KR", CHN: "CN", IND: "IN", ARE: "AE", ISR: "IL", GEO: "GE", ARM: "AM", KAZ: "KZ",
  MDA: "MD", MNE: "ME", MKD: "MK", ALB: "AL", BIH: "BA", MCO: "MC", AND: "AD", SMR: "SM", RUS: "RU", BLR: "BY",
};

/** "DEU" (or "DE") → "Germany" / "Германия". */
export function countryName(code: string | null | undefined, locale: Locale): string {
  if (!code) return "";
  const upper = code.trim().toUpperCase();
  const alpha2 = upper.length === 2 ? upper : ALPHA3[upper];
  if (!alpha2) return code;
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(alpha2) ?? code;
  } catch {
    return code;
  }
}

/** "visa" → "Visa", "amex" → "American Express". */
export function cardBrandName(brand: string | null | undefined): string {
  if (!brand) return "";
  const known: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", diners: "Diners Club", jcb: "JCB", unionpay: "UnionPay", maestro: "Maestro" };
  return known[brand.toLowerCase()] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

// Ledger lines are stored as English text by the payment code; these patterns
// give each known kind its words in the viewer's language. Unknown text is shown as stored.
const LEDGER: [RegExp, MessageKey][] = [
  [/^Top-up by card$/, "labels.ledger.topUp"],
  [/^Welcome credit$/, "labels.ledger.welcome"],
  [/^Unused hold returned$/, "labels.ledger.holdReturned"],
  [/^Hold released$/, "labels.ledger.holdReleased"],
  [/^Charging session \(hold\)$/, "labels.ledger.sessionHold"],
  [/^Booking$/, "labels.ledger.booking"],
  [/^No-show fee$/, "labels.ledger.noShow"],
  [/^Mobile charging \(hold\)$/, "labels.ledger.mobileHold"],
  [/^Payment$/, "labels.ledger.payment"],
  [/^Refund: (?<reason>.*)$/s, "labels.ledger.refund"],
  [/^Booking at (?<station>.+)$/, "labels.ledger.bookingAt"],
  [/^Charging at (?<station>.+) \(above the hold\)$/, "labels.ledger.aboveHold"],
  [/^Unpaid charging at (?<station>.+)$/, "labels.ledger.unpaidAt"],
  [/^Charging at (?<station>.+)$/, "labels.ledger.chargingAt"],
];

export function ledgerDescription(description: string, locale: Locale): string {
  for (const [re, key] of LEDGER) {
    const m = re.exec(description);
    if (m) return translator(locale)(key, m.groups ?? {});
  }
  return description;
}
