// Seed 002 owners list a price per kWh and a price per hour. The hourly rate
// pays for the connector being occupied, so it covers charging (TIME) and
// idle (PARKING_TIME) time alike; leave pricePerHourMinor out (or 0) for a
// pure energy price.
import { parseTariff, TariffError, type TTariff } from "./schema.ts";

export interface SimplePrices {
  currency: string;
  /** minor units per kWh, may be fractional ("35.5" or 35.5 = 0.355 EUR) */
  pricePerKwhMinor?: number | string | null;
  /** minor units per hour plugged in */
  pricePerHourMinor?: number | string | null;
  /** percent; omitted means the prices carry no VAT */
  vatPercent?: number | string | null;
}

const positive = (v: number | string | null | undefined) => v != null && Number(v) !== 0;

export function simpleTariff(p: SimplePrices): TTariff {
  for (const [name, v] of [["pricePerKwhMinor", p.pricePerKwhMinor], ["pricePerHourMinor", p.pricePerHourMinor]] as const) {
    if (v != null && !(Number(v) >= 0)) throw new TariffError(`${name} must be a non-negative number`);
  }
  const vat = p.vatPercent ?? undefined;
  const components = [];
  if (positive(p.pricePerKwhMinor)) components.push({ type: "ENERGY", price: p.pricePerKwhMinor!, vat, step_size: 1 });
  if (positive(p.pricePerHourMinor)) {
    components.push({ type: "TIME", price: p.pricePerHourMinor!, vat, step_size: 1 });
    components.push({ type: "PARKING_TIME", price: p.pricePerHourMinor!, vat, step_size: 1 });
  }
  // A free station still needs one component to be a valid OCPI tariff.
  if (components.length === 0) components.push({ type: "ENERGY", price: 0, vat, step_size: 1 });
  return parseTariff({ currency: p.currency, elements: [{ price_components: components }] });
}
