// Opening hours as an owner types them, one text per weekday
// ("08:00-12:00, 13:00-20:00"; empty = closed), into Station.workingHours
// { mon: [["08:00","20:00"]], ... } in the station's time zone. An end at or
// before the start runs past midnight (the map's trigger reads it that way).
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type TWeekday = (typeof WEEKDAYS)[number];
export type TWorkingHours = Partial<Record<TWeekday, [string, string][]>>;

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]\d|2[0-4]):([0-5]\d)$/;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Parses one day's text; returns the ranges or an error key. */
export function parseDay(text: string): { ok: true; ranges: [string, string][] } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, ranges: [] };
  const ranges: [string, string][] = [];
  for (const part of trimmed.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const m = RANGE.exec(part);
    if (!m) return { ok: false, error: "owner.err.hoursFormat" };
    const open = `${m[1]}:${m[2]}`;
    const close = `${m[3]}:${m[4]}`;
    if (close === "24:00" && m[4] !== "00") return { ok: false, error: "owner.err.hoursFormat" };
    if (open === close) return { ok: false, error: "owner.err.hoursEmpty" };
    ranges.push([open, close === "24:00" ? "00:00" : close]);
  }
  // Same-day ranges must not overlap (an overnight range may only be the last).
  const sorted = [...ranges].sort((a, b) => minutes(a[0]) - minutes(b[0]));
  for (let i = 1; i < sorted.length; i++) {
    const prevEnd = minutes(sorted[i - 1][1]) <= minutes(sorted[i - 1][0]) ? 1440 + minutes(sorted[i - 1][1]) : minutes(sorted[i - 1][1]);
    if (minutes(sorted[i][0]) < prevEnd) return { ok: false, error: "owner.err.hoursOverlap" };
  }
  return { ok: true, ranges: sorted };
}

export function formatDay(ranges: [string, string][] | undefined): string {
  return (ranges ?? []).map(([a, b]) => `${a}-${b === "00:00" ? "24:00" : b}`).join(", ");
}

export function hoursToText(hours: unknown): Record<TWeekday, string> {
  const h = (hours && typeof hours === "object" ? hours : {}) as TWorkingHours;
  return Object.fromEntries(WEEKDAYS.map((d) => [d, formatDay(h[d])])) as Record<TWeekday, string>;
}
