// Turns stored OCPP MeterReading rows into the samples computeCost prices,
// so the bill is built from exactly what the charger metered. Values are
// parsed from their decimal text (MeterReading.value), never from the float
// column. Rows that cannot become part of a sample are returned, not dropped.
import { divRoundHalfUp, parseDecimalScaled, toSafeNumber } from "./money.ts";

export interface MeterReadingRow {
  timestamp: Date | string;
  measurand?: string | null;
  value: string;
  unit?: string | null;
  phase?: string | null;
}

export interface MeterSample {
  at: Date;
  energyWh: number;
  powerW?: number;
  currentA?: number;
}

const ENERGY = "Energy.Active.Import.Register";
const POWER = "Power.Active.Import";
const CURRENT = "Current.Import";
const PHASES = new Set(["L1", "L2", "L3"]);
/** readings are parsed with 6 decimals of their unit (kWh to the mWh) */
const DECIMALS = 6;
const ONE = 10n ** BigInt(DECIMALS);

function toBase(value: string, unit: string | null | undefined, base: "Wh" | "W" | "A"): bigint {
  const micro = parseDecimalScaled(value, DECIMALS, "meter value");
  const u = unit ?? base;
  if (u === base) return micro;
  if (u === `k${base}`) return micro * 1000n;
  throw new Error(`unit ${u} is not ${base} or k${base}`);
}

function combine(values: { phase: string | null; v: bigint }[], phased: "sum" | "max"): bigint | undefined {
  const whole = values.find((x) => x.phase === null);
  if (whole) return whole.v;
  const perPhase = values.filter((x) => x.phase !== null && PHASES.has(x.phase));
  if (perPhase.length === 0) return undefined;
  return phased === "sum" ? perPhase.reduce((s, x) => s + x.v, 0n) : perPhase.reduce((m, x) => (x.v > m ? x.v : m), perPhase[0].v);
}

export function samplesFromMeterReadings(rows: MeterReadingRow[]): { samples: MeterSample[]; ignored: { row: MeterReadingRow; reason: string }[] } {
  const ignored: { row: MeterReadingRow; reason: string }[] = [];
  const byTime = new Map<number, Record<string, { phase: string | null; v: bigint; row: MeterReadingRow }[]>>();
  for (const row of rows) {
    const measurand = row.measurand ?? ENERGY;
    const base = measurand === ENERGY ? "Wh" : measurand === POWER ? "W" : measurand === CURRENT ? "A" : undefined;
    if (!base) continue; // voltage, SoC, ...: not used for pricing
    const ms = new Date(row.timestamp).getTime();
    if (!Number.isFinite(ms)) {
      ignored.push({ row, reason: "invalid timestamp" });
      continue;
    }
    let v: bigint;
    try {
      v = toBase(row.value, row.unit, base);
    } catch (e) {
      ignored.push({ row, reason: (e as Error).message });
      continue;
    }
    const slot = byTime.get(ms) ?? {};
    (slot[measurand] ??= []).push({ phase: row.phase ?? null, v, row });
    byTime.set(ms, slot);
  }
  const samples: MeterSample[] = [];
  for (const [ms, slot] of [...byTime.entries()].sort((a, b) => a[0] - b[0])) {
    const energy = combine(slot[ENERGY] ?? [], "sum");
    if (energy === undefined) {
      for (const m of [POWER, CURRENT]) for (const x of slot[m] ?? []) ignored.push({ row: x.row, reason: "no energy register at this time" });
      continue;
    }
    const power = combine(slot[POWER] ?? [], "sum");
    const current = combine(slot[CURRENT] ?? [], "max");
    samples.push({
      at: new Date(ms),
      // whole Wh, half up: the engine bills whole Wh
      energyWh: toSafeNumber(divRoundHalfUp(energy, ONE), "energy"),
      ...(power !== undefined ? { powerW: Number(power) / Number(ONE) } : {}),
      ...(current !== undefined ? { currentA: Number(current) / Number(ONE) } : {}),
    });
  }
  return { samples, ignored };
}
