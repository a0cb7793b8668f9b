// OCPI opening_times -> Station.is24x7 / workingHours ({ mon: [["08:00","20:00"]], ... }).
// Days not listed in regular_hours are closed. A week where every day is open
// from 00:00 to the end of the day (23:59, 24:00, or 00:00-00:00 as some CPOs
// write it) is shown as 24/7.

export type WorkingHours = Partial<Record<Day, [string, string][]>>;
type Day = (typeof DAYS)[number];

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export type OpeningResult = { is24x7: boolean; workingHours: WorkingHours | null; reasons: string[] };

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;

export function normaliseOpeningTimes(raw: unknown): OpeningResult {
  if (raw === undefined || raw === null) return { is24x7: true, workingHours: null, reasons: [] };
  if (typeof raw !== "object") return { is24x7: true, workingHours: null, reasons: ["opening_times is not an object; assumed 24/7"] };
  const o = raw as { twentyfourseven?: unknown; regular_hours?: unknown };
  if (o.twentyfourseven === true) return { is24x7: true, workingHours: null, reasons: [] };
  if (!Array.isArray(o.regular_hours) || o.regular_hours.length === 0) {
    return o.twentyfourseven === false
      ? { is24x7: true, workingHours: null, reasons: ["opening_times has neither twentyfourseven nor regular_hours; assumed 24/7"] }
      : { is24x7: true, workingHours: null, reasons: [] };
  }
  const reasons: string[] = [];
  const hours: WorkingHours = {};
  for (const entry of o.regular_hours as { weekday?: unknown; period_begin?: unknown; period_end?: unknown }[]) {
    const wd = Number(entry?.weekday);
    const begin = String(entry?.period_begin ?? "");
    let end = String(entry?.period_end ?? "");
    if (!Number.isInteger(wd) || wd < 1 || wd > 7 || !TIME.test(begin) || !TIME.test(end)) {
      reasons.push(`ignored opening period ${JSON.stringify(entry)}`);
      continue;
    }
    if (end === "00:00" || end === "23:59") end = "24:00";
    const day = DAYS[wd - 1];
    (hours[day] ??= []).push([begin, end]);
  }
  for (const day of DAYS) hours[day]?.sort((a, b) => a[0].localeCompare(b[0]));
  const allDay = DAYS.every((d) => hours[d]?.some(([b, e]) => b === "00:00" && e === "24:00"));
  if (allDay) return { is24x7: true, workingHours: null, reasons };
  return { is24x7: false, workingHours: hours, reasons };
}
