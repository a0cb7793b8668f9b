// Cuts a session into segments inside which no restriction can change its
// verdict: at every meter sample, at every clock/duration edge and at every
// kWh threshold. Energy between two samples is spread linearly over time;
// a cut inside a meter interval gets its energy by interpolation rounded to
// whole Wh, so segment energies always add up to the metered total.
import { energyCuts, timeCuts } from "./restrictions.ts";
import type { TTariff } from "./schema.ts";

export interface MeterPoint {
  ms: number;
  /** Wh delivered since session start (register minus start register) */
  wh: number;
  /** power the charger reported with this sample, W */
  powerW?: number;
  currentA?: number;
  /** the register was not read here (session start without meterStart): the energy up to the next sample is unknown */
  unread?: boolean;
}

export interface Segment {
  startMs: number;
  endMs: number;
  /** Wh delivered before this segment started */
  energyBeforeWh: number;
  energyWh: number;
  /** power for power restrictions, kW: reported with the interval's closing sample, else its average (undefined when nothing is known) */
  powerKw?: number;
  currentA?: number;
  charging: boolean;
}

export interface SegmentOptions {
  timeZone: string;
  /** an interval whose average power is below this is idle (PARKING_TIME) */
  idlePowerW: number;
  /** explicit idle intervals; when given they decide charging vs parking */
  parkingPeriods?: { fromMs: number; toMs: number }[];
}

interface Interval {
  a: number;
  b: number;
  e0: number;
  e1: number;
  powerKw?: number;
  /** average power from the energy register, kW: decides charging vs idle */
  avgKw?: number;
  currentA?: number;
}

/** points: sorted, first at the session start, none after endMs. */
export function buildSegments(tariff: TTariff, points: MeterPoint[], endMs: number, opts: SegmentOptions): Segment[] {
  const startMs = points[0].ms;
  const intervals: Interval[] = [];
  let lastAvg: number | undefined;
  let lastPower = points[0].powerW === undefined ? undefined : points[0].powerW / 1000;
  let lastCurrent = points[0].currentA;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    const dt = q.ms - p.ms;
    const avgKw = p.unread ? undefined : dt > 0 ? ((q.wh - p.wh) * 3600) / dt : lastAvg;
    const powerKw = q.powerW !== undefined ? q.powerW / 1000 : avgKw;
    const currentA = q.currentA ?? p.currentA;
    intervals.push({ a: p.ms, b: q.ms, e0: p.wh, e1: q.wh, powerKw, avgKw, currentA });
    lastAvg = avgKw;
    lastPower = powerKw;
    lastCurrent = currentA ?? lastCurrent;
  }
  const last = points[points.length - 1];
  // After the last sample nothing is metered yet: time runs on in the state
  // of the last interval, without energy.
  if (endMs > last.ms || intervals.length === 0) {
    intervals.push({ a: last.ms, b: Math.max(endMs, last.ms), e0: last.wh, e1: last.wh, powerKw: lastPower, avgKw: lastAvg, currentA: lastCurrent });
  }

  const parking = opts.parkingPeriods ?? [];
  const clock = timeCuts(tariff, startMs, endMs, opts.timeZone);
  for (const p of parking) clock.push(p.fromMs, p.toMs);
  const whCuts = energyCuts(tariff);

  const segments: Segment[] = [];
  for (const iv of intervals) {
    const span = iv.b - iv.a;
    const energy = iv.e1 - iv.e0;
    const cuts: { ms: number; wh: number }[] = [];
    for (const ms of clock) {
      if (ms > iv.a && ms < iv.b) cuts.push({ ms, wh: iv.e0 + Math.round((energy * (ms - iv.a)) / span) });
    }
    for (const wh of whCuts) {
      if (wh > iv.e0 && wh < iv.e1) cuts.push({ ms: span > 0 ? iv.a + Math.round(((wh - iv.e0) * span) / energy) : iv.a, wh });
    }
    cuts.sort((x, y) => x.ms - y.ms || x.wh - y.wh);
    let prev = { ms: iv.a, wh: iv.e0 };
    for (const c of [...cuts, { ms: iv.b, wh: iv.e1 }]) {
      const wh = Math.min(Math.max(c.wh, prev.wh), iv.e1);
      const ms = Math.max(c.ms, prev.ms);
      if (ms === prev.ms && wh === prev.wh && !(segments.length === 0 && iv.b === iv.a)) continue;
      segments.push({
        startMs: prev.ms,
        endMs: ms,
        energyBeforeWh: prev.wh,
        energyWh: wh - prev.wh,
        powerKw: iv.powerKw,
        currentA: iv.currentA,
        charging: isCharging(prev.ms, iv.avgKw, opts),
      });
      prev = { ms, wh };
    }
  }
  return segments;
}

function isCharging(ms: number, avgKw: number | undefined, opts: SegmentOptions): boolean {
  if (opts.parkingPeriods) return !opts.parkingPeriods.some((p) => ms >= p.fromMs && ms < p.toMs);
  // No interval metered yet: the charger has just started, count it as charging.
  if (avgKw === undefined) return true;
  return avgKw * 1000 >= opts.idlePowerW;
}
