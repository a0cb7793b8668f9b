// Estimates before a session starts, sized by the same engine that bills it:
// we synthesise the meter samples a charger would send at a constant power
// and price them with computeCost.
import { computeCost, type CostResult, type TSessionInput } from "./compute-cost.ts";
import { currencyExponent, divCeil, toSafeNumber } from "./money.ts";
import { parseTariff, TariffError, type TTariff, type TTariffInput } from "./schema.ts";

export interface EstimateInput {
  /** energy to deliver; charging stops when reached */
  energyWh?: number;
  /** total time plugged in; without energyWh the car charges for all of it */
  durationMinutes?: number;
  /** idle time after charging ends (ignored when durationMinutes is given) */
  idleMinutes?: number;
  powerKw: number;
  startAt: Date | string | number;
  timeZone: string;
}

/** The samples a charger at constant power would report for this plan. */
export function plannedSession(input: EstimateInput): TSessionInput {
  const powerW = Math.round(input.powerKw * 1000);
  if (!(powerW > 0)) throw new TariffError("powerKw must be greater than 0");
  if (input.energyWh === undefined && input.durationMinutes === undefined) {
    throw new TariffError("give energyWh or durationMinutes for an estimate");
  }
  if (input.energyWh !== undefined && !(Number.isInteger(input.energyWh) && input.energyWh >= 0)) {
    throw new TariffError("energyWh must be a whole, non-negative number of Wh");
  }
  if (input.durationMinutes !== undefined && !(input.durationMinutes >= 0)) throw new TariffError("durationMinutes must not be negative");
  const start = new Date(input.startAt).getTime();
  const totalMs = input.durationMinutes !== undefined ? Math.round(input.durationMinutes * 60_000) : undefined;
  let energyWh: number;
  let chargeMs: number;
  if (input.energyWh !== undefined) {
    energyWh = input.energyWh;
    chargeMs = Number(divCeil(BigInt(energyWh) * 3_600_000n, BigInt(powerW)));
    if (totalMs !== undefined && chargeMs > totalMs) {
      chargeMs = totalMs;
      energyWh = Math.floor((powerW * totalMs) / 3_600_000);
    }
  } else {
    chargeMs = totalMs!;
    energyWh = Math.floor((powerW * chargeMs) / 3_600_000);
  }
  const endMs = start + (totalMs ?? chargeMs + Math.round((input.idleMinutes ?? 0) * 60_000));
  const samples = [
    { at: start, energyWh: 0, powerW },
    { at: start + chargeMs, energyWh, powerW },
  ];
  if (endMs > start + chargeMs) samples.push({ at: endMs, energyWh, powerW: 0 });
  return { startedAt: start, endedAt: endMs, timeZone: input.timeZone, meterStartWh: 0, samples };
}

export function estimateCost(tariff: TTariffInput | TTariff, input: EstimateInput): CostResult {
  return computeCost(tariff, plannedSession(input));
}

export interface HoldOptions {
  startAt?: Date | string | number;
  timeZone?: string;
  /** added on top of the estimate; default 20 % */
  marginPercent?: number;
  /** idle time to cover after charging (energy targets); default 0 */
  idleMinutes?: number;
}

export interface Hold {
  /** amount to authorise, minor units incl. VAT */
  amountMinor: number;
  currency: string;
  /** the estimate the hold was sized from (amount targets: the target itself) */
  estimateInclVat: number;
  /** stop charging at this much energy (null: the amount does not limit energy) */
  energyCapWh: number | null;
}

/**
 * Sizes a payment authorisation. Energy target: estimate incl. VAT at the
 * given power from startAt, plus marginPercent (default 20 %), rounded up to
 * a whole major unit (e.g. 12.34 EUR * 1.2 = 14.808 -> 15.00 EUR), at
 * least one major unit. Amount
 * target: exactly that amount, and charging stops at energyCapFor(amount).
 */
export function holdAmountFor(
  tariffInput: TTariffInput | TTariff,
  target: { energyWh: number } | { amountMinor: number },
  powerKw: number,
  opts: HoldOptions = {},
): Hold {
  const tariff = parseTariff(tariffInput);
  const startAt = opts.startAt ?? Date.now();
  const timeZone = opts.timeZone ?? tariff.time_zone ?? "UTC";
  if ("amountMinor" in target) {
    if (!Number.isInteger(target.amountMinor) || target.amountMinor <= 0) throw new TariffError("amountMinor must be a positive whole number");
    return {
      amountMinor: target.amountMinor,
      currency: tariff.currency,
      estimateInclVat: target.amountMinor,
      energyCapWh: energyCapFor(tariff, target.amountMinor, { powerKw, startAt, timeZone }),
    };
  }
  const margin = opts.marginPercent ?? 20;
  if (!(margin >= 0) || !Number.isInteger(margin)) throw new TariffError("marginPercent must be a whole, non-negative percent");
  const est = estimateCost(tariff, { energyWh: target.energyWh, idleMinutes: opts.idleMinutes, powerKw, startAt, timeZone });
  const major = 10n ** BigInt(currencyExponent(tariff.currency));
  const withMargin = divCeil(BigInt(est.totalInclVat) * BigInt(100 + margin), 100n);
  return {
    // Never below one major unit: even a tiny session must be coverable.
    amountMinor: toSafeNumber(maxBig(divCeil(withMargin, major), 1n) * major, "hold"),
    currency: tariff.currency,
    estimateInclVat: est.totalInclVat,
    energyCapWh: target.energyWh,
  };
}

const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);

const MAX_SEARCH_WH = 10_000_000; // 10 MWh: beyond any vehicle battery

/**
 * The most energy (Wh) whose estimated cost incl. VAT stays within
 * amountMinor, charging at powerKw (default 11) from startAt (default now).
 * 0 when even an empty session costs more (a FLAT fee above the amount);
 * null when no amount of energy reaches it (free or max_price-capped).
 */
export function energyCapFor(
  tariffInput: TTariffInput | TTariff,
  amountMinor: number,
  opts: { powerKw?: number; startAt?: Date | string | number; timeZone?: string } = {},
): number | null {
  const tariff = parseTariff(tariffInput);
  if (!Number.isInteger(amountMinor) || amountMinor < 0) throw new TariffError("amountMinor must be a whole, non-negative number");
  const base = {
    powerKw: opts.powerKw ?? 11,
    startAt: opts.startAt ?? Date.now(),
    timeZone: opts.timeZone ?? tariff.time_zone ?? "UTC",
  };
  const fits = (wh: number) => estimateCost(tariff, { ...base, energyWh: wh }).totalInclVat <= amountMinor;
  if (!fits(0)) return 0;
  let lo = 0; // fits
  let hi = 1000;
  while (fits(hi)) {
    if (hi >= MAX_SEARCH_WH) return null;
    lo = hi;
    hi = Math.min(hi * 2, MAX_SEARCH_WH);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
