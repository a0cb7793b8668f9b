// Charging stops at the energy the hold pays for: once the metered energy
// reaches the session's targetWh, the server sends RemoteStopTransaction
// (once; the charger's StopTransaction then ends the session).
import type { Db } from "../db/client.ts";
import { queueCommand } from "../ocpp/commands.ts";
import { logWarn } from "../log.ts";

export async function enforceEnergyCap(db: Db, sessionId: string): Promise<boolean> {
  const s = await db.chargingSession.findUnique({
    where: { id: sessionId },
    select: { id: true, status: true, stationId: true, transactionId: true, energyWh: true, targetWh: true, sessionData: true },
  });
  if (!s || s.status !== "ACTIVE" || s.targetWh == null || (s.energyWh ?? 0) < s.targetWh) return false;
  if ((s.sessionData as Record<string, unknown> | null)?.capStopSentAt) return false;
  // Claim the stop first, so two readers never both send it.
  const claimed = await db.$executeRaw`
    UPDATE charging_sessions
    SET session_data = coalesce(session_data, '{}'::jsonb) || jsonb_build_object('capStopSentAt', now())
    WHERE id = ${s.id}::uuid AND status = 'ACTIVE' AND (session_data IS NULL OR session_data->>'capStopSentAt' IS NULL)`;
  if (!claimed) return false;
  await queueCommand(db, { stationId: s.stationId, action: "RemoteStopTransaction", payload: { transactionId: s.transactionId } }).catch((err: Error) =>
    logWarn("energy cap stop could not be queued", { sessionId, error: err.message }),
  );
  return true;
}

/** Every running session over its cap (for the sweep). */
export async function enforceEnergyCaps(db: Db): Promise<number> {
  const over = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM charging_sessions
    WHERE status = 'ACTIVE' AND target_wh IS NOT NULL AND energy_wh >= target_wh
      AND (session_data IS NULL OR session_data->>'capStopSentAt' IS NULL)`;
  let n = 0;
  for (const { id } of over) if (await enforceEnergyCap(db, id)) n++;
  return n;
}
