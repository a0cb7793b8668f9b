// The dashboard's SQL. Each query scans the owner's sessions (or payments,
// bookings, connection logs) of the period once and groups by station, by day
// and by month in one pass (GROUPING SETS). Money stays in integer minor
// units (bigint sums); nothing is rounded here.
import { Prisma, type Db } from "../db/client.ts";
import type { TPeriod } from "./period.ts";

const { sql, empty, raw } = Prisma;

export type TScope = { ownerId: string; stationId?: string | null };

const stationsOf = (s: TScope) => sql`st.owner_id = ${s.ownerId}::uuid${s.stationId ? sql` AND st.id = ${s.stationId}::uuid` : empty}`;
const inPeriod = (col: Prisma.Sql, p: TPeriod) => sql`${col} >= ${p.start} AND ${col} < ${p.end}`;
const localDay = (col: Prisma.Sql, p: TPeriod) => sql`(${col} AT TIME ZONE ${p.timeZone})::date`;

export type TBucketRow = { bucket: "station" | "day" | "month"; key: string };

/** `inner` yields one row per (station_id, day[, currency]) with the measures;
 *  the outer query sums them per station, per day and per month. Aggregating
 *  to days first means the big table is grouped once, not once per bucket. */
function rollup(inner: Prisma.Sql, measures: string[], byCurrency = false): Prisma.Sql {
  const sums = raw(measures.map((m) => `sum(${m})::bigint AS ${m}`).join(", "));
  const cur = raw(byCurrency ? ", currency" : "");
  return sql`WITH d AS MATERIALIZED (${inner})
    SELECT 'station' AS bucket, station_id::text AS key${cur}, ${sums} FROM d GROUP BY station_id${cur}
    UNION ALL SELECT 'day', to_char(day, 'YYYY-MM-DD')${cur}, ${sums} FROM d GROUP BY day${cur}
    UNION ALL SELECT 'month', to_char(day, 'YYYY-MM')${cur}, ${sums} FROM d GROUP BY 2${cur}`;
}

/** A charged session delivered energy or finished normally; a failed start did neither. */
const CHARGED = sql`(s.status = 'COMPLETED' OR (s.status = 'FAILED' AND coalesce(s.energy_wh, 0) > 0))`;

export type TSessionRow = TBucketRow & { sessions: bigint; failed: bigint; energy_wh: bigint; duration_ms: bigint };

export function sessionStats(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<TSessionRow[]>(rollup(sql`
    SELECT s.station_id, ${localDay(sql`s.started_at`, p)} AS day,
      count(*) FILTER (WHERE ${CHARGED}) AS sessions,
      count(*) FILTER (WHERE NOT ${CHARGED}) AS failed,
      coalesce(sum(s.energy_wh) FILTER (WHERE ${CHARGED}), 0) AS energy_wh,
      coalesce(sum((extract(epoch FROM s.ended_at - s.started_at) * 1000)::bigint) FILTER (WHERE ${CHARGED} AND s.ended_at >= s.started_at), 0) AS duration_ms
    FROM charging_sessions s JOIN stations st ON st.id = s.station_id
    WHERE ${stationsOf(scope)} AND ${inPeriod(sql`s.started_at`, p)} AND s.status IN ('COMPLETED', 'FAILED')
    GROUP BY 1, 2`, ["sessions", "failed", "energy_wh", "duration_ms"]));
}

/** Failed starts that never got a start time (refused remote starts) count on the day they were asked for. */
export function unstartedFailures(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<(TBucketRow & { failed: bigint })[]>(rollup(sql`
    SELECT s.station_id, ${localDay(sql`s.created_at`, p)} AS day, count(*) AS failed
    FROM charging_sessions s JOIN stations st ON st.id = s.station_id
    WHERE ${stationsOf(scope)} AND s.started_at IS NULL AND s.status = 'FAILED' AND ${inPeriod(sql`s.created_at`, p)}
    GROUP BY 1, 2`, ["failed"]));
}

export type TMoneyRow = TBucketRow & { currency: string; gross: bigint; fees: bigint; payments: bigint };

/** Captured payments for sessions (dated by the session's start) and for bookings
 *  without a session (dated by the booking's start): the money belongs to the
 *  service, so the dashboard's sessions and revenue of a day go together. */
export function moneyStats(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<TMoneyRow[]>(rollup(sql`
    SELECT station_id, day, currency, sum(captured_minor) AS gross, sum(platform_fee_minor) AS fees, count(*) AS payments FROM (
      SELECT s.station_id, ${localDay(sql`s.started_at`, p)} AS day, p.currency, p.captured_minor, p.platform_fee_minor
      FROM charging_sessions s JOIN stations st ON st.id = s.station_id JOIN payments p ON p.session_id = s.id
      WHERE ${stationsOf(scope)} AND ${inPeriod(sql`s.started_at`, p)} AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
      UNION ALL
      SELECT b.station_id, ${localDay(sql`b.starts_at`, p)}, p.currency, p.captured_minor, p.platform_fee_minor
      FROM bookings b JOIN stations st ON st.id = b.station_id JOIN payments p ON p.booking_id = b.id AND p.session_id IS NULL
      WHERE ${stationsOf(scope)} AND ${inPeriod(sql`b.starts_at`, p)} AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')) paid
    GROUP BY 1, 2, 3`, ["gross", "fees", "payments"], true));
}

export type TRefundRow = TBucketRow & { currency: string; refunds: bigint };

/** Refunds are dated when they were paid back, whatever period the payment belonged
 *  to. Two inner joins from the (few) refunds of the period by primary keys, so
 *  neither sessions nor bookings are scanned. */
export function refundStats(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<TRefundRow[]>(rollup(sql`
    SELECT station_id, day, currency, sum(amount_minor) AS refunds FROM (
      SELECT s.station_id, ${localDay(sql`r.processed_at`, p)} AS day, p.currency, r.amount_minor
      FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN charging_sessions s ON s.id = p.session_id JOIN stations st ON st.id = s.station_id
      WHERE ${stationsOf(scope)} AND r.status = 'PROCESSED' AND ${inPeriod(sql`r.processed_at`, p)}
      UNION ALL
      SELECT b.station_id, ${localDay(sql`r.processed_at`, p)}, p.currency, r.amount_minor
      FROM refunds r JOIN payments p ON p.id = r.payment_id AND p.session_id IS NULL JOIN bookings b ON b.id = p.booking_id JOIN stations st ON st.id = b.station_id
      WHERE ${stationsOf(scope)} AND r.status = 'PROCESSED' AND ${inPeriod(sql`r.processed_at`, p)}) x
    GROUP BY 1, 2, 3`, ["refunds"], true));
}

export function bookingStats(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<(TBucketRow & { bookings: bigint })[]>(rollup(sql`
    SELECT b.station_id, ${localDay(sql`b.starts_at`, p)} AS day, count(*) AS bookings
    FROM bookings b JOIN stations st ON st.id = b.station_id
    WHERE ${stationsOf(scope)} AND ${inPeriod(sql`b.starts_at`, p)} AND b.status IN ('CONFIRMED', 'ACTIVE', 'COMPLETED', 'EXPIRED')
    GROUP BY 1, 2`, ["bookings"]));
}

/** Occupied connector time per station: the union of its sessions' intervals per
 *  connector (overlapping records are not counted twice), clipped to the period.
 *  Sessions that started more than LOOKBACK before the period are not looked at. */
export const LOOKBACK_DAYS = 31;
export function occupiedStats(db: Db, scope: TScope, p: TPeriod, now: Date) {
  const end = new Date(Math.min(p.end.getTime(), now.getTime()));
  return db.$queryRaw<{ station_id: string; occupied_ms: bigint }[]>`
    WITH per_connector AS (
      SELECT s.station_id, s.connector_number,
        range_agg(tstzrange(greatest(s.started_at, ${p.start}), least(coalesce(s.ended_at, ${now}), ${end}))) AS r
      FROM charging_sessions s JOIN stations st ON st.id = s.station_id
      WHERE ${stationsOf(scope)} AND s.status IN ('ACTIVE', 'COMPLETED', 'FAILED')
        AND s.started_at < ${end} AND s.started_at >= ${new Date(p.start.getTime() - LOOKBACK_DAYS * 86_400_000)}
        AND coalesce(s.ended_at, ${now}) > ${p.start} AND coalesce(s.ended_at, ${now}) > s.started_at
      GROUP BY 1, 2)
    SELECT station_id::text AS station_id,
      coalesce(sum((SELECT sum(extract(epoch FROM upper(x) - lower(x)) * 1000) FROM unnest(r) x)), 0)::bigint AS occupied_ms
    FROM per_connector GROUP BY 1`;
}

/** Online time per station with a charger, from its connection log: the state at
 *  the period's start is the last event before it; REPLACED keeps it online. */
export function onlineStats(db: Db, scope: TScope, p: TPeriod, now: Date) {
  const end = new Date(Math.min(p.end.getTime(), now.getTime()));
  return db.$queryRaw<{ station_id: string; online_ms: bigint }[]>`
    WITH st AS (SELECT st.id FROM stations st WHERE ${stationsOf(scope)} AND st.ocpp_identity IS NOT NULL),
    ev AS (
      SELECT l.station_id, l.at, l.event::text AS event FROM station_connection_logs l JOIN st ON st.id = l.station_id
      WHERE l.at >= ${p.start} AND l.at < ${end}
      UNION ALL
      SELECT st.id, ${p.start}::timestamptz, prev.event FROM st CROSS JOIN LATERAL (
        SELECT l.event::text AS event FROM station_connection_logs l WHERE l.station_id = st.id AND l.at < ${p.start} ORDER BY l.at DESC, l.id DESC LIMIT 1) prev),
    seq AS (SELECT station_id, at, event, lead(at) OVER (PARTITION BY station_id ORDER BY at) AS nxt FROM ev)
    SELECT station_id::text AS station_id,
      coalesce(sum((extract(epoch FROM coalesce(nxt, ${end}::timestamptz) - at) * 1000)::bigint) FILTER (WHERE event <> 'DISCONNECTED'), 0)::bigint AS online_ms
    FROM seq GROUP BY 1`;
}
