// Turning sampled values into rows and into the figures a session shows.
// Energy always comes from the register (a running total), never from sums of
// deltas, so a lost message cannot make a session cheaper or dearer.
import type { Prisma } from "../db/client.ts";
import type { TMeterSample, TSampledValue } from "./types.ts";

export const ENERGY_REGISTER = "Energy.Active.Import.Register";

export function readingRows(
  base: { stationId: string; connectorNumber: number; sessionId: string | null; transactionId: number | null },
  samples: TMeterSample[],
): Prisma.MeterReadingCreateManyInput[] {
  return samples.flatMap((s) =>
    s.values.map((v) => ({
      stationId: base.stationId,
      connectorId: base.connectorNumber,
      sessionId: base.sessionId,
      transactionId: base.transactionId,
      timestamp: s.timestamp,
      measurand: v.measurand ?? ENERGY_REGISTER,
      value: v.value,
      numericValue: numeric(v),
      unit: v.unit ?? null,
      phase: v.phase ?? null,
      context: v.context ?? null,
      location: v.location ?? null,
      format: v.format ?? null,
    })),
  );
}

function numeric(v: TSampledValue): number | null {
  if (v.format === "SignedData") return null;
  const n = Number(v.value);
  return Number.isFinite(n) ? n : null;
}

const toBase: Record<string, number> = { Wh: 1, kWh: 1000, W: 1, kW: 1000, varh: 1, kvarh: 1000 };

/** The latest whole-charger reading of a measurand (phase-less if present), in Wh or W. */
function latest(samples: TMeterSample[], measurand: string): { value: number; at: Date } | null {
  let best: { value: number; at: Date; phased: boolean } | null = null;
  for (const s of samples) {
    for (const v of s.values) {
      if ((v.measurand ?? ENERGY_REGISTER) !== measurand) continue;
      const n = numeric(v);
      if (n === null) continue;
      const value = n * (toBase[v.unit ?? ""] ?? 1);
      const phased = !!v.phase;
      if (!best || s.timestamp > best.at || (s.timestamp.getTime() === best.at.getTime() && best.phased && !phased)) {
        best = { value, at: s.timestamp, phased };
      }
    }
  }
  return best && { value: best.value, at: best.at };
}

export function summarise(samples: TMeterSample[]) {
  const energy = latest(samples, ENERGY_REGISTER);
  const power = latest(samples, "Power.Active.Import");
  const soc = latest(samples, "SoC");
  const at = samples.reduce<Date | null>((m, s) => (!m || s.timestamp > m ? s.timestamp : m), null);
  return {
    registerWh: energy ? Math.round(energy.value) : null,
    powerW: power ? Math.round(power.value) : null,
    socPercent: soc ? Math.round(soc.value) : null,
    at,
  };
}
