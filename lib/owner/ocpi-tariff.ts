// The owner's "Full tariff (OCPI JSON)": OCPI 2.2.1 as the standard says it —
// prices in MAJOR units of the currency excluding VAT (0.45 = €0.45 per kWh),
// vat in percent, step_size in Wh / seconds, min/max_price as { excl_vat }.
// Prices go through the OCPI import's own converter (wirePriceToMinor) into
// lib/tariffs' stored model (minor-unit decimal strings). Unlike the import,
// which skips a broken element of a CPO feed, an owner's mistake is refused
// with "path: message key" (localized by app/(owner)/owner/localize.ts).
import { wirePriceToMinor } from "../ocpi/tariffs.ts";
import { DIMENSIONS, PRICE_SCALE, currencyExponent, isKnownCurrency, safeParseTariff, type TTariff } from "../tariffs/index.ts";
import { decimalText, formatScaled, parseDecimalScaled } from "../tariffs/money.ts";

type Issues = string[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;

/** A non-negative decimal with at most `decimals` places, as exact text; null when it is not. */
function decimal(v: unknown, decimals: number): string | null {
  if (typeof v !== "number" && typeof v !== "string") return null;
  try {
    const text = decimalText(v);
    return parseDecimalScaled(text, decimals) >= 0n ? text : null;
  } catch {
    return null;
  }
}

/** OCPI 2.2.1 Price ({ excl_vat, incl_vat }) or a bare number (2.1.1) -> whole minor units excl. VAT. */
function amountMinor(v: unknown, currency: string): number | null | undefined {
  if (absent(v)) return undefined;
  const text = decimal(isObject(v) ? v.excl_vat : v, currencyExponent(currency));
  return text === null ? null : Number(parseDecimalScaled(text, currencyExponent(currency)));
}

export function tariffFromOcpi(raw: unknown): { ok: true; tariff: TTariff } | { ok: false; issues: Issues } {
  const issues: Issues = [];
  const bad = (path: string, key: string) => issues.push(`${path}: owner.tariff.${key}`);
  if (!isObject(raw)) return { ok: false, issues: ["tariff: owner.tariff.object"] };
  const currency = typeof raw.currency === "string" ? raw.currency.trim().toUpperCase() : "";
  if (!isKnownCurrency(currency)) return { ok: false, issues: ["currency: owner.tariff.currency"] };
  const priceDecimals = PRICE_SCALE + currencyExponent(currency);
  if (!Array.isArray(raw.elements) || raw.elements.length === 0) bad("elements", "elements");
  const elements = (Array.isArray(raw.elements) ? raw.elements : []).map((el: unknown, i) => {
    const at = `elements[${i}]`;
    if (!isObject(el) || !Array.isArray(el.price_components) || el.price_components.length === 0) {
      bad(`${at}.price_components`, "components");
      return null;
    }
    const components = el.price_components.map((pc: unknown, j) => {
      const p = `${at}.price_components[${j}]`;
      if (!isObject(pc)) return bad(p, "component"), null;
      if (!(DIMENSIONS as readonly unknown[]).includes(pc.type)) bad(`${p}.type`, "type");
      const price = decimal(pc.price, priceDecimals);
      if (price === null) bad(`${p}.price`, "price");
      if (!absent(pc.vat) && (decimal(pc.vat, 4) === null || Number(pc.vat) > 100)) bad(`${p}.vat`, "vat");
      // OCPI requires step_size; 0 is seen in the wild and means "no rounding" = 1.
      const step = absent(pc.step_size) ? 1 : pc.step_size;
      if (typeof step !== "number" || !Number.isInteger(step) || step < 0) bad(`${p}.step_size`, "stepSize");
      return {
        type: pc.type,
        price: price === null ? "0" : wirePriceToMinor(price, currency),
        ...(absent(pc.vat) ? {} : { vat: pc.vat }),
        step_size: step === 0 ? 1 : step,
      };
    });
    return { price_components: components, ...(absent(el.restrictions) ? {} : { restrictions: el.restrictions }) };
  });
  const min = amountMinor(raw.min_price, currency);
  const max = amountMinor(raw.max_price, currency);
  if (min === null) bad("min_price", "amount");
  if (max === null) bad("max_price", "amount");
  if (issues.length) return { ok: false, issues };

  const parsed = safeParseTariff({ currency, elements, min_price: min, max_price: max, ...(absent(raw.time_zone) ? {} : { time_zone: raw.time_zone }) });
  if (parsed.ok) return parsed;
  return { ok: false, issues: [...new Set(parsed.issues.map((i) => `${i.path}: owner.tariff.${keyForPath(i.path, i.message)}`))] };
}

/** The remaining checks are lib/tariffs' (restrictions, duplicates, min ≤ max): one plain message per kind of field. */
function keyForPath(path: string, message: string): string {
  const field = path.split(".").pop() ?? "";
  if (/^(start|end)_time$/.test(field)) return "time";
  if (/^(start|end)_date$/.test(field)) return "date";
  if (/^(min|max)_(kwh|current|power|duration)$/.test(field)) return "range";
  if (field === "day_of_week") return "days";
  if (field === "reservation") return "reservation";
  if (field === "time_zone") return "timeZone";
  if (field === "max_price") return "maxBelowMin";
  if (field === "type" && /twice/.test(message)) return "typeTwice";
  return "invalid";
}

const major = (minorDecimal: string, currency: string) =>
  Number(formatScaled(parseDecimalScaled(minorDecimal, PRICE_SCALE), PRICE_SCALE + currencyExponent(currency)));

/** A stored tariff shown back as OCPI 2.2.1 JSON in major units (what tariffFromOcpi reads). */
export function ocpiJsonOf(t: TTariff): string {
  const amount = (minor: number | undefined) => (minor === undefined ? undefined : { excl_vat: major(String(minor), t.currency) });
  return JSON.stringify({
    currency: t.currency,
    elements: t.elements.map((e) => ({
      price_components: e.price_components.map((pc) => ({
        type: pc.type, price: major(pc.price, t.currency), ...(pc.vat === undefined ? {} : { vat: Number(pc.vat) }), step_size: pc.step_size ?? 1,
      })),
      ...(e.restrictions && Object.keys(e.restrictions).length ? { restrictions: e.restrictions } : {}),
    })),
    min_price: amount(t.min_price),
    max_price: amount(t.max_price),
    time_zone: t.time_zone,
  }, null, 2);
}

/** What the editor starts with: €0.45/kWh 07:00–22:00, €0.30 otherwise, €6.00/h idle, 19 % VAT. */
export const OCPI_EXAMPLE = JSON.stringify({
  currency: "EUR",
  elements: [
    { price_components: [{ type: "ENERGY", price: 0.45, vat: 19, step_size: 1 }], restrictions: { start_time: "07:00", end_time: "22:00" } },
    { price_components: [{ type: "ENERGY", price: 0.3, vat: 19, step_size: 1 }, { type: "PARKING_TIME", price: 6, vat: 19, step_size: 60 }] },
  ],
}, null, 2);
