// Reads the owner roll-up for a period: the station, day and month sums of the
// stored days, and which (station, day) pairs have no row — those become the
// slices the live queries compute. Sums and coverage come from ONE statement,
// so from one snapshot: a day whose row a trigger deletes meanwhile is either
// read here (as it was) or computed live, never both and never neither.
import { Prisma, type Db } from "../db/client.ts";
import type { TBucketRow, TScope, TSlice } from "./earnings-queries.ts";
import { addDays, todayIn, type TPeriod } from "./period.ts";

const { sql, empty } = Prisma;

export const DAY_MEASURES = ["sessions", "failed", "energy_wh", "duration_ms", "bookings", "occupied_ms", "unpaid_sessions", "unpaid_energy_wh"];
export const DAY_MONEY_MEASURES = ["gross", "fees", "refunds", "payments", "refund_lines"];

export type TFigureRow = TBucketRow & { currency?: string } & Partial<Record<string, number | string>>;

/** The last day of the zone that is over at `now`: only such days are read from the roll-up. */
export const lastClosedDay = (timeZone: string, now: Date) => addDays(todayIn(timeZone, now), -1);

/** One pass over the stored rows: sums per station and per
 *  day via GROUPING SETS; months are summed from the (few) day rows, not from
 *  the stored rows again. Nothing is materialised, so nothing spills to disk. */
function sumsOf(table: string, where: Prisma.Sql, measures: string[], byCurrency: boolean): Prisma.Sql {
  const sums = Prisma.raw(measures.map((m) => `sum(${m})::bigint AS ${m}`).join(", "));
    const cur = Prisma.raw(byCurrency ? ", currency" : "");
  const curSet = Prisma.raw(byCurrency ? ", r.currency" : "");
  const t = Prisma.raw(table);
  return sql`g AS (
      SELECT r.station_id, r.day${curSet}, GROUPING(r.station_id) AS by_day, ${sums}
      FROM ${t} r JOIN stations st ON st.id = r.station_id WHERE ${where}
      GROUP BY GROUPING SETS ((r.station_id${curSet}), (r.day${curSet})))
    SELECT 'station' AS bucket, station_id::text AS key${cur}, ${Prisma.raw(measures.join(", "))} FROM g WHERE by_day = 0
    UNION ALL SELECT 'day', to_char(day, 'YYYY-MM-DD')${cur}, ${Prisma.raw(measures.join(", "))} FROM g WHERE by_day = 1
    UNION ALL SELECT 'month', to_char(day, 'YYYY-MM')${cur}, ${sums} FROM g WHERE by_day = 1 GROUP BY 2${cur}`;
}

export async function readRollup(db: Db, scope: TScope, stationIds: string[], p: TPeriod, now: Date, moneyOnly = false) {
  const whole = (id: string): TSlice => ({ stationId: id, first: p.from, last: p.to });
  const upto = [p.to, lastClosedDay(p.timeZone, now)].sort()[0];
  if (upto < p.from || stationIds.length === 0) return { rows: [] as TFigureRow[], slices: stationIds.map(whole) };

  const where = sql`r.time_zone = ${p.timeZone} AND r.day >= ${p.from}::date AND r.day <= ${upto}::date
    AND st.owner_id = ${scope.ownerId}::uuid${scope.stationId ? sql` AND st.id = ${scope.stationId}::uuid` : empty}`;
  // Days and money in one statement, so from one snapshot: a day whose row a
  // trigger deletes meanwhile is either read here (as it was) or computed live,
  // never both and never neither. Holes inside a station's covered range (rare:
  // invalidated days) are listed in the same statement.
  const days = moneyOnly ? null : sumsOf("owner_station_days", where, DAY_MEASURES, false);
  const money = sumsOf("owner_station_day_money", where, DAY_MONEY_MEASURES, true);
  type TRange = { station_id: string; first: string; last: string };
  const [row] = await db.$queryRaw<{ days: TFigureRow[] | null; money: TFigureRow[] | null; cover: TRange[] | null; gaps: TRange[] | null }[]>`
    WITH cover AS MATERIALIZED (
      SELECT r.station_id, count(*) AS n, min(r.day) AS first, max(r.day) AS last
      FROM owner_station_days r JOIN stations st ON st.id = r.station_id WHERE ${where} GROUP BY 1),
    holes AS (
      SELECT station_id, (prev + 1)::text AS first, (day - 1)::text AS last FROM (
        SELECT r.station_id, r.day, lag(r.day) OVER (PARTITION BY r.station_id ORDER BY r.day) AS prev
        FROM owner_station_days r JOIN cover c ON c.station_id = r.station_id AND c.n < c.last - c.first + 1
        WHERE r.time_zone = ${p.timeZone} AND r.day >= ${p.from}::date AND r.day <= ${upto}::date) g
      WHERE day - prev > 1)
    SELECT ${days ? sql`(SELECT json_agg(x) FROM (WITH ${days}) x)` : sql`NULL::json`} AS days,
      (SELECT json_agg(x) FROM (WITH ${money}) x) AS money,
      (SELECT json_agg(json_build_object('station_id', station_id, 'first', first::text, 'last', last::text)) FROM cover) AS cover,
      (SELECT json_agg(holes) FROM holes) AS gaps`;

  const cover = new Map((row.cover ?? []).map((c) => [c.station_id, c]));
  const gaps = new Map<string, TSlice[]>();
  for (const g of row.gaps ?? []) gaps.set(g.station_id, [...(gaps.get(g.station_id) ?? []), { stationId: g.station_id, first: g.first, last: g.last }]);
  const slices: TSlice[] = [];
  for (const id of stationIds) {
    const c = cover.get(id);
    if (!c) { slices.push(whole(id)); continue; }
    if (c.first > p.from) slices.push({ stationId: id, first: p.from, last: addDays(c.first, -1) });
    slices.push(...(gaps.get(id) ?? []));
    if (c.last < p.to) slices.push({ stationId: id, first: addDays(c.last, 1), last: p.to });
  }
  return { rows: [...(row.days ?? []), ...(row.money ?? [])], slices };
}
