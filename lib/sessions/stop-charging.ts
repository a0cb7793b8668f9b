// Stop from the browser: RemoteStopTransaction; the charger's StopTransaction
// ends the session (lib/charging), then it is priced and captured.
import type { Db } from "../db/client.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { sendCommand } from "../ocpp/commands.ts";
import { isUuid } from "../stations/visibility.ts";
import { finaliseSession } from "./finalise-session.ts";

export async function stopCharging(db: Db, user: { id: string }, sessionId: string, opts: { waitMs?: number } = {}): Promise<{ status: string }> {
  if (!isUuid(sessionId)) throw notFoundError("This charging session");
  const s = await db.chargingSession.findFirst({ where: { id: sessionId, userId: user.id }, select: { id: true, status: true, stationId: true, transactionId: true } });
  if (!s) throw notFoundError("This charging session");
  if (s.status !== "ACTIVE") return { status: s.status };
  const cmd = await sendCommand(db, { stationId: s.stationId, action: "RemoteStopTransaction", payload: { transactionId: s.transactionId }, requestedById: user.id, timeoutMs: 30_000 });
  const accepted = cmd.status === "ANSWERED" && (cmd.response as { status?: string } | null)?.status === "Accepted";
  if (!accepted) {
    // The charger may have stopped on its own a moment ago.
    const now = await db.chargingSession.findUniqueOrThrow({ where: { id: s.id }, select: { status: true } });
    if (now.status !== "ACTIVE") return { status: now.status };
    throw new AppError("CHARGER_REJECTED", cmd.status === "ANSWERED" ? "The charger refused to stop. Unplug the cable or use the charger's stop button." : "The charger did not answer. Please try again.");
  }
  // Give the charger a moment to send StopTransaction, so the page can show the bill at once.
  const deadline = Date.now() + (opts.waitMs ?? 8000);
  while (Date.now() < deadline) {
    const cur = await db.chargingSession.findUniqueOrThrow({ where: { id: s.id }, select: { status: true } });
    if (cur.status !== "ACTIVE") {
      await finaliseSession(db, s.id);
      return { status: cur.status };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { status: "ACTIVE" };
}
