// Small builders for tariff tests: sessions as a charger would report them.
import type { TSessionInput, TTariffInput } from "../../lib/tariffs/index.ts";

/** One price component per element; restrictions optional. */
export function tariff(currency: string, elements: TTariffInput["elements"], extra: Partial<TTariffInput> = {}): TTariffInput {
  return { currency, elements, ...extra };
}

/** A session whose register rises linearly from 0 to `wh` between start and end. */
export function linearSession(startIso: string, endIso: string, wh: number, timeZone = "Europe/Berlin"): TSessionInput {
  return {
    startedAt: startIso,
    endedAt: endIso,
    timeZone,
    meterStartWh: 1_000_000,
    samples: [
      { at: startIso, energyWh: 1_000_000 },
      { at: endIso, energyWh: 1_000_000 + wh },
    ],
  };
}

/** A session from [iso, registerWh] pairs; ends at the last one unless endIso is given. */
export function sampledSession(points: [string, number][], endIso?: string, timeZone = "Europe/Berlin"): TSessionInput {
  return {
    startedAt: points[0][0],
    endedAt: endIso ?? points[points.length - 1][0],
    timeZone,
    samples: points.map(([at, energyWh]) => ({ at, energyWh })),
  };
}

/** Deterministic pseudo-random numbers for property checks (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
