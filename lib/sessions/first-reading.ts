// A started session reads "waiting for the first meter reading" until the
// charger's next periodic MeterValues, often 15-60 s away: ask for one at once
// (TriggerMessage, once per session, claimed in the database). Only a nicety:
// a charger that refuses it just keeps its own rhythm.
import type { Db } from "../db/client.ts";
import { queueCommand } from "../ocpp/commands.ts";
import { logWarn } from "../log.ts";

export async function askForFirstReading(db: Db, sessionId: string): Promise<boolean> {
  const claimed = await db.$queryRaw<{ station_id: string; connector_number: number }[]>`
    UPDATE charging_sessions
    SET session_data = coalesce(session_data, '{}'::jsonb) || jsonb_build_object('meterTriggerAt', now())
    WHERE id = ${sessionId}::uuid AND status = 'ACTIVE' AND user_id IS NOT NULL
      AND (session_data IS NULL OR session_data->>'meterTriggerAt' IS NULL)
      AND (last_meter_at IS NULL OR last_meter_at <= started_at)
    RETURNING station_id::text, connector_number`;
  const s = claimed[0];
  if (!s) return false;
  await queueCommand(db, { stationId: s.station_id, action: "TriggerMessage", payload: { requestedMessage: "MeterValues", connectorId: s.connector_number } })
    .catch((err: Error) => logWarn("TriggerMessage MeterValues not queued", { sessionId, error: err.message }));
  return true;
}
