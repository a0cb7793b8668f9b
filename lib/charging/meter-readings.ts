// Turning sampled values into rows and into the figures a session shows.
// Energy always comes from the register (a running total), never from sums of
// deltas, so a lost message cannot make a session cheaper or dearer.
import type { Prisma } from "../db/client.ts";
import type { TMeterSample, TSampledValue } from "./types.ts";

export const ENERGY_REGISTER = "Energy.Active.Import.Register";

/** A stored reading: one MeterValue element, its sampled values kept whole. */
export function readingRow(
  base: { stationId: string; connectorNumber: number; sessionId: string | null; transactionId: number | null },
  sample: TMeterSample,
): Prisma.MeterReadingCreateManyInput {
  const f = elementFigures(sample.values);
  return {
    stationId: base.stationId,
    connectorId: base.connectorNumber,
    sessionId: base.sessionId,
    transactionId: base.transactionId,
    timestamp: sample.timestamp,
    sampledValues: sample.values,
    context: f.context,
    energyWh: f.energyWh === null ? null : BigInt(f.energyWh),
    powerW: f.powerW,
  };
}

/** The figures pulled out of one MeterValue element into their own columns:
 *  the whole-charger energy register (Wh) and active power (W; the sum of the
 *  phases when no total is sent), and the element's context. */
export function elementFigures(values: TSampledValue[]): { energyWh: number | null; powerW: number | null; context: string | null } {
  let energyWh: number | null = null;
  let powerTotal: number | null = null;
  let powerPhases: number | null = null;
  for (const v of values) {
    const measurand = v.measurand ?? ENERGY_REGISTER;
    if (measurand !== ENERGY_REGISTER && measurand !== "Power.Active.Import") continue;
    const n = numeric(v);
    if (n === null) continue;
    const x = n * (toBase[v.unit ?? ""] ?? 1);
    if (measurand === ENERGY_REGISTER) {
      if (!v.phase && x >= 0 && x <= Number.MAX_SAFE_INTEGER) energyWh = Math.round(x);
    } else if (v.phase) powerPhases = (powerPhases ?? 0) + x;
    else powerTotal = x;
  }
  return { energyWh, powerW: powerTotal ?? powerPhases, context: values[0]?.context ?? null };
}

/** Stored readings back as one row per sampled value, each with its
 *  element's timestamp: what the tariff engine reads. */
export function flattenReadings<R extends { timestamp: Date; sampledValues: unknown }>(rows: R[]): (TSampledValue & { timestamp: Date })[] {
  return rows.flatMap((r) => (Array.isArray(r.sampledValues) ? (r.sampledValues as TSampledValue[]) : []).map((v) => ({ ...v, timestamp: r.timestamp })));
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
