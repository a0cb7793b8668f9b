// OCPI Tariffs module object (2.1.1 / 2.2 / 2.2.1) -> a Tariff row in the
// shape lib/tariffs prices sessions with: OCPI elements, prices converted
// from major units on the wire to minor-unit decimal strings (0.345 EUR/kWh
// -> "34.5"), min/max price as integer minor units excluding VAT.
import { z } from "zod";
import {
  PRICE_SCALE, ZTariffElement, currencyExponent, describeTariff, isKnownCurrency, safeParseTariff,
  type TTariff, type TTariffElement,
} from "../tariffs/index.ts";
import { decimalText, formatScaled, parseDecimalScaled } from "../tariffs/money.ts";
import type { RecordOutcome } from "./outcome.ts";

const ZWireTariff = z.object({
  id: z.union([z.string().trim().min(1), z.number()]).transform(String),
  currency: z.string().trim().transform((c) => c.toUpperCase()).refine(isKnownCurrency, "currency must be an ISO 4217 code"),
  tariff_alt_text: z.array(z.object({ language: z.string().nullish(), text: z.string() })).nullish(),
  min_price: z.unknown().optional(),
  max_price: z.unknown().optional(),
  elements: z.array(z.object({ price_components: z.array(z.record(z.string(), z.unknown())), restrictions: z.unknown().optional() })),
});

export type NormalisedTariff = {
  externalId: string;
  name: string;
  currency: string;
  elements: TTariffElement[];
  minPriceMinor: number | null;
  maxPriceMinor: number | null;
  altText: { language: string; text: string }[] | null;
  /** The per-kWh price without restrictions, rounded, for the map's price filter. */
  pricePerKwhMinor: number | null;
  text: string;
};

/** A wire price in major units (0.345) -> minor units as an exact decimal string ("34.5"). */
export function wirePriceToMinor(price: unknown, currency: string): string {
  const scale = PRICE_SCALE + currencyExponent(currency);
  const text = decimalText(price as number | string);
  let units: bigint;
  try {
    units = parseDecimalScaled(text, scale, "price");
  } catch {
    units = BigInt(Math.round(Number(text) * 10 ** scale)); // more decimals than we keep: round
  }
  return formatScaled(units, PRICE_SCALE);
}

/** OCPI 2.2 min/max_price is { excl_vat, incl_vat }; a bare number is read as excl. VAT. */
function wireAmountToMinor(raw: unknown, currency: string): number | null {
  if (raw === null || raw === undefined) return null;
  const value = typeof raw === "object" ? (raw as { excl_vat?: unknown }).excl_vat : raw;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 10 ** currencyExponent(currency)) : null;
}

export function normaliseTariff(raw: unknown): { tariff?: NormalisedTariff; outcome: RecordOutcome } {
  const rawId = (raw as { id?: unknown })?.id;
  const id = `tariff:${rawId ?? "(no id)"}`;
  const parsed = ZWireTariff.safeParse(raw);
  if (!parsed.success) {
    return { outcome: { id, action: "rejected", reasons: parsed.error.issues.map((i) => `${i.path.join(".") || "tariff"}: ${i.message}`) } };
  }
  const t = parsed.data;
  const reasons: string[] = [];
  const elements: TTariffElement[] = [];
  for (const [i, el] of t.elements.entries()) {
    const components = el.price_components.map((pc) => {
      const step = Number(pc.step_size ?? 1);
      return {
        ...pc,
        price: typeof pc.price === "number" || typeof pc.price === "string" ? wirePriceToMinor(pc.price, t.currency) : pc.price,
        vat: pc.vat ?? undefined,
        // OCPI allows step_size 0 in the wild; it means "no rounding", which is a step of 1.
        step_size: Number.isInteger(step) && step >= 1 ? step : 1,
      };
    });
    const checked = ZTariffElement.safeParse({ price_components: components, restrictions: el.restrictions ?? undefined });
    if (checked.success) elements.push(checked.data);
    else reasons.push(`elements[${i}] ignored: ${checked.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
  }
  const whole = safeParseTariff({
    currency: t.currency,
    elements,
    min_price: wireAmountToMinor(t.min_price, t.currency) ?? undefined,
    max_price: wireAmountToMinor(t.max_price, t.currency) ?? undefined,
  });
  if (!whole.ok) {
    return { outcome: { id, action: "rejected", reasons: [...reasons, ...whole.issues.map((i) => `${i.path}: ${i.message}`)] } };
  }
  const altText = t.tariff_alt_text?.length ? t.tariff_alt_text.map((a) => ({ language: a.language ?? "", text: a.text })) : null;
  const tariff: NormalisedTariff = {
    externalId: t.id,
    name: englishText(altText) ?? `Tariff ${t.id}`,
    currency: t.currency,
    elements: whole.tariff.elements,
    minPriceMinor: whole.tariff.min_price ?? null,
    maxPriceMinor: whole.tariff.max_price ?? null,
    altText,
    pricePerKwhMinor: energyPriceMinor(whole.tariff.elements),
    text: tariffText(whole.tariff, altText),
  };
  return { tariff, outcome: { id, action: reasons.length ? "corrected" : "ok", reasons } };
}

function englishText(alt: { language: string; text: string }[] | null): string | undefined {
  const a = alt?.find((x) => x.language.toLowerCase().startsWith("en")) ?? alt?.[0];
  return a?.text.trim() || undefined;
}

/** The CPO's own words when it gave them, else lib/tariffs' description of the prices. */
export function tariffText(tariff: TTariff, altText: { language: string; text: string }[] | null): string {
  return englishText(altText) ?? describeTariff(tariff).join(", ");
}

export function energyPriceMinor(elements: TTariffElement[]): number | null {
  const free = elements.filter((e) => !e.restrictions || Object.keys(e.restrictions).length === 0);
  const energy = (free.length ? free : elements).flatMap((e) => e.price_components).find((c) => c.type === "ENERGY");
  return energy ? Math.round(Number(energy.price)) : null;
}
