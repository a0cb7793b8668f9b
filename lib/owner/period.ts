// The dashboard's period: whole local days [from, to] in one time zone, as
// the instants [start, end). Days and months of the charts are that zone's.
import { localMidnight } from "../garage/month.ts";
import { AppError } from "../errors/app-error.ts";

export type TPeriod = { from: string; to: string; timeZone: string; start: Date; end: Date };

const MAX_DAYS = 366 * 2;

export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function periodOf(from: string, to: string, timeZone: string): TPeriod {
  const start = localMidnight(from, timeZone);
  const end = localMidnight(to, timeZone, 1);
  if (!(end > start)) throw new AppError("INVALID_INPUT", "owner.err.periodOrder");
  if ((end.getTime() - start.getTime()) / 86_400_000 > MAX_DAYS) throw new AppError("INVALID_INPUT", "owner.err.periodLong");
  return { from, to, timeZone, start, end };
}

const pad = (n: number) => String(n).padStart(2, "0");
export const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Named periods the page offers; "month" is the default. */
export function presetPeriod(name: string, timeZone: string, now = new Date()): { from: string; to: string } {
  const today = todayIn(timeZone, now);
  const [y, m] = today.split("-").map(Number);
  switch (name) {
    case "lastMonth": {
      const py = m === 1 ? y - 1 : y;
      const pm = m === 1 ? 12 : m - 1;
      return { from: `${py}-${pad(pm)}-01`, to: addDays(`${y}-${pad(m)}-01`, -1) };
    }
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "year":
      return { from: `${y}-01-01`, to: today };
    case "12m": {
      const back = y * 12 + (m - 1) - 11;
      return { from: `${Math.floor(back / 12)}-${pad((back % 12) + 1)}-01`, to: today };
    }
    default:
      return { from: `${y}-${pad(m)}-01`, to: today };
  }
}

/** Every day and month label of the period, so empty days still get a bar. */
export function daysOf(p: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to && out.length <= MAX_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}

export function monthsOf(p: { from: string; to: string }): string[] {
  return [...new Set(daysOf(p).map((d) => d.slice(0, 7)))];
}

/** The month "YYYY-MM" as a period. */
export function monthPeriod(month: string, timeZone: string): TPeriod {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return periodOf(`${month}-01`, `${month}-${pad(last)}`, timeZone);
}
