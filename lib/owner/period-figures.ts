// The figures of a period, per station, day and month: closed days from the
// roll-up, everything else (today, days a change invalidated, days not yet
// filled, zones without a roll-up) from the sessions and payments themselves.
// `live` skips the roll-up altogether (tests compare both ways to the cent).
import type { Db, Prisma } from "../db/client.ts";
import {
  BOOKING_MEASURES, MONEY_MEASURES, REFUND_MEASURES, SESSION_MEASURES, bookingsByDay, moneyByDay, occupiedBySlice, refundsByDay, rollup, sessionsByDay,
  type TScope, type TSlice,
} from "./earnings-queries.ts";
import type { TPeriod } from "./period.ts";
import { readRollup, type TFigureRow } from "./rollup-read.ts";

export type TFigureOptions = { live?: boolean; moneyOnly?: boolean };

const toNumbers = (rows: Record<string, unknown>[]): TFigureRow[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])) as TFigureRow);

/** Up to this many station-days computed live, the slices are read through the
 *  (station, start) indexes. The planner cannot estimate "started_at between
 *  this slice's bounds" and, for a few one-day slices (today, days a refund
 *  invalidated), picks a hash join over every session of the table: 2.4 s
 *  instead of 20 ms for 1,000 one-day slices among 1.6 M sessions (a month of
 *  1,000 stations: 1.2 s instead of 2.8 s). A whole year of a large estate (an
 *  empty roll-up) keeps the planner's choice: one scan wins there. */
const INDEX_PATH_MAX_STATION_DAYS = 100_000;
const dayCount = (s: TSlice) => (Date.parse(s.last) - Date.parse(s.first)) / 86_400_000 + 1;

export async function periodFigures(db: Db, scope: TScope, stationIds: string[], p: TPeriod, now: Date, o: TFigureOptions = {}): Promise<TFigureRow[]> {
  const { rows, slices } = o.live
    ? { rows: [], slices: stationIds.map((id): TSlice => ({ stationId: id, first: p.from, last: p.to })) }
    : await readRollup(db, scope, stationIds, p, now, o.moneyOnly);
  if (!slices.length) return rows;
  const tz = p.timeZone;
  const few = slices.reduce((n, s) => n + dayCount(s), 0) <= INDEX_PATH_MAX_STATION_DAYS;
  // Refunds are read from the (few) refunds of the period, not per slice: the planner's hash join is right there.
  const q = (query: Prisma.Sql, perSlice = true) =>
    (few && perSlice
      ? db.$transaction([db.$executeRaw`SET LOCAL enable_hashjoin = off`, db.$executeRaw`SET LOCAL enable_mergejoin = off`, db.$queryRaw<Record<string, unknown>[]>(query)], { timeout: 120_000 }).then((r) => r[2])
      : db.$queryRaw<Record<string, unknown>[]>(query)
    ).then(toNumbers);
  const live = await Promise.all([
    q(rollup(moneyByDay(tz, slices, scope.ownerId), MONEY_MEASURES, true)),
    q(rollup(refundsByDay(tz, slices, scope.ownerId), REFUND_MEASURES, true), false),
    ...(o.moneyOnly ? [] : [
      q(rollup(sessionsByDay(tz, slices, scope.ownerId), SESSION_MEASURES)),
      q(rollup(bookingsByDay(tz, slices, scope.ownerId), BOOKING_MEASURES)),
      q(rollup(occupiedBySlice(tz, slices, scope.ownerId, now), ["occupied_ms"])),
    ]),
  ]);
  return [...rows, ...live.flat()];
}

/** Money per currency over the station rows: gross, fees, refunds, net and statement lines. */
export function moneyTotals(rows: TFigureRow[]) {
  const out: Record<string, { gross: number; fees: number; refunds: number; net: number; lines: number }> = {};
  for (const r of rows) {
    if (r.bucket !== "station" || !r.currency) continue;
    const t = (out[r.currency] ??= { gross: 0, fees: 0, refunds: 0, net: 0, lines: 0 });
    t.gross += Number(r.gross ?? 0); t.fees += Number(r.fees ?? 0); t.refunds += Number(r.refunds ?? 0);
    t.lines += Number(r.payments ?? 0) + Number(r.refund_lines ?? 0);
  }
  for (const t of Object.values(out)) t.net = t.gross - t.fees - t.refunds;
  return out;
}
