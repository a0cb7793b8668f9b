// The dashboard's SQL, computed from the sessions, payments, refunds and
// bookings themselves. Every query works on "slices": (station, first local
// day, last local day) in one time zone, and yields one row per station and
// local day (and currency). The dashboard passes the days the roll-up does not
// cover (lib/owner/rollup-read.ts); the roll-up filler passes the days it
// stores (lib/owner/rollup-fill.ts) — one SQL, so both always agree. Money
// stays in integer minor units (bigint sums); nothing is rounded here.
import { Prisma, type Db } from "../db/client.ts";

const { sql, empty, raw } = Prisma;

export type TScope = { ownerId: string; stationId?: string | null };
/** Whole local days [first, last] ("YYYY-MM-DD") of one station. */
export type TSlice = { stationId: string; first: string; last: string };
export type TQuery = Pick<Db, "$queryRaw">;

/** A session's occupied time counts for at most this long after its start. */
export const LOOKBACK_DAYS = 31;

/** The slices as instants [lo, hi) in the zone, restricted to the owner's stations when one is named. */
function slices(tz: string, list: TSlice[], ownerId: string | null, perDay = false): Prisma.Sql {
  const base = sql`SELECT x.station_id, x.first_day, x.last_day FROM unnest(${list.map((s) => s.stationId)}::uuid[], ${list.map((s) => s.first)}::date[], ${list.map((s) => s.last)}::date[]) x(station_id, first_day, last_day)
    JOIN stations st ON st.id = x.station_id${ownerId ? sql` AND st.owner_id = ${ownerId}::uuid` : empty}`;
  const days = perDay
    ? sql`SELECT b.station_id, d::date AS first_day, d::date AS last_day FROM (${base}) b, generate_series(b.first_day::timestamp, b.last_day::timestamp, interval '1 day') d`
    : base;
  // Materialised with plain bound columns, so "started_at >= sl.lo" can be an
  // index condition of a per-slice index scan (an inlined expression was only
  // applied as a filter after reading the station's every session).
  return sql`sl AS MATERIALIZED (SELECT y.station_id, y.first_day, y.last_day, z.lo, z.hi, z.lo - ${`${LOOKBACK_DAYS} days`}::interval AS lo_back
    FROM (${days}) y CROSS JOIN LATERAL (SELECT (y.first_day::timestamp AT TIME ZONE ${tz}) AS lo, ((y.last_day + 1)::timestamp AT TIME ZONE ${tz}) AS hi) z)`;
}
const localDay = (col: Prisma.Sql, tz: string) => sql`(${col} AT TIME ZONE ${tz})::date`;

export type TBucketRow = { bucket: "station" | "day" | "month"; key: string };

/** `inner` yields one row per (station_id, day[, currency]) with the measures;
 *  the outer query sums them per station, per day and per month. */
export function rollup(inner: Prisma.Sql, measures: string[], byCurrency = false): Prisma.Sql {
  return sql`WITH d AS MATERIALIZED (${inner}) ${bucketsOf("d", measures, byCurrency)}`;
}

/** The station, day and month sums of a CTE of per-(station, day) rows. */
export function bucketsOf(cte: string, measures: string[], byCurrency = false): Prisma.Sql {
  const sums = raw(measures.map((m) => `sum(${m})::bigint AS ${m}`).join(", "));
  const cur = raw(byCurrency ? ", currency" : "");
  const from = raw(cte);
  return sql`SELECT 'station' AS bucket, station_id::text AS key${cur}, ${sums} FROM ${from} GROUP BY station_id${cur}
    UNION ALL SELECT 'day', to_char(day, 'YYYY-MM-DD')${cur}, ${sums} FROM ${from} GROUP BY day${cur}
    UNION ALL SELECT 'month', to_char(day, 'YYYY-MM')${cur}, ${sums} FROM ${from} GROUP BY 2${cur}`;
}

/** A charged session delivered energy or finished normally; a failed start did neither. */
const CHARGED = sql`(s.status = 'COMPLETED' OR (s.status = 'FAILED' AND coalesce(s.energy_wh, 0) > 0))`;
const CAPTURED = sql`p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')`;
/** The charger started although the platform refused the idTag (Invalid, Blocked, ...)
 *  and nobody paid: not a sale. With energy it is an "unpaid session", without a failed start. */
const UNPAID = sql`(s.auth_status IS NOT NULL AND s.auth_status <> 'ACCEPTED'
  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.session_id = s.id AND ${CAPTURED}))`;
const SOLD = sql`(${CHARGED} AND NOT ${UNPAID})`;
const UNPAID_CHARGED = sql`(${CHARGED} AND ${UNPAID} AND coalesce(s.energy_wh, 0) > 0)`;

export const SESSION_MEASURES = ["sessions", "failed", "energy_wh", "duration_ms", "unpaid_sessions", "unpaid_energy_wh"];
/** Finished sessions by the day they started; failed starts that never got a
 *  start time (refused remote starts) by the day they were asked for.
 *  sessions / energy_wh / duration_ms are sales; unpaid_* the refused starts
 *  that charged anyway; failed = everything else that never charged. */
export function sessionsByDay(tz: string, list: TSlice[], ownerId: string | null): Prisma.Sql {
  return sql`WITH ${slices(tz, list, ownerId)}
    SELECT station_id, day, sum(sessions) AS sessions, sum(failed) AS failed, sum(energy_wh) AS energy_wh, sum(duration_ms) AS duration_ms,
      sum(unpaid_sessions) AS unpaid_sessions, sum(unpaid_energy_wh) AS unpaid_energy_wh FROM (
      SELECT s.station_id, ${localDay(sql`s.started_at`, tz)} AS day,
        count(*) FILTER (WHERE ${SOLD}) AS sessions,
        count(*) FILTER (WHERE NOT ${SOLD} AND NOT ${UNPAID_CHARGED}) AS failed,
        coalesce(sum(s.energy_wh) FILTER (WHERE ${SOLD}), 0) AS energy_wh,
        coalesce(sum((extract(epoch FROM s.ended_at - s.started_at) * 1000)::bigint) FILTER (WHERE ${SOLD} AND s.ended_at >= s.started_at), 0) AS duration_ms,
        count(*) FILTER (WHERE ${UNPAID_CHARGED}) AS unpaid_sessions,
        coalesce(sum(s.energy_wh) FILTER (WHERE ${UNPAID_CHARGED}), 0) AS unpaid_energy_wh
      FROM sl JOIN charging_sessions s ON s.station_id = sl.station_id AND s.started_at >= sl.lo AND s.started_at < sl.hi
      WHERE s.status IN ('COMPLETED', 'FAILED')
      GROUP BY 1, 2
      UNION ALL
      SELECT s.station_id, ${localDay(sql`s.created_at`, tz)}, 0, count(*), 0, 0, 0, 0
      FROM sl JOIN charging_sessions s ON s.station_id = sl.station_id AND s.created_at >= sl.lo AND s.created_at < sl.hi
      WHERE s.started_at IS NULL AND s.status = 'FAILED'
      GROUP BY 1, 2) x
    GROUP BY 1, 2`;
}

/** How the dashboard counts one session (the sessions CSV's "counted_as" column). */
export const COUNTED_AS = sql`CASE WHEN s.status NOT IN ('COMPLETED', 'FAILED') THEN 'in_progress'
  WHEN ${SOLD} THEN 'session' WHEN ${UNPAID_CHARGED} THEN 'unpaid_not_authorised' ELSE 'failed_start' END`;

export const BOOKING_MEASURES = ["bookings"];
export function bookingsByDay(tz: string, list: TSlice[], ownerId: string | null): Prisma.Sql {
  return sql`WITH ${slices(tz, list, ownerId)}
    SELECT b.station_id, ${localDay(sql`b.starts_at`, tz)} AS day, count(*) AS bookings
    FROM sl JOIN bookings b ON b.station_id = sl.station_id AND b.starts_at >= sl.lo AND b.starts_at < sl.hi
    WHERE b.status IN ('CONFIRMED', 'ACTIVE', 'COMPLETED', 'EXPIRED')
    GROUP BY 1, 2`;
}

export const MONEY_MEASURES = ["gross", "fees", "payments"];
/** Captured payments for sessions (dated by the session's start) and for bookings
 *  without a session (dated by the booking's start): the money belongs to the
 *  service, so the dashboard's sessions and revenue of a day go together. */
export function moneyByDay(tz: string, list: TSlice[], ownerId: string | null): Prisma.Sql {
  return sql`WITH ${slices(tz, list, ownerId)}
    SELECT station_id, day, currency, sum(captured_minor) AS gross, sum(platform_fee_minor) AS fees, count(*) AS payments FROM (
      SELECT s.station_id, ${localDay(sql`s.started_at`, tz)} AS day, p.currency, p.captured_minor, p.platform_fee_minor
      FROM sl JOIN charging_sessions s ON s.station_id = sl.station_id AND s.started_at >= sl.lo AND s.started_at < sl.hi
      JOIN payments p ON p.session_id = s.id WHERE ${CAPTURED}
      UNION ALL
      SELECT b.station_id, ${localDay(sql`b.starts_at`, tz)}, p.currency, p.captured_minor, p.platform_fee_minor
      FROM sl JOIN bookings b ON b.station_id = sl.station_id AND b.starts_at >= sl.lo AND b.starts_at < sl.hi
      JOIN payments p ON p.booking_id = b.id AND p.session_id IS NULL WHERE ${CAPTURED}) paid
    GROUP BY 1, 2, 3`;
}

export const REFUND_MEASURES = ["refunds", "refund_lines"];
/** Refunds are dated when they were paid back, whatever day the payment belonged to. */
export function refundsByDay(tz: string, list: TSlice[], ownerId: string | null): Prisma.Sql {
  return sql`WITH ${slices(tz, list, ownerId)}
    SELECT station_id, day, currency, sum(amount_minor) AS refunds, count(*) AS refund_lines FROM (
      SELECT s.station_id, ${localDay(sql`r.processed_at`, tz)} AS day, p.currency, r.amount_minor
      FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN charging_sessions s ON s.id = p.session_id
      JOIN sl ON sl.station_id = s.station_id AND r.processed_at >= sl.lo AND r.processed_at < sl.hi
      WHERE r.status = 'PROCESSED' AND r.processed_at >= (SELECT min(lo) FROM sl) AND r.processed_at < (SELECT max(hi) FROM sl)
      UNION ALL
      SELECT b.station_id, ${localDay(sql`r.processed_at`, tz)}, p.currency, r.amount_minor
      FROM refunds r JOIN payments p ON p.id = r.payment_id AND p.session_id IS NULL JOIN bookings b ON b.id = p.booking_id
      JOIN sl ON sl.station_id = b.station_id AND r.processed_at >= sl.lo AND r.processed_at < sl.hi
      WHERE r.status = 'PROCESSED' AND r.processed_at >= (SELECT min(lo) FROM sl) AND r.processed_at < (SELECT max(hi) FROM sl)) x
    GROUP BY 1, 2, 3`;
}

/** Occupied connector time per slice (per day of it with `perDay`): the union of
 *  the sessions' intervals per connector (overlapping records count once),
 *  clipped to the slice and to now, each interval cut at LOOKBACK_DAYS after
 *  its start — so the sum over days equals the figure over the whole period.
 *  Sessions are found per slice (index on station and start); days are cut
 *  from each connector's union afterwards. */
export function occupiedBySlice(tz: string, list: TSlice[], ownerId: string | null, now: Date, perDay = false): Prisma.Sql {
  const stop = sql`least(coalesce(s.ended_at, ${now}::timestamptz), s.started_at + ${`${LOOKBACK_DAYS} days`}::interval)`;
  const spans = perDay
    ? sql`SELECT pc.station_id, d::date AS day, pc.r * tstzmultirange(tstzrange(d AT TIME ZONE ${tz}, (d + interval '1 day') AT TIME ZONE ${tz})) AS r
        FROM per_connector pc, generate_series(pc.first_day::timestamp, pc.last_day::timestamp, interval '1 day') d`
    : sql`SELECT station_id, first_day AS day, r FROM per_connector`;
  return sql`WITH ${slices(tz, list, ownerId)},
    per_connector AS (
      SELECT sl.station_id, sl.first_day, sl.last_day, s.connector_number,
        range_agg(tstzrange(greatest(s.started_at, sl.lo), least(${stop}, sl.hi))) AS r
      FROM sl JOIN charging_sessions s ON s.station_id = sl.station_id
        AND s.started_at < sl.hi AND s.started_at < ${now}::timestamptz AND s.started_at >= sl.lo_back
      WHERE s.status IN ('ACTIVE', 'COMPLETED', 'FAILED') AND sl.lo < ${now}::timestamptz AND ${stop} > sl.lo AND ${stop} > s.started_at
      GROUP BY 1, 2, 3, 4),
    spans AS (${spans})
    SELECT station_id, day,
      coalesce(sum((SELECT sum(extract(epoch FROM upper(x) - lower(x)) * 1000) FROM unnest(r) x)), 0)::bigint AS occupied_ms
    FROM spans GROUP BY 1, 2`;
}

/** Online time per station with a charger, from its connection log (read live:
 *  one short index range per station): the state at the period's start is the
 *  last event before it; REPLACED keeps it online. */
export function onlineStats(db: TQuery, scope: TScope, p: { start: Date; end: Date }, now: Date) {
  const end = new Date(Math.min(p.end.getTime(), now.getTime()));
  return db.$queryRaw<{ station_id: string; online_ms: bigint }[]>`
    WITH st AS (SELECT st.id FROM stations st WHERE st.owner_id = ${scope.ownerId}::uuid${scope.stationId ? sql` AND st.id = ${scope.stationId}::uuid` : empty} AND st.ocpp_identity IS NOT NULL),
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
