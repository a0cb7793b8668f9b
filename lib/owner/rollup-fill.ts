// Fills the owner roll-up (owner_station_days + owner_station_day_money):
// every closed local day of every owner's station, in the station's zone and
// in UTC, back HORIZON_DAYS. Newest days first, in small transactions (a few
// stations × ≤ 31 days), until the run's time budget is spent. Triggers
// (migration 20261121083122_owner_rollup) delete the days a change touches;
// the next run computes them again.
//
// Race-freedom: the transaction first takes the stations' EXCLUSIVE advisory
// locks (the triggers take the SHARED ones) in a statement of its own; the
// INSERT that follows is a new statement, so in READ COMMITTED it sees every
// change committed before the locks were granted, and any later change waits
// in its trigger until this commits, then deletes what was written. Locks are
// only tried (pg_try_advisory_xact_lock): a station a writer is busy with is
// skipped this time, so the filler can never deadlock with a writer that
// touches several stations.
import { Prisma, type Db } from "../db/client.ts";
import { bookingsByDay, moneyByDay, occupiedBySlice, refundsByDay, sessionsByDay, type TSlice } from "./earnings-queries.ts";

const { sql } = Prisma;

export const ROLLUP_LOCK_CLASS = 1869573999;
export const HORIZON_DAYS = 400;
const CHUNK_DAYS = 31;
const STATIONS_PER_TX = 20;
/** Chunks are cut on one grid, so many stations missing the same days share a transaction. */
const GRID_ORIGIN = Date.UTC(2000, 0, 1);

type TIsland = { station_id: string; tz: string; first: string; last: string };
type TWork = { tz: string; first: string; last: string; stationIds: string[] };

const dayNo = (d: string) => Math.round((Date.parse(`${d}T00:00:00Z`) - GRID_ORIGIN) / 86_400_000);
const dayOf = (n: number) => new Date(GRID_ORIGIN + n * 86_400_000).toISOString().slice(0, 10);

/** Missing closed days of owners' stations, as islands of consecutive days. */
function missingIslands(db: Db, now: Date, stationIds?: string[]) {
  return db.$queryRaw<TIsland[]>`
    WITH z AS (
      SELECT st.id AS station_id, tz.tz, (${now}::timestamptz AT TIME ZONE tz.tz)::date - 1 AS last_day,
        greatest((st.created_at AT TIME ZONE tz.tz)::date, (${now}::timestamptz AT TIME ZONE tz.tz)::date - ${HORIZON_DAYS}::int) AS first_day
      FROM stations st CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[st.time_zone, 'UTC']) AS tz) tz
      WHERE st.owner_id IS NOT NULL${stationIds ? sql` AND st.id = ANY(${stationIds}::uuid[])` : Prisma.empty}),
    have AS (
      SELECT z.*, c.n, c.mn, c.mx FROM z CROSS JOIN LATERAL (SELECT count(*)::int AS n, min(r.day) AS mn, max(r.day) AS mx FROM owner_station_days r
        WHERE r.station_id = z.station_id AND r.time_zone = z.tz AND r.day BETWEEN z.first_day AND z.last_day) c
      WHERE z.last_day >= z.first_day AND c.n < z.last_day - z.first_day + 1),
    -- Nothing stored, or one contiguous run: the missing days are its ends (no day-by-day scan).
    ends AS (
      SELECT station_id, tz, first_day AS first, last_day AS last FROM have WHERE n = 0
      UNION ALL SELECT station_id, tz, first_day, mn - 1 FROM have WHERE n > 0 AND n = mx - mn + 1 AND mn > first_day
      UNION ALL SELECT station_id, tz, mx + 1, last_day FROM have WHERE n > 0 AND n = mx - mn + 1 AND mx < last_day),
    missing AS (
      SELECT h.station_id, h.tz, d::date AS day FROM have h, generate_series(h.first_day::timestamp, h.last_day::timestamp, interval '1 day') d
      WHERE h.n > 0 AND h.n < h.mx - h.mn + 1
        AND NOT EXISTS (SELECT 1 FROM owner_station_days r WHERE r.station_id = h.station_id AND r.time_zone = h.tz AND r.day = d::date))
    SELECT station_id::text AS station_id, tz, min(day)::text AS first, max(day)::text AS last FROM (
      SELECT m.*, m.day - (row_number() OVER (PARTITION BY m.station_id, m.tz ORDER BY m.day))::int AS island FROM missing m) x
    GROUP BY station_id, tz, island
    UNION ALL SELECT station_id::text, tz, first::text, last::text FROM ends`;
}

/** Islands cut on the CHUNK_DAYS grid, grouped by (zone, days) into batches of stations, newest first. */
export function planWork(islands: TIsland[]): TWork[] {
  const groups = new Map<string, TWork>();
  for (const i of islands) {
    for (let end = dayNo(i.last); end >= dayNo(i.first);) {
      const start = Math.max(dayNo(i.first), Math.floor(end / CHUNK_DAYS) * CHUNK_DAYS);
      const key = `${i.tz}|${start}|${end}`;
      const g = groups.get(key) ?? { tz: i.tz, first: dayOf(start), last: dayOf(end), stationIds: [] };
      g.stationIds.push(i.station_id);
      groups.set(key, g);
      end = start - 1;
    }
  }
  const out: TWork[] = [];
  for (const g of groups.values()) {
    for (let k = 0; k < g.stationIds.length; k += STATIONS_PER_TX) out.push({ ...g, stationIds: g.stationIds.slice(k, k + STATIONS_PER_TX) });
  }
  return out.sort((a, b) => (a.last === b.last ? (a.first < b.first ? 1 : -1) : a.last < b.last ? 1 : -1));
}

/** Computes and stores the still-missing closed days of one batch; returns how many days were stored. */
async function fillBatch(db: Db, w: TWork, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM (SELECT DISTINCT unnest(${w.stationIds}::uuid[]) AS id) x
      WHERE pg_try_advisory_xact_lock(${ROLLUP_LOCK_CLASS}::int, hashtext(id::text))`;
    if (!locked.length) return 0;
    const ids = locked.map((l) => l.id);
    const slices: TSlice[] = ids.map((id) => ({ stationId: id, first: w.first, last: w.last }));
    const tz = w.tz;
    const days = await tx.$queryRaw<{ days: bigint }[]>`
      WITH days AS (
        SELECT x.station_id, d::date AS day, d AT TIME ZONE ${tz} AS day_start, (d + interval '1 day') AT TIME ZONE ${tz} AS day_end
        FROM unnest(${ids}::uuid[]) x(station_id), generate_series(${w.first}::date::timestamp, ${w.last}::date::timestamp, interval '1 day') d
        WHERE (d + interval '1 day') AT TIME ZONE ${tz} <= least(${now}::timestamptz, now())
          AND NOT EXISTS (SELECT 1 FROM owner_station_days r WHERE r.station_id = x.station_id AND r.time_zone = ${tz} AND r.day = d::date)),
      ses AS MATERIALIZED (${sessionsByDay(tz, slices, null)}),
      bk AS MATERIALIZED (${bookingsByDay(tz, slices, null)}),
      occ AS MATERIALIZED (${occupiedBySlice(tz, slices, null, now, true)}),
      mon AS MATERIALIZED (${moneyByDay(tz, slices, null)}),
      ref AS MATERIALIZED (${refundsByDay(tz, slices, null)}),
      ins AS (
        INSERT INTO owner_station_days (station_id, time_zone, day, day_start, day_end, sessions, failed, energy_wh, duration_ms, bookings, occupied_ms, unpaid_sessions, unpaid_energy_wh, computed_at)
        SELECT days.station_id, ${tz}, days.day, days.day_start, days.day_end, coalesce(ses.sessions, 0), coalesce(ses.failed, 0), coalesce(ses.energy_wh, 0),
          coalesce(ses.duration_ms, 0), coalesce(bk.bookings, 0), coalesce(occ.occupied_ms, 0),
          coalesce(ses.unpaid_sessions, 0), coalesce(ses.unpaid_energy_wh, 0), now()
        FROM days
        LEFT JOIN ses ON ses.station_id = days.station_id AND ses.day = days.day
        LEFT JOIN bk ON bk.station_id = days.station_id AND bk.day = days.day
        LEFT JOIN occ ON occ.station_id = days.station_id AND occ.day = days.day
        ON CONFLICT DO NOTHING
        RETURNING station_id, day),
      money AS (
        INSERT INTO owner_station_day_money (station_id, time_zone, day, currency, gross, fees, refunds, payments, refund_lines)
        SELECT ins.station_id, ${tz}, ins.day, coalesce(mon.currency, ref.currency), coalesce(mon.gross, 0), coalesce(mon.fees, 0),
          coalesce(ref.refunds, 0), coalesce(mon.payments, 0), coalesce(ref.refund_lines, 0)
        FROM mon FULL JOIN ref ON ref.station_id = mon.station_id AND ref.day = mon.day AND ref.currency = mon.currency
        JOIN ins ON ins.station_id = coalesce(mon.station_id, ref.station_id) AND ins.day = coalesce(mon.day, ref.day)
        RETURNING 1)
      SELECT (SELECT count(*) FROM ins) AS days, (SELECT count(*) FROM money) AS money`;
    return Number(days[0].days);
  }, { timeout: 60_000, maxWait: 10_000 });
}

export type TFillResult = { days: number; batches: number; pending: number; ms: number };

/** One run of the "owner-rollup" job: at most about `budgetMs` of work (the batch in progress finishes). */
export async function fillOwnerRollup(db: Db, o: { now?: Date; budgetMs?: number; stationIds?: string[] } = {}): Promise<TFillResult> {
  const started = Date.now();
  const now = o.now ?? new Date();
  const budget = o.budgetMs ?? 1000;
  const work = planWork(await missingIslands(db, now, o.stationIds));
  let days = 0, batches = 0;
  for (const w of work) {
    if (Date.now() - started >= budget) break;
    days += await fillBatch(db, w, now);
    batches++;
  }
  return { days, batches, pending: work.length - batches, ms: Date.now() - started };
}
