// Reads the owner roll-up for a period: the station, day and month sums of the
// stored days, and which (station, day) pairs have no row — those become the
// slices the live queries compute. Sums and coverage come from ONE statement,
// so from one snapshot: a day whose row a trigger deletes meanwhile is either
// read here (as it was) or computed live, never both and never neither.
import { Prisma, type Db } from "../db/client.ts";
import { bucketsOf, type TBucketRow, type TScope, type TSlice } from "./earnings-queries.ts";
import { addDays, todayIn, type TPeriod } from "./period.ts";

const { sql, empty } = Prisma;

export const DAY_MEASURES = ["sessions", "failed", "energy_wh", "duration_ms", "bookings", "occupied_ms", "unpaid_sessions", "unpaid_energy_wh"];
export const DAY_MONEY_MEASURES = ["gross", "fees", "refunds", "payments", "refund_lines"];

export type TFigureRow = TBucketRow & { currency?: string } & Partial<Record<string, number | string>>;

type TRead = {
  cover: { station_id: string; first: string; last: string }[] | null;
  gaps: { station_id: string; first: string; last: string }[] | null;
  days: TFigureRow[] | null;
  money: TFigureRow[] | null;
};

/** The last day of the zone that is over at `now`: only such days are read from the roll-up. */
export const lastClosedDay = (timeZone: string, now: Date) => addDays(todayIn(timeZone, now), -1);

export async function readRollup(db: Db, scope: TScope, stationIds: string[], p: TPeriod, now: Date, moneyOnly = false) {
  const whole = (id: string): TSlice => ({ stationId: id, first: p.from, last: p.to });
  const upto = [p.to, lastClosedDay(p.timeZone, now)].sort()[0];
  if (upto < p.from || stationIds.length === 0) return { rows: [] as TFigureRow[], slices: stationIds.map(whole) };

  const where = (t: string) => sql`${Prisma.raw(t)}.time_zone = ${p.timeZone} AND ${Prisma.raw(t)}.day >= ${p.from}::date AND ${Prisma.raw(t)}.day <= ${upto}::date
    AND st.owner_id = ${scope.ownerId}::uuid${scope.stationId ? sql` AND st.id = ${scope.stationId}::uuid` : empty}`;
  const [r] = await db.$queryRaw<TRead[]>`
    WITH d AS MATERIALIZED (
      SELECT r.station_id, r.day, r.sessions, r.failed, r.energy_wh, r.duration_ms, r.bookings, r.occupied_ms, r.unpaid_sessions, r.unpaid_energy_wh
      FROM owner_station_days r JOIN stations st ON st.id = r.station_id WHERE ${where("r")}),
    m AS MATERIALIZED (
      SELECT m.station_id, m.day, m.currency, m.gross, m.fees, m.refunds, m.payments, m.refund_lines
      FROM owner_station_day_money m JOIN stations st ON st.id = m.station_id WHERE ${where("m")}),
    cover AS (SELECT station_id, count(*) AS n, min(day) AS first, max(day) AS last FROM d GROUP BY 1),
    gaps AS (
      SELECT station_id, (prev + 1)::text AS first, (day - 1)::text AS last FROM (
        SELECT d.station_id, d.day, lag(d.day) OVER (PARTITION BY d.station_id ORDER BY d.day) AS prev
        FROM d JOIN cover c ON c.station_id = d.station_id AND c.n < c.last - c.first + 1) g
      WHERE day - prev > 1)
    SELECT (SELECT json_agg(json_build_object('station_id', station_id, 'first', first::text, 'last', last::text)) FROM cover) AS cover,
      (SELECT json_agg(gaps) FROM gaps) AS gaps,
      ${moneyOnly ? sql`NULL::json` : sql`(SELECT json_agg(x) FROM (${bucketsOf("d", DAY_MEASURES)}) x)`} AS days,
      (SELECT json_agg(x) FROM (${bucketsOf("m", DAY_MONEY_MEASURES, true)}) x) AS money`;

  const cover = new Map((r.cover ?? []).map((c) => [c.station_id, c]));
  const gaps = new Map<string, TSlice[]>();
  for (const g of r.gaps ?? []) gaps.set(g.station_id, [...(gaps.get(g.station_id) ?? []), { stationId: g.station_id, first: g.first, last: g.last }]);
  const slices: TSlice[] = [];
  for (const id of stationIds) {
    const c = cover.get(id);
    if (!c) { slices.push(whole(id)); continue; }
    if (c.first > p.from) slices.push({ stationId: id, first: p.from, last: addDays(c.first, -1) });
    slices.push(...(gaps.get(id) ?? []));
    if (c.last < p.to) slices.push({ stationId: id, first: addDays(c.last, 1), last: p.to });
  }
  return { rows: [...(r.days ?? []), ...(r.money ?? [])], slices };
}
