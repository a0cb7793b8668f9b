// StatusNotification: connector 0 is the charger as a whole. A row in the
// status history is written only when status or error code changed, so a
// charger repeating itself does not flood it. One statement per message (hot
// path): it updates the connector, logs a change, recomputes the station's
// availability in SQL and publishes the events, all committed together.
import type { ConnectorStatus, Db } from "../db/client.ts";
import { EVENTS_CHANNEL } from "../realtime/events.ts";
import { isClockSkewed, shouldReportSkew } from "./clock-skew.ts";
import { findOrCreateConnector } from "./connectors.ts";
import { hotQuery } from "./hot-sql.ts";
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

type TStatusRow = { found: number; changed: number; availability: string | null };

export async function updateConnectorStatus(db: Db, input: TConnectorStatusInput) {
  const receivedAt = input.receivedAt ?? new Date();
  const changedAt = input.timestamp ?? receivedAt;
  const extra = input.vendorId || input.vendorErrorCode ? JSON.stringify({ vendorId: input.vendorId, vendorErrorCode: input.vendorErrorCode }) : null;
  const args = [input.stationId, input.connectorNumber, input.status, input.errorCode, input.vendorErrorCode ?? null, input.info ?? null, changedAt.toISOString(), extra, receivedAt.toISOString()];

  const sql = input.connectorNumber === 0 ? CHARGER_SQL : CONNECTOR_SQL;
  let [res] = await hotQuery<TStatusRow>(db, sql, args);
  if (!res.found && input.connectorNumber !== 0) {
    await findOrCreateConnector(db, input.stationId, input.connectorNumber);
    [res] = await hotQuery<TStatusRow>(db, sql, args);
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
       (SELECT count(pg_notify('${EVENTS_CHANNEL}', json_build_object('type', 'connector_status', 'stationId', $1::uuid, 'connectorId', $2::int,
          'status', $3::text, 'errorCode', $4::text, 'availability', after)::text)) FROM calc) AS n1,
       (SELECT count(pg_notify('${EVENTS_CHANNEL}', json_build_object('type', 'station', 'stationId', $1::uuid, 'isOnline', is_online,
          'availability', after)::text)) FROM calc WHERE after <> before) AS n2`;

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
