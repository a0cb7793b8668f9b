// The dashboard's SQL. Each query scans the owner's sessions (or payments,
// bookings, connection logs) of the period once and groups by station, by day
// and by month in one pass (GROUPING SETS). Money stays in integer minor
// units (bigint sums); nothing is rounded here.
import { Prisma, type Db } from "../db/client.ts";
import type { TPeriod } from "./period.ts";

const { sql, empty } = Prisma;

export type TScope = { ownerId: string; stationId?: string | null };

const stationsOf = (s: TScope) => sql`st.owner_id = ${s.ownerId}::uuid${s.stationId ? sql` AND st.id = ${s.stationId}::uuid` : empty}`;
const inPeriod = (col: Prisma.Sql, p: TPeriod) => sql`${col} >= ${p.start} AND ${col} < ${p.end}`;
const day = (col: Prisma.Sql, p: TPeriod) => sql`to_char(${col} AT TIME ZONE ${p.timeZone}, 'YYYY-MM-DD')`;
const month = (col: Prisma.Sql, p: TPeriod) => sql`to_char(${col} AT TIME ZONE ${p.timeZone}, 'YYYY-MM')`;
const bucket = sql`CASE WHEN GROUPING(g_station) = 0 THEN 'station' WHEN GROUPING(g_day) = 0 THEN 'day' ELSE 'month' END`;

export type TBucketRow = { bucket: "station" | "day" | "month"; key: string };

/** A charged session delivered energy or finished normally; a failed start did neither. */
const CHARGED = sql`(s.status = 'COMPLETED' OR (s.status = 'FAILED' AND coalesce(s.energy_wh, 0) > 0))`;

export type TSessionRow = TBucketRow & { sessions: number; failed: number; energy_wh: bigint; duration_ms: bigint };

export function sessionStats(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<TSessionRow[]>`
    WITH x AS (
      SELECT s.station_id::text AS g_station, ${day(sql`s.started_at`, p)} AS g_day, ${month(sql`s.started_at`, p)} AS g_month, s.status, s.energy_wh,
             s.started_at, s.ended_at, ${CHARGED} AS charged
      FROM charging_sessions s JOIN stations st ON st.id = s.station_id
      WHERE ${stationsOf(scope)} AND ${inPeriod(sql`s.started_at`, p)} AND s.status IN ('COMPLETED', 'FAILED'))
    SELECT ${bucket} AS bucket, coalesce(g_station, g_day, g_month) AS key,
      (count(*) FILTER (WHERE charged))::int AS sessions,
      (count(*) FILTER (WHERE NOT charged))::int AS failed,
      coalesce(sum(energy_wh) FILTER (WHERE charged), 0)::bigint AS energy_wh,
      coalesce(sum((extract(epoch FROM ended_at - started_at) * 1000)::bigint) FILTER (WHERE charged AND ended_at >= started_at), 0)::bigint AS duration_ms
    FROM x GROUP BY GROUPING SETS ((g_station), (g_day), (g_month))`;
}

/** Failed starts that never got a start time (refused remote starts) count on the day they were asked for. */
export function unstartedFailures(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<(TBucketRow & { failed: number })[]>`
    WITH x AS (
      SELECT s.station_id::text AS g_station, ${day(sql`s.created_at`, p)} AS g_day, ${month(sql`s.created_at`, p)} AS g_month
      FROM charging_sessions s JOIN stations st ON st.id = s.station_id
      WHERE ${stationsOf(scope)} AND s.started_at IS NULL AND s.status = 'FAILED' AND ${inPeriod(sql`s.created_at`, p)})
    SELECT ${bucket} AS bucket, coalesce(g_station, g_day, g_month) AS key, count(*)::int AS failed
    FROM x GROUP BY GROUPING SETS ((g_station), (g_day), (g_month))`;
}

export type TMoneyRow = TBucketRow & { currency: string; gross: bigint; fees: bigint; payments: number };

/** Captured payments for sessions (dated by the session's start) and for bookings
 *  without a session (dated by the booking's start): the money belongs to the
 *  service, so the dashboard's sessions and revenue of a day go together. */
export function moneyStats(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<TMoneyRow[]>`
    WITH paid AS (
      SELECT s.station_id, s.started_at AS at, p.currency, p.captured_minor, p.platform_fee_minor
      FROM charging_sessions s JOIN stations st ON st.id = s.station_id JOIN payments p ON p.session_id = s.id
      WHERE ${stationsOf(scope)} AND ${inPeriod(sql`s.started_at`, p)} AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
      UNION ALL
      SELECT b.station_id, b.starts_at, p.currency, p.captured_minor, p.platform_fee_minor
      FROM bookings b JOIN stations st ON st.id = b.station_id JOIN payments p ON p.booking_id = b.id AND p.session_id IS NULL
      WHERE ${stationsOf(scope)} AND ${inPeriod(sql`b.starts_at`, p)} AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    x AS (SELECT station_id::text AS g_station, ${day(sql`at`, p)} AS g_day, ${month(sql`at`, p)} AS g_month, currency, captured_minor, platform_fee_minor FROM paid)
    SELECT ${bucket} AS bucket, coalesce(g_station, g_day, g_month) AS key, currency,
      sum(captured_minor)::bigint AS gross, sum(platform_fee_minor)::bigint AS fees, count(*)::int AS payments
    FROM x GROUP BY GROUPING SETS ((g_station, currency), (g_day, currency), (g_month, currency))`;
}

export type TRefundRow = TBucketRow & { currency: string; refunds: bigint };

/** Refunds are dated when they were paid back, whatever period the payment belonged to. */
export function refundStats(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<TRefundRow[]>`
    WITH x AS (
      SELECT coalesce(s.station_id, b.station_id)::text AS g_station, ${day(sql`r.processed_at`, p)} AS g_day, ${month(sql`r.processed_at`, p)} AS g_month,
             p.currency, r.amount_minor
      FROM refunds r JOIN payments p ON p.id = r.payment_id
        LEFT JOIN charging_sessions s ON s.id = p.session_id LEFT JOIN bookings b ON b.id = p.booking_id
        JOIN stations st ON st.id = coalesce(s.station_id, b.station_id)
      WHERE ${stationsOf(scope)} AND r.status = 'PROCESSED' AND ${inPeriod(sql`r.processed_at`, p)})
    SELECT ${bucket} AS bucket, coalesce(g_station, g_day, g_month) AS key, currency, sum(amount_minor)::bigint AS refunds
    FROM x GROUP BY GROUPING SETS ((g_station, currency), (g_day, currency), (g_month, currency))`;
}

export function bookingStats(db: Db, scope: TScope, p: TPeriod) {
  return db.$queryRaw<(TBucketRow & { bookings: number })[]>`
    WITH x AS (
      SELECT b.station_id::text AS g_station, ${day(sql`b.starts_at`, p)} AS g_day, ${month(sql`b.starts_at`, p)} AS g_month
      FROM bookings b JOIN stations st ON st.id = b.station_id
      WHERE ${stationsOf(scope)} AND ${inPeriod(sql`b.starts_at`, p)} AND b.status IN ('CONFIRMED', 'ACTIVE', 'COMPLETED', 'EXPIRED'))
    SELECT ${bucket} AS bucket, coalesce(g_station, g_day, g_month) AS key, count(*)::int AS bookings
    FROM x GROUP BY GROUPING SETS ((g_station), (g_day), (g_month))`;
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
