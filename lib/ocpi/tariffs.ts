// OCPI Tariffs module object (2.1.1 / 2.2 / 2.2.1) -> a Tariff row.
// elements keep OCPI's shape; prices become minor units of the currency
// (0.35 EUR/kWh -> 35). Sub-cent prices stay fractional (34.5) in elements,
// because rounding a per-kWh price compounds over a session; the Station's
// filterable pricePerKwhMinor is rounded.
import { z } from "zod";
import type { RecordOutcome } from "./outcome.ts";

const ZPriceComponent = z.object({
  type: z.enum(["ENERGY", "FLAT", "PARKING_TIME", "TIME"]),
  price: z.coerce.number().min(0),
  vat: z.coerce.number().min(0).nullish(),
  step_size: z.coerce.number().int().min(0).nullish(),
});
const ZTariff = z.object({
  id: z.coerce.string().min(1),
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  tariff_alt_text: z.array(z.object({ language: z.string().nullish(), text: z.string() })).nullish(),
  min_price: z.unknown().optional(),
  max_price: z.unknown().optional(),
  elements: z.array(z.object({ price_components: z.array(z.unknown()), restrictions: z.unknown().optional() })).default([]),
});

export type NormalisedTariff = {
  externalId: string;
  name: string;
  currency: string;
  elements: { price_components: { type: string; price: number; vat?: number; step_size: number }[]; restrictions?: unknown }[];
  minPriceMinor: number | null;
  maxPriceMinor: number | null;
  altText: { language: string; text: string }[] | null;
  /** Energy price without restrictions, for the map's price filter. */
  pricePerKwhMinor: number | null;
  text: string;
};

export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const toMinor = (price: number, digits: number) => Math.round(price * 10 ** digits * 10000) / 10000;

/** OCPI 2.2 min/max_price is { excl_vat, incl_vat }; 2.1.1 has none. Shown incl. VAT when given. */
function priceMinor(raw: unknown, digits: number): number | null {
  if (raw === null || raw === undefined) return null;
  const p = typeof raw === "number" ? raw : Number((raw as { incl_vat?: unknown; excl_vat?: unknown }).incl_vat ?? (raw as { excl_vat?: unknown }).excl_vat);
  return Number.isFinite(p) ? Math.round(p * 10 ** digits) : null;
}

export function normaliseTariff(raw: unknown): { tariff?: NormalisedTariff; outcome: RecordOutcome } {
  const id = String((raw as { id?: unknown })?.id ?? "(no id)");
  const parsed = ZTariff.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join(".") || "tariff"}: ${i.message}`);
    return { outcome: { id: `tariff:${id}`, action: "rejected", reasons } };
  }
  const t = parsed.data;
  const currency = t.currency.toUpperCase();
  const digits = minorDigits(currency);
  const reasons: string[] = [];
  const elements: NormalisedTariff["elements"] = [];
  for (const [i, el] of t.elements.entries()) {
    const components: NormalisedTariff["elements"][number]["price_components"] = [];
    for (const [j, pc] of el.price_components.entries()) {
      const c = ZPriceComponent.safeParse(pc);
      if (!c.success) {
        reasons.push(`elements[${i}].price_components[${j}] ignored: ${c.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join(", ")}`);
        continue;
      }
      components.push({
        type: c.data.type,
        price: toMinor(c.data.price, digits),
        ...(c.data.vat != null ? { vat: c.data.vat } : {}),
        step_size: c.data.step_size ?? 1,
      });
    }
    if (components.length) elements.push({ price_components: components, ...(el.restrictions ? { restrictions: el.restrictions } : {}) });
  }
  const altText = t.tariff_alt_text?.length ? t.tariff_alt_text.map((a) => ({ language: a.language ?? "", text: a.text })) : null;
  const tariff: NormalisedTariff = {
    externalId: t.id,
    name: altText?.find((a) => a.language.startsWith("en"))?.text ?? altText?.[0]?.text ?? `Tariff ${t.id}`,
    currency,
    elements,
    minPriceMinor: priceMinor(t.min_price, digits),
    maxPriceMinor: priceMinor(t.max_price, digits),
    altText,
    pricePerKwhMinor: energyPriceMinor(elements),
    text: "",
  };
  tariff.text = tariffText(tariff);
  return { tariff, outcome: { id: `tariff:${t.id}`, action: reasons.length ? "corrected" : "ok", reasons } };
}

/** The per-kWh price that applies without restrictions (else the first one), rounded to whole minor units. */
export function energyPriceMinor(elements: NormalisedTariff["elements"]): number | null {
  const energy = unrestrictedFirst(elements).flatMap((e) => e.price_components).find((c) => c.type === "ENERGY");
  return energy ? Math.round(energy.price) : null;
}

function unrestrictedFirst(elements: NormalisedTariff["elements"]) {
  const free = elements.filter((e) => !e.restrictions || Object.keys(e.restrictions as object).length === 0);
  return free.length ? free : elements;
}

const UNIT: Record<string, string> = { ENERGY: "/kWh", TIME: "/h charging", PARKING_TIME: "/h parking", FLAT: " per session" };

/** Human text for a station: the CPO's English alt text, else the prices of the unrestricted elements. */
export function tariffText(t: Pick<NormalisedTariff, "altText" | "elements" | "currency">): string {
  const alt = t.altText?.find((a) => a.language.toLowerCase().startsWith("en")) ?? t.altText?.[0];
  if (alt?.text.trim()) return alt.text.trim();
  const digits = minorDigits(t.currency);
  const unrestricted = t.elements.filter((e) => !e.restrictions || Object.keys(e.restrictions as object).length === 0);
  const parts = (unrestricted.length ? unrestricted : t.elements)
    .flatMap((e) => e.price_components)
    .filter((c, i, all) => all.findIndex((o) => o.type === c.type) === i)
    .map((c) => `${(c.price / 10 ** digits).toFixed(Math.max(digits, decimals(c.price / 10 ** digits)))} ${t.currency}${UNIT[c.type]}`);
  const text = parts.length ? parts.join(" + ") : "Free";
  return unrestricted.length < t.elements.length ? `${text} (other prices apply at some times)` : text;
}

const decimals = (n: number) => Math.min(4, (String(n).split(".")[1] ?? "").length);
