// StatusNotification: connector 0 is the charger as a whole. A row in the
// status history is written only when status or error code changed, so a
// charger repeating itself does not flood it. One statement per message (hot
// path): it updates the connector, logs a change, recomputes the station's
// availability in SQL and returns the live events, published once committed.
// Connector statuses from many chargers are written by group commit, one
// statement per batch; connector 0 and first sightings of a connector take
// the single-message path.
import type { ConnectorStatus, Db } from "../db/client.ts";
import { isClockSkewed, shouldReportSkew } from "./clock-skew.ts";
import { findOrCreateConnector } from "./connectors.ts";
import { publishAfterCommit } from "./event-publisher.ts";
import { GroupCommit } from "./group-commit.ts";
import { hotQuery, pgArray } from "./hot-sql.ts";
import { recordIncident } from "./incidents.ts";
import { AVAILABILITY_SQL } from "./station-connection.ts";
import type { TChargerRef } from "./types.ts";

export type TConnectorStatusInput = TChargerRef & {
  connectorNumber: number;
  status: ConnectorStatus;
  errorCode: string;
  info?: string;
  vendorId?: string;
  vendorErrorCode?: string;
  timestamp?: Date;
  receivedAt?: Date;
};

type TStatusRow = { found: number; changed: number; availability: string | null; events?: string | null };

export async function updateConnectorStatus(db: Db, input: TConnectorStatusInput) {
  const receivedAt = input.receivedAt ?? new Date();
  const changedAt = input.timestamp ?? receivedAt;
  const extra = input.vendorId || input.vendorErrorCode ? JSON.stringify({ vendorId: input.vendorId, vendorErrorCode: input.vendorErrorCode }) : null;
  const args = [input.stationId, input.connectorNumber, input.status, input.errorCode, input.vendorErrorCode ?? null, input.info ?? null, changedAt.toISOString(), extra, receivedAt.toISOString()];

  const sql = input.connectorNumber === 0 ? CHARGER_SQL : CONNECTOR_SQL;
  let res: TStatusRow = input.connectorNumber === 0 ? { found: 0, changed: 0, availability: null } : await writerFor(db).submit({ input, args });
  if (!res.found) {
    if (input.connectorNumber !== 0) await findOrCreateConnector(db, input.stationId, input.connectorNumber);
    [res] = await hotQuery<TStatusRow>(db, sql, args);
    publishAfterCommit(db, res.events);
  }
  if (!res.found) throw new Error(`Station ${input.stationId} not found`);

  if (input.timestamp && isClockSkewed(input.timestamp, receivedAt) && shouldReportSkew(input.stationId, receivedAt.getTime())) {
    await recordIncident(db, {
      stationId: input.stationId,
      identity: input.identity,
      kind: "CLOCK_SKEW",
      action: "StatusNotification",
      detail: `StatusNotification stamped ${input.timestamp.toISOString()}, received ${receivedAt.toISOString()}`,
    });
  }
  return { changed: res.changed > 0, availability: res.availability as NonNullable<typeof res.availability> };
}

const LOG_CHANGE = `
log AS (
  INSERT INTO station_status_logs (station_id, connector_id, previous_status, new_status, error_code, reason, additional_data, changed_at, received_at)
  SELECT $1::uuid, $2::int, prev.status, $3::text, $4::text, $6::text, $8::jsonb, $7::timestamptz, $9::timestamptz FROM prev
   WHERE prev.status IS DISTINCT FROM $3::text OR prev.error_code IS DISTINCT FROM $4::text
  RETURNING 1
)`;

// The events: connector_status always, station only when availability moved.
const RESULT = `
SELECT (SELECT count(*) FROM prev)::int AS found, (SELECT count(*) FROM log)::int AS changed,
       (SELECT after FROM calc) AS availability,
       (SELECT json_agg(e.x)::text FROM (
          SELECT json_build_object('type', 'connector_status', 'stationId', $1::uuid, 'connectorId', $2::int,
            'status', $3::text, 'errorCode', $4::text, 'availability', after) AS x FROM calc
          UNION ALL
          SELECT json_build_object('type', 'station', 'stationId', $1::uuid, 'isOnline', is_online,
            'availability', after) FROM calc WHERE after <> before) e) AS events`;

// The statement sees the connectors as they were before it: substitute the new status.
const CONNECTOR_SQL = `
WITH prev AS (
  SELECT id, status::text AS status, error_code FROM connectors WHERE station_id = $1::uuid AND connector_id = $2::int FOR UPDATE
),
upd AS (
  UPDATE connectors c SET status = $3::text::"ConnectorStatus", error_code = $4::text, vendor_error_code = $5::text,
         status_info = $6::text, status_updated_at = $7::timestamptz, updated_at = now()
    FROM prev WHERE c.id = prev.id RETURNING c.id
),
${LOG_CHANGE},
calc AS (
  SELECT s.id, s.is_online, s.availability::text AS before,
         ${AVAILABILITY_SQL("s", "s.is_online", "s.charger_status", "CASE WHEN c.connector_id = $2::int THEN $3::text ELSE c.status::text END")} AS after
    FROM stations s WHERE s.id = $1::uuid AND EXISTS (SELECT 1 FROM prev)
),
st AS (
  UPDATE stations s SET availability = calc.after::"Availability", updated_at = now()
    FROM calc WHERE s.id = calc.id AND calc.after <> calc.before RETURNING s.id
)
${RESULT}`;

const CHARGER_SQL = `
WITH prev AS (
  SELECT id, is_online, charger_status AS status, charger_error_code AS error_code, availability::text AS before, $5::text AS v
    FROM stations WHERE id = $1::uuid FOR UPDATE
),
calc AS (
  SELECT prev.id, prev.is_online, prev.before, ${AVAILABILITY_SQL("prev", "prev.is_online", "$3::text")} AS after FROM prev
),
upd AS (
  UPDATE stations s SET charger_status = $3::text, charger_error_code = $4::text, availability = calc.after::"Availability", updated_at = now()
    FROM calc WHERE s.id = calc.id RETURNING s.id
),
${LOG_CHANGE}
${RESULT}`;

type TItem = { input: TConnectorStatusInput; args: unknown[] };
const writers = new WeakMap<Db, GroupCommit<TItem, TStatusRow>>();
function writerFor(db: Db) {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new GroupCommit((items) => writeBatch(db, items), { maxBatch: 300, concurrency: 2, lingerMs: 5 })));
  return w;
}

/** Items for the same connector go into successive rounds, so each sees the one before. */
async function writeBatch(db: Db, items: TItem[]): Promise<TStatusRow[]> {
  const results: TStatusRow[] = items.map(() => ({ found: 0, changed: 0, availability: null }));
  let pending = items.map((item, i) => ({ item, i }));
  while (pending.length) {
    const seen = new Set<string>();
    const round: typeof pending = [];
    const later: typeof pending = [];
    for (const p of pending) {
      const key = `${p.item.input.stationId}/${p.item.input.connectorNumber}`;
      (seen.has(key) ? later : round).push(p);
      seen.add(key);
    }
    const col = (k: number) => round.map((p) => p.item.args[k]);
    const [row] = await hotQuery<{ rows: { i: number; changed: boolean; availability: string }[] | null; events: string | null }>(db, BATCH_SQL, [
      round.map((p) => p.i), col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), col(8),
    ].map((a) => pgArray(a as (string | number | null)[])));
    publishAfterCommit(db, row.events);
    for (const r of row.rows ?? []) results[r.i] = { found: 1, changed: r.changed ? 1 : 0, availability: r.availability };
    pending = later;
  }
  return results;
}

// The batch twin of CONNECTOR_SQL: $1 is each item's index in the batch; the
// other arrays are CONNECTOR_SQL's parameters, one element per message.
const BATCH_SQL = `
WITH v AS (
  SELECT * FROM unnest($1::int[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::jsonb[], $10::timestamptz[])
    AS v(i, station_id, connector_id, status, error_code, vendor_error_code, info, changed_at, extra, received_at)
),
locked AS (
  SELECT c.id, c.station_id, c.connector_id, c.status::text AS status, c.error_code
    FROM connectors c WHERE (c.station_id, c.connector_id) IN (SELECT station_id, connector_id FROM v)
   ORDER BY c.id FOR UPDATE
),
prev AS (
  SELECT v.*, l.id AS cid, l.status AS old_status, l.error_code AS old_error,
         (l.status IS DISTINCT FROM v.status OR l.error_code IS DISTINCT FROM v.error_code) AS changed
    FROM v JOIN locked l ON l.station_id = v.station_id AND l.connector_id = v.connector_id
),
upd AS (
  UPDATE connectors c SET status = p.status::"ConnectorStatus", error_code = p.error_code, vendor_error_code = p.vendor_error_code,
         status_info = p.info, status_updated_at = p.changed_at, updated_at = now()
    FROM prev p WHERE c.id = p.cid RETURNING c.id
),
log AS (
  INSERT INTO station_status_logs (station_id, connector_id, previous_status, new_status, error_code, reason, additional_data, changed_at, received_at)
  SELECT station_id, connector_id, old_status, status, error_code, info, extra, changed_at, received_at FROM prev WHERE changed
  RETURNING 1
),
calc AS (
  SELECT s.id, s.is_online, s.availability::text AS before,
         ${AVAILABILITY_SQL("s", "s.is_online", "s.charger_status", "COALESCE((SELECT p.status FROM prev p WHERE p.station_id = c.station_id AND p.connector_id = c.connector_id), c.status::text)")} AS after
    FROM stations s WHERE s.id IN (SELECT station_id FROM prev)
),
st AS (
  UPDATE stations s SET availability = calc.after::"Availability", updated_at = now()
    FROM calc WHERE s.id = calc.id AND calc.after <> calc.before RETURNING s.id
)
SELECT (SELECT json_agg(json_build_object('i', p.i, 'changed', p.changed, 'availability', calc.after)) FROM prev p JOIN calc ON calc.id = p.station_id) AS rows,
       (SELECT json_agg(e.x)::text FROM (
          SELECT json_build_object('type', 'connector_status', 'stationId', p.station_id, 'connectorId', p.connector_id,
            'status', p.status, 'errorCode', p.error_code, 'availability', calc.after) AS x FROM prev p JOIN calc ON calc.id = p.station_id
          UNION ALL
          SELECT json_build_object('type', 'station', 'stationId', id, 'isOnline', is_online,
            'availability', after) FROM calc WHERE after <> before) e) AS events`;
