// Wall-clock arithmetic in an IANA zone using only Intl, so DST days come
// out right: restrictions are evaluated on the local clock at each instant,
// and the session is split wherever that clock crosses a restriction edge.
import type { TDay } from "./schema.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "long",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  /** YYYY-MM-DD on the local calendar */
  date: string;
  /** seconds since local midnight (0..86399) */
  secondOfDay: number;
  weekday: TDay;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    secondOfDay: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second),
    weekday: parts.weekday.toUpperCase() as TDay,
  };
}

/** Local wall clock minus UTC, in ms, at instant `ms` (whole seconds; zones with sub-second offsets do not exist today). */
export function offsetMs(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const [y, m, d] = p.date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d) + p.secondOfDay * 1000;
  return wall - Math.floor(ms / 1000) * 1000;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Instants at which the local clock may show `date` + `secondOfDay`. Usually
 * one; two on a fall-back day; on a spring-forward day the time does not
 * exist and the returned instants are harmless extra cuts (the DST
 * transition itself is cut separately by `offsetTransitions`).
 */
export function localToInstants(date: string, secondOfDay: number, timeZone: string): number[] {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d) + secondOfDay * 1000;
  const out = new Set<number>();
  for (const probe of [wall - 12 * 3600_000, wall, wall + 12 * 3600_000]) {
    out.add(wall - offsetMs(probe, timeZone));
  }
  return [...out];
}

/** Instants in (fromMs, toMs] where the zone's UTC offset changes. */
export function offsetTransitions(fromMs: number, toMs: number, timeZone: string): number[] {
  const out: number[] = [];
  const step = 6 * 3600_000;
  let a = fromMs;
  let offA = offsetMs(a, timeZone);
  while (a < toMs) {
    const b = Math.min(a + step, toMs);
    const offB = offsetMs(b, timeZone);
    if (offB !== offA) {
      // transitions happen on whole seconds: search seconds with offset(lo) = offA, offset(hi) = offB
      let lo = Math.floor(a / 1000);
      let hi = Math.ceil(b / 1000);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMs(mid * 1000, timeZone) === offA) lo = mid;
        else hi = mid;
      }
      if (hi * 1000 > fromMs && hi * 1000 <= toMs) out.push(hi * 1000);
    }
    a = b;
    offA = offB;
  }
  return out;
}

const WEEKDAYS: TDay[] = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

/**
 * A fast local clock for instants in [fromMs, toMs]: the zone's offset is
 * looked up once per DST period instead of asking Intl for every instant.
 */
export function makeClock(fromMs: number, toMs: number, timeZone: string): (ms: number) => LocalParts {
  const changes = offsetTransitions(fromMs, toMs, timeZone);
  const starts = [fromMs, ...changes];
  const offsets = starts.map((ms) => offsetMs(ms, timeZone));
  return (ms) => {
    let i = starts.length - 1;
    while (i > 0 && ms < starts[i]) i--;
    const wall = ms + offsets[i];
    const d = new Date(wall);
    return {
      date: d.toISOString().slice(0, 10),
      secondOfDay: Math.floor(((wall % 86_400_000) + 86_400_000) % 86_400_000 / 1000),
      weekday: WEEKDAYS[d.getUTCDay()],
    };
  };
}
