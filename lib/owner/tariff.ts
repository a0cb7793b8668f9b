// The station's price: either seed 002's simple prices (per kWh, per hour) made
// into an OCPI tariff by simpleTariff, or a full OCPI tariff validated by
// tariffFromOcpi (OCPI 2.2.1 JSON in major units). The tariff row is the truth; Station.pricePerKwhMinor /
// pricePerHourMinor / currency are kept beside it for the map's filters.
import { AppError } from "../errors/app-error.ts";
import { parseMoneyToMinor, simpleTariff, type TTariff } from "../tariffs/index.ts";
import { tariffFromOcpi } from "./ocpi-tariff.ts";
import type { TTariffInput } from "./schemas.ts";

export type TPricing = {
  tariff: TTariff;
  pricePerKwhMinor: number | null;
  pricePerHourMinor: number | null;
  /** What the form shows again when the owner edits the station. */
  simple: { pricePerKwh?: string; pricePerHour?: string; vatPercent?: string } | null;
};

export function pricingFrom(input: TTariffInput): TPricing {
  if (input.mode === "simple") {
    const minor = (field: string, v: string | undefined) => {
      if (v === undefined) return null;
      try {
        return parseMoneyToMinor(v, input.currency);
      } catch {
        throw new AppError("INVALID_INPUT", "owner.err.invalid", { [`tariff.${field}`]: ["owner.err.priceDecimals"] });
      }
    };
    const kwh = minor("pricePerKwh", input.pricePerKwh);
    const hour = minor("pricePerHour", input.pricePerHour);
    if (kwh === null && hour === null) {
      throw new AppError("INVALID_INPUT", "owner.err.invalid", { "tariff.pricePerKwh": ["owner.err.priceNone"] });
    }
    const tariff = simpleTariff({ currency: input.currency, pricePerKwhMinor: kwh, pricePerHourMinor: hour, vatPercent: input.vatPercent });
    return { tariff, pricePerKwhMinor: kwh, pricePerHourMinor: hour, simple: { pricePerKwh: input.pricePerKwh, pricePerHour: input.pricePerHour, vatPercent: input.vatPercent } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(input.json);
  } catch {
    throw new AppError("INVALID_INPUT", "owner.err.invalid", { "tariff.json": ["owner.err.tariffJson"] });
  }
  // OCPI units (major currency units), as a CPO's tariff document says them.
  const parsed = tariffFromOcpi(raw);
  if (!parsed.ok) {
    // "elements[0].price_components[0].price: owner.tariff.price": the path, and a key localize.ts translates.
    throw new AppError("INVALID_INPUT", "owner.err.invalid", { "tariff.json": parsed.issues });
  }
  return { tariff: parsed.tariff, ...headlinePrices(parsed.tariff), simple: null };
}

/** The unrestricted per-kWh and per-hour prices, rounded to whole minor units, for filters. */
export function headlinePrices(t: TTariff): { pricePerKwhMinor: number | null; pricePerHourMinor: number | null } {
  const open = t.elements.filter((e) => !e.restrictions || Object.keys(e.restrictions).length === 0);
  const pick = (type: string) => {
    const c = [...open, ...t.elements].flatMap((e) => e.price_components).find((pc) => pc.type === type);
    return c ? Math.round(Number(c.price)) : null;
  };
  return { pricePerKwhMinor: pick("ENERGY"), pricePerHourMinor: pick("TIME") };
}

/** The columns of the Tariff row. */
export function tariffRow(t: TTariff) {
  return { currency: t.currency, elements: t.elements as object[], minPriceMinor: t.min_price ?? null, maxPriceMinor: t.max_price ?? null };
}
