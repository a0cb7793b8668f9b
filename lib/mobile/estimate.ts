// What a mobile charge costs: the charge itself (energy at the per-kWh price,
// or time at the per-hour price, never below the minimum charge) plus the
// travel fee (flat, or per km of straight-line distance). Integer minor units;
// each part rounded half up once.
import type { MobileService } from "../db/generated/client.ts";

export type TChargeWanted = { energyWh?: number | null; durationMinutes?: number | null };

export type TMobileEstimate = {
  currency: string;
  distanceKm: number;
  baseMinor: number;
  travelFeeMinor: number;
  totalMinor: number;
  etaMinutes: number;
};

const roundDiv = (num: number, den: number) => Math.floor((num * 2 + den) / (den * 2));

type Priced = Pick<MobileService, "currency" | "pricePerKwhMinor" | "pricePerHourMinor" | "minimumChargeMinor" | "travelFeeType" | "travelFeeMinor" | "responseTimeMinutes">;

export function chargePriceMinor(s: Priced, wanted: TChargeWanted): number {
  let price = 0;
  if (wanted.energyWh) price = roundDiv(wanted.energyWh * s.pricePerKwhMinor, 1000);
  else if (wanted.durationMinutes) price = roundDiv(wanted.durationMinutes * s.pricePerHourMinor, 60);
  return Math.max(price, s.minimumChargeMinor);
}

export function travelFeeMinor(s: Priced, distanceKm: number): number {
  if (s.travelFeeType === "FLAT") return s.travelFeeMinor;
  // Per started 100 m, so a few metres do not change the price.
  const hundredMetres = Math.ceil(Math.round(distanceKm * 1000) / 100);
  return roundDiv(hundredMetres * s.travelFeeMinor, 10);
}

export function estimateMobileCharge(s: Priced, distanceKm: number, wanted: TChargeWanted): TMobileEstimate {
  const baseMinor = chargePriceMinor(s, wanted);
  const travel = travelFeeMinor(s, distanceKm);
  return {
    currency: s.currency,
    distanceKm: Math.round(distanceKm * 10) / 10,
    baseMinor,
    travelFeeMinor: travel,
    totalMinor: baseMinor + travel,
    etaMinutes: s.responseTimeMinutes,
  };
}

/** The final price once the provider records what was delivered. */
export function finalMobilePrice(s: Priced, distanceKm: number, delivered: { energyWh: number; durationMinutes?: number }): number {
  const base = delivered.energyWh > 0
    ? Math.max(roundDiv(delivered.energyWh * s.pricePerKwhMinor, 1000), s.minimumChargeMinor)
    : chargePriceMinor(s, { durationMinutes: delivered.durationMinutes });
  return base + travelFeeMinor(s, distanceKm);
}
