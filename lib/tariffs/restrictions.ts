// OCPI restriction semantics: lower bounds inclusive, upper bounds exclusive;
// time of day wraps midnight when end_time < start_time; kWh counts energy
// delivered so far in this session; duration counts from the session start.
import { addDays, localParts, localToInstants, offsetTransitions, type LocalParts } from "./local-time.ts";
import type { TRestrictions, TTariff } from "./schema.ts";

/** Everything a restriction may look at, at one instant of the session. */
export interface PointState {
  ms: number;
  timeZone: string;
  /** energy delivered since the session started, Wh */
  energyWh: number;
  /** seconds since the session started */
  durationS: number;
  /** average power of the meter interval, kW; undefined if unknown */
  powerKw?: number;
  currentA?: number;
  /** the local clock at ms, when already known (saves Intl calls per element) */
  local?: LocalParts;
}

export function secondsOfHHMM(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
}

export function kwhToWh(kwh: number): number {
  return Math.round(kwh * 1000);
}

export function restrictionsMatch(r: TRestrictions | undefined, s: PointState): boolean {
  if (!r) return true;
  const needsClock = r.start_time || r.end_time || r.start_date || r.end_date || r.day_of_week;
  if (needsClock) {
    const local = (s.local ??= localParts(s.ms, s.timeZone));
    if (r.start_time || r.end_time) {
      const t = local.secondOfDay;
      const from = r.start_time ? secondsOfHHMM(r.start_time) : 0;
      const to = r.end_time ? secondsOfHHMM(r.end_time) : 86400;
      const inside = from < to || !r.end_time ? t >= from && t < to : t >= from || t < to;
      if (!inside) return false;
    }
    if (r.start_date && local.date < r.start_date) return false;
    if (r.end_date && local.date >= r.end_date) return false;
    if (r.day_of_week && !r.day_of_week.includes(local.weekday)) return false;
  }
  if (r.min_kwh != null && s.energyWh < kwhToWh(r.min_kwh)) return false;
  if (r.max_kwh != null && s.energyWh >= kwhToWh(r.max_kwh)) return false;
  if (r.min_duration != null && s.durationS < r.min_duration) return false;
  if (r.max_duration != null && s.durationS >= r.max_duration) return false;
  if (r.min_power != null || r.max_power != null) {
    // Unknown power cannot prove a power-bound element applies.
    if (s.powerKw === undefined) return false;
    if (r.min_power != null && s.powerKw < r.min_power) return false;
    if (r.max_power != null && s.powerKw >= r.max_power) return false;
  }
  if (r.min_current != null || r.max_current != null) {
    if (s.currentA === undefined) return false;
    if (r.min_current != null && s.currentA < r.min_current) return false;
    if (r.max_current != null && s.currentA >= r.max_current) return false;
  }
  return true;
}

/**
 * Instants in (startMs, endMs) where a clock- or duration-based restriction
 * of any element can change its verdict: local time-of-day edges, local
 * midnights (dates, weekdays), DST transitions, duration bounds.
 */
export function timeCuts(tariff: TTariff, startMs: number, endMs: number, timeZone: string): number[] {
  const cuts = new Set<number>();
  const daySeconds = new Set<number>();
  let needsMidnight = false;
  for (const el of tariff.elements) {
    const r = el.restrictions;
    if (!r) continue;
    if (r.start_time) daySeconds.add(secondsOfHHMM(r.start_time));
    if (r.end_time) daySeconds.add(secondsOfHHMM(r.end_time));
    if (r.start_time || r.end_time || r.start_date || r.end_date || r.day_of_week) needsMidnight = true;
    if (r.min_duration != null) cuts.add(startMs + r.min_duration * 1000);
    if (r.max_duration != null) cuts.add(startMs + r.max_duration * 1000);
  }
  if (needsMidnight) {
    daySeconds.add(0);
    const first = localParts(startMs, timeZone).date;
    const last = localParts(endMs, timeZone).date;
    for (let d = addDays(first, -1); d <= addDays(last, 1); d = addDays(d, 1)) {
      for (const s of daySeconds) for (const ms of localToInstants(d, s, timeZone)) cuts.add(ms);
    }
    for (const ms of offsetTransitions(startMs, endMs, timeZone)) cuts.add(ms);
  }
  return [...cuts].filter((ms) => ms > startMs && ms < endMs).sort((a, b) => a - b);
}

/** Energy thresholds (Wh since start) where a kWh restriction changes its verdict. */
export function energyCuts(tariff: TTariff): number[] {
  const cuts = new Set<number>();
  for (const el of tariff.elements) {
    const r = el.restrictions;
    if (r?.min_kwh != null) cuts.add(kwhToWh(r.min_kwh));
    if (r?.max_kwh != null) cuts.add(kwhToWh(r.max_kwh));
  }
  return [...cuts].filter((wh) => wh > 0).sort((a, b) => a - b);
}
