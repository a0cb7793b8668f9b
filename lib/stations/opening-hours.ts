// Working hours as a driver reads them: the week in the station's own time
// zone and whether it is open right now. Same rules as the map's SQL
// (stations.open_week_minutes): a range whose end is not after its start runs
// past midnight, "24:00" closes at the end of the day.
import { localNow } from "../map/local-time.ts";

export const WEEK_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type TWeekDay = (typeof WEEK_DAYS)[number];
export type TDayHours = { day: TWeekDay; ranges: [string, string][] };
export type TOpeningHours = {
  is24x7: boolean;
  week: TDayHours[];
  /** undefined when the time zone is unknown: we cannot tell. */
  openNow: boolean | undefined;
  today: TWeekDay | undefined;
};

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

function rangesOf(hours: unknown, day: TWeekDay): [string, string][] {
  const list = hours && typeof hours === "object" ? (hours as Record<string, unknown>)[day] : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (r): r is [string, string] => Array.isArray(r) && typeof r[0] === "string" && typeof r[1] === "string" && TIME.test(r[0]) && TIME.test(r[1]),
  );
}

/** Minute-of-week intervals [open, close) with Monday 00:00 = 0, wrapping past Sunday. */
function weekIntervals(week: TDayHours[]): [number, number][] {
  const out: [number, number][] = [];
  week.forEach(({ ranges }, i) => {
    for (const [from, to] of ranges) {
      const o = i * 1440 + minutes(from);
      let c = i * 1440 + minutes(to);
      if (minutes(to) <= minutes(from)) c += 1440;
      if (c > 10080) out.push([o, 10080], [0, c - 10080]);
      else out.push([o, c]);
    }
  });
  return out;
}

export function openingHours(station: { is24x7: boolean; workingHours: unknown; timeZone: string }, now = new Date()): TOpeningHours {
  const week = WEEK_DAYS.map((day) => ({ day, ranges: station.is24x7 ? [] : rangesOf(station.workingHours, day) }));
  const local = localNow(station.timeZone, now);
  const today = local ? (local.today as TWeekDay) : undefined;
  if (station.is24x7) return { is24x7: true, week, openNow: true, today };
  if (!local) return { is24x7: false, week, openNow: undefined, today };
  const minute = WEEK_DAYS.indexOf(today!) * 1440 + minutes(local.time);
  const openNow = weekIntervals(week).some(([o, c]) => minute >= o && minute < c);
  return { is24x7: false, week, openNow, today };
}
