// Calendar months and days in the garage's time zone: a statement for March
// in Berlin covers Berlin's March, not UTC's.
import { offsetMs } from "../tariffs/local-time.ts";

/** The instant of local midnight at the start of `date` (YYYY-MM-DD) plus `addDays`. */
export function localMidnight(date: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d + addDays);
  let at = wall - offsetMs(wall, timeZone);
  const again = wall - offsetMs(at, timeZone);
  if (again !== at) at = again;
  return new Date(at);
}

/** [start, end) of a month "YYYY-MM" in the zone. */
export function monthRange(month: string, timeZone: string): { start: Date; end: Date } {
  const [y, m] = month.split("-").map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { start: localMidnight(`${month}-01`, timeZone), end: localMidnight(next, timeZone) };
}

/** The month an instant falls in, on the garage's calendar. */
export function monthOf(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  return `${get("year")}-${get("month")}`;
}

/** "YYYY-MM" moved by n months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}
