// The one place a session's price is decided. See lib/tariffs/README.md for
// the rules (OCPI 2.2.1 element selection, step sizes, rounding, min/max).
import { z } from "zod";
import { isValidTimeZone, parseTariff, type TDimension, type TTariff, type TTariffInput } from "./schema.ts";
import { buildSegments, type MeterPoint, type Segment } from "./segments.ts";
import { restrictionsMatch, type PointState } from "./restrictions.ts";
import { makeClock } from "./local-time.ts";
import { priceLines, type CostLine } from "./price-lines.ts";

const instant = z.union([z.date(), z.string(), z.number()]).transform((v, ctx) => {
  const ms = v instanceof Date ? v.getTime() : typeof v === "number" ? v : Date.parse(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: `not a valid time: ${String(v)}` });
    return z.NEVER;
  }
  return ms;
});

const ZSample = z.object({
  at: instant,
  /** the energy register, Wh (absolute or relative; only differences count) */
  energyWh: z.number().finite().nonnegative("energyWh must not be negative"),
  powerW: z.number().finite().optional(),
  currentA: z.number().finite().nonnegative().optional(),
});

export const ZSessionInput = z
  .object({
    startedAt: instant,
    endedAt: instant.nullish(),
    /** used when endedAt is absent (a running session) */
    now: instant.optional(),
    timeZone: z.string().refine(isValidTimeZone, "timeZone must be an IANA zone such as Europe/Berlin"),
    /** register at start; without it the first sample is taken as the start value */
    meterStartWh: z.number().finite().nonnegative().optional(),
    samples: z.array(ZSample),
    parkingPeriods: z.array(z.object({ from: instant, to: instant })).optional(),
    /** intervals averaging less than this are idle; default 100 W */
    idlePowerW: z.number().nonnegative().default(100),
  })
  .superRefine((s, ctx) => {
    const end = s.endedAt ?? s.now;
    if (end == null) ctx.addIssue({ code: "custom", path: ["endedAt"], message: "endedAt (or now, for a running session) is required" });
    else if (end < s.startedAt) ctx.addIssue({ code: "custom", path: ["endedAt"], message: "the session ends before it starts" });
    if (s.meterStartWh === undefined && s.samples.length === 0) {
      ctx.addIssue({ code: "custom", path: ["samples"], message: "give meterStartWh or at least one meter sample" });
    }
  });

export type TSessionInput = z.input<typeof ZSessionInput>;

export interface CostResult {
  currency: string;
  lines: CostLine[];
  totalExclVat: number;
  totalVat: number;
  totalInclVat: number;
  /** metered energy (register difference), Wh */
  energyWh: number;
  chargingSeconds: number;
  parkingSeconds: number;
  appliedMinMax?: "MIN" | "MAX";
  /** true for runningCost: the session has not ended */
  provisional: boolean;
}

export class SessionInputError extends Error {
  override name = "SessionInputError";
}

function parseSession(input: TSessionInput) {
  const r = ZSessionInput.safeParse(input);
  if (!r.success) {
    throw new SessionInputError(`invalid session: ${r.error.issues.map((i) => `${i.path.join(".") || "session"}: ${i.message}`).join("; ")}`);
  }
  return r.data;
}

/** Meter points relative to the session start, clamped into the session window. */
function meterPoints(s: ReturnType<typeof parseSession>, endMs: number): MeterPoint[] {
  const samples = [...s.samples].sort((a, b) => a.at - b.at);
  const base = s.meterStartWh ?? samples[0].energyWh;
  const first = samples[0];
  const startsWithSample = first !== undefined && first.at <= s.startedAt;
  const points: MeterPoint[] = [{
    ms: s.startedAt,
    wh: 0,
    powerW: startsWithSample ? first.powerW : undefined,
    currentA: startsWithSample ? first.currentA : undefined,
    // Without meterStartWh the first sample is the zero point; what happened
    // before it is unknown and counted as charging, not as idle.
    unread: s.meterStartWh === undefined && !startsWithSample,
  }];
  for (const x of samples) {
    // Samples a little outside the window (clock skew) still count: their
    // energy is placed on the window's edge rather than dropped.
    const ms = Math.min(Math.max(x.at, s.startedAt), endMs);
    const wh = x.energyWh - base;
    const prev = points[points.length - 1];
    if (wh < prev.wh) {
      throw new SessionInputError(`meter register decreases at ${new Date(x.at).toISOString()} (${x.energyWh} Wh after ${prev.wh + base} Wh)`);
    }
    if (!Number.isInteger(wh)) throw new SessionInputError("energyWh must be whole Wh");
    points.push({ ms, wh, powerW: x.powerW, currentA: x.currentA });
  }
  return points;
}

export function computeCost(tariffInput: TTariffInput | TTariff, sessionInput: TSessionInput): CostResult {
  const tariff = parseTariff(tariffInput);
  const s = parseSession(sessionInput);
  const endMs = (s.endedAt ?? s.now)!;
  const timeZone = tariff.time_zone ?? s.timeZone;
  const points = meterPoints(s, endMs);
  const segments = buildSegments(tariff, points, endMs, {
    timeZone,
    idlePowerW: s.idlePowerW,
    parkingPeriods: s.parkingPeriods?.map((p) => ({ fromMs: p.from, toMs: p.to })),
  });
  const usage = collectUsage(tariff, segments, s.startedAt, timeZone);
  const priced = priceLines(tariff, usage);
  let chargingMs = 0;
  let parkingMs = 0;
  for (const seg of segments) {
    if (seg.charging) chargingMs += seg.endMs - seg.startMs;
    else parkingMs += seg.endMs - seg.startMs;
  }
  return {
    currency: tariff.currency,
    ...priced,
    energyWh: points[points.length - 1].wh,
    chargingSeconds: chargingMs / 1000,
    parkingSeconds: parkingMs / 1000,
    provisional: s.endedAt == null,
  };
}

/** The cost so far of a session still running, by the same rules as the final bill. */
export function runningCost(
  tariff: TTariffInput | TTariff,
  session: Omit<TSessionInput, "endedAt" | "now">,
  now: Date | string | number,
): CostResult {
  return computeCost(tariff, { ...session, endedAt: null, now });
}

/** Quantity consumed per (dimension, element), in chronological order of first use. */
export interface Usage {
  /** key `${type}:${elementIndex}` -> quantity (Wh, ms, or 1 for FLAT) */
  groups: Map<string, { type: TDimension; elementIndex: number; quantity: number }>;
  /** the element of the last segment that used each dimension (for step_size) */
  lastElement: Partial<Record<TDimension, number>>;
}

function firstMatching(tariff: TTariff, type: TDimension, state: PointState): number | undefined {
  const i = tariff.elements.findIndex(
    (el) => el.price_components.some((pc) => pc.type === type) && restrictionsMatch(el.restrictions, state),
  );
  return i < 0 ? undefined : i;
}

function collectUsage(tariff: TTariff, segments: Segment[], startMs: number, timeZone: string): Usage {
  const usage: Usage = { groups: new Map(), lastElement: {} };
  const add = (type: TDimension, elementIndex: number, quantity: number) => {
    const key = `${type}:${elementIndex}`;
    const g = usage.groups.get(key) ?? { type, elementIndex, quantity: 0 };
    g.quantity += quantity;
    usage.groups.set(key, g);
    usage.lastElement[type] = elementIndex;
  };
  let flatDone = false;
  const clock = makeClock(startMs, segments[segments.length - 1].endMs, timeZone);
  for (const seg of segments) {
    const state: PointState = {
      local: clock(seg.startMs),
      ms: seg.startMs,
      timeZone,
      energyWh: seg.energyBeforeWh,
      durationS: (seg.startMs - startMs) / 1000,
      powerKw: seg.powerKw,
      currentA: seg.currentA,
    };
    if (!flatDone) {
      const i = firstMatching(tariff, "FLAT", state);
      if (i !== undefined) {
        add("FLAT", i, 1);
        flatDone = true;
      }
    }
    if (seg.energyWh > 0) {
      const i = firstMatching(tariff, "ENERGY", state);
      if (i !== undefined) add("ENERGY", i, seg.energyWh);
    }
    const ms = seg.endMs - seg.startMs;
    if (ms > 0) {
      const type = seg.charging ? "TIME" : "PARKING_TIME";
      const i = firstMatching(tariff, type, state);
      if (i !== undefined) add(type, i, ms);
    }
  }
  return usage;
}
