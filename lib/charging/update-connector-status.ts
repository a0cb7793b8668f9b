// StatusNotification: connector 0 is the charger as a whole. A row in the
// status history is written only when status or error code changed, so a
// charger repeating itself does not flood it. Two statements instead of an
// interactive transaction (this is a hot path); each is atomic, and a retried
// message repeats them harmlessly.
import type { ConnectorStatus, Db } from "../db/client.ts";
import { EVENTS_CHANNEL, encodeEvent } from "../realtime/events.ts";
import { computeAvailability } from "./availability.ts";
import { isClockSkewed, shouldReportSkew } from "./clock-skew.ts";
import { findOrCreateConnector } from "./connectors.ts";
import { recordIncident } from "./incidents.ts";
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

type TStatusRow = {
  found: number;
  changed: number;
  is_online: boolean;
  charger_status: string | null;
  connectors: { status: ConnectorStatus; removed: boolean }[] | null;
};

export async function updateConnectorStatus(db: Db, input: TConnectorStatusInput) {
  const receivedAt = input.receivedAt ?? new Date();
  const changedAt = input.timestamp ?? receivedAt;
  const extra = input.vendorId || input.vendorErrorCode ? JSON.stringify({ vendorId: input.vendorId, vendorErrorCode: input.vendorErrorCode }) : null;
  const args = [input.stationId, input.connectorNumber, input.status, input.errorCode, input.vendorErrorCode ?? null, input.info ?? null, changedAt.toISOString(), extra, receivedAt.toISOString()];

  const sql = input.connectorNumber === 0 ? CHARGER_SQL : CONNECTOR_SQL;
  let [res] = await db.$queryRawUnsafe<TStatusRow[]>(sql, ...args);
  if (!res.found && input.connectorNumber !== 0) {
    await findOrCreateConnector(db, input.stationId, input.connectorNumber);
    [res] = await db.$queryRawUnsafe<TStatusRow[]>(sql, ...args);
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

  const availability = computeAvailability({
    isOnline: res.is_online,
    chargerStatus: input.connectorNumber === 0 ? input.status : res.charger_status,
    connectors: res.connectors ?? [],
  });
  const statusEvent = encodeEvent({
    type: "connector_status",
    stationId: input.stationId,
    connectorId: input.connectorNumber,
    status: input.status,
    errorCode: input.errorCode,
    availability,
  });
  await db.$executeRawUnsafe(
    `WITH upd AS (
       UPDATE stations SET availability = $2::text::"Availability", updated_at = now()
        WHERE id = $1::uuid AND availability <> $2::text::"Availability" RETURNING id, is_online)
     SELECT pg_notify($4, $3),
            (SELECT pg_notify($4, json_build_object('type', 'station', 'stationId', id, 'isOnline', is_online, 'availability', $2::text)::text) FROM upd)`,
    input.stationId,
    availability,
    statusEvent,
    EVENTS_CHANNEL,
  );
  return { changed: res.changed > 0, availability };
}

const LOG_CHANGE = `
log AS (
  INSERT INTO station_status_logs (station_id, connector_id, previous_status, new_status, error_code, reason, additional_data, changed_at, received_at)
  SELECT $1::uuid, $2::int, prev.status, $3::text, $4::text, $6::text, $8::jsonb, $7::timestamptz, $9::timestamptz FROM prev
   WHERE prev.status IS DISTINCT FROM $3::text OR prev.error_code IS DISTINCT FROM $4::text
  RETURNING 1
)
-- The statement sees the connectors as they were before it: substitute the new status.
SELECT (SELECT count(*) FROM upd)::int AS found, (SELECT count(*) FROM log)::int AS changed,
       s.is_online, s.charger_status,
       (SELECT json_agg(json_build_object('status', CASE WHEN c.connector_id = $2::int THEN $3::text ELSE c.status::text END, 'removed', c.removed))
          FROM connectors c WHERE c.station_id = $1::uuid) AS connectors
  FROM stations s WHERE s.id = $1::uuid`;

const CONNECTOR_SQL = `
WITH prev AS (
  SELECT id, status::text AS status, error_code FROM connectors WHERE station_id = $1::uuid AND connector_id = $2::int FOR UPDATE
),
upd AS (
  UPDATE connectors c SET status = $3::text::"ConnectorStatus", error_code = $4::text, vendor_error_code = $5::text,
         status_info = $6::text, status_updated_at = $7::timestamptz, updated_at = now()
    FROM prev WHERE c.id = prev.id RETURNING c.id
),
${LOG_CHANGE}`;

const CHARGER_SQL = `
WITH prev AS (
  SELECT id, charger_status AS status, charger_error_code AS error_code, $5::text AS v FROM stations WHERE id = $1::uuid FOR UPDATE
),
upd AS (
  UPDATE stations s SET charger_status = $3::text, charger_error_code = $4::text, updated_at = now()
    FROM prev WHERE s.id = prev.id RETURNING s.id
),
${LOG_CHANGE}`;
