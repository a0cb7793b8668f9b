// The dashboard's query string (?preset= or ?from=&to=, ?station=) read
// strictly: a value that is present but wrong is reported (a message key),
// never silently replaced by something else. The caller shows the notice with
// the default view (pages) or answers 400 with it (CSV).
import { isUuid } from "./context.ts";
import { todayIn } from "./period.ts";

export type TPeriodParams = { preset?: string; from?: string; to?: string; station?: string };
export const PRESETS = ["month", "lastMonth", "30d", "12m", "year"] as const;

/** A real calendar day "YYYY-MM-DD" (2026-02-31 is not). */
export const isDay = (v: unknown): v is string =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
/** A month "YYYY-MM", 01–12. */
export const isMonth = (v: unknown): v is string => typeof v === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

export type TReadParams =
  | { kind: "range"; from: string; to: string; stationId: string | null; error: null }
  | { kind: "preset"; preset: string; stationId: string | null; error: string | null };

export function readPeriodParams(sp: TPeriodParams): TReadParams {
  const given = (v: string | undefined) => v !== undefined && v !== "";
  const stationBad = given(sp.station) && !isUuid(sp.station);
  const stationId = given(sp.station) && !stationBad ? sp.station! : null;
  if (stationBad) return { kind: "preset", preset: "month", stationId: null, error: "owner.err.stationParam" };
  if (given(sp.from) || given(sp.to)) {
    if (!isDay(sp.from) || !isDay(sp.to)) return { kind: "preset", preset: "month", stationId, error: "owner.err.periodParam" };
    return { kind: "range", from: sp.from, to: sp.to, stationId, error: null };
  }
  if (given(sp.preset) && !(PRESETS as readonly string[]).includes(sp.preset!)) return { kind: "preset", preset: "month", stationId, error: "owner.err.presetParam" };
  return { kind: "preset", preset: sp.preset || "month", stationId, error: null };
}

/** ?month= of the payouts page: the month asked for, else this month with a notice when something wrong was asked. */
export function readMonthParam(month: string | undefined, timeZone: string, now = new Date()): { month: string; error: string | null } {
  const current = todayIn(timeZone, now).slice(0, 7);
  if (month === undefined || month === "") return { month: current, error: null };
  return isMonth(month) ? { month, error: null } : { month: current, error: "owner.err.monthParam" };
}

/** The statement worth downloading for a period: its last month that has begun. */
export function statementMonthOf(p: { from: string; to: string }, timeZone: string, now = new Date()): string {
  const current = todayIn(timeZone, now).slice(0, 7);
  const last = p.to.slice(0, 7);
  return last <= current ? last : current < p.from.slice(0, 7) ? p.from.slice(0, 7) : current;
}
