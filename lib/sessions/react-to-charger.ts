// The session's money follows the charger within seconds, not at the next
// 30 s sweep: this process listens to the live events the OCPP server already
// publishes and, for browser-started sessions,
//  - asks the charger for a first meter reading as soon as a session starts,
//  - sends the stop once a meter event reaches the session's energy target,
//  - prices and captures a session as soon as the charger's stop is recorded.
// Both steps are idempotent (claimed in the database), so several web
// instances listening at once do the work once; the sweep stays as the net.
import type { Db } from "../db/client.ts";
import { logError } from "../log.ts";
import { subscribe } from "../realtime/subscribe.ts";
import type { TRealtimeEvent } from "../realtime/events.ts";
import { enforceEnergyCap } from "./energy-cap.ts";
import { finaliseSession } from "./finalise-session.ts";
import { askForFirstReading } from "./first-reading.ts";

const ENDED = new Set(["COMPLETED", "FAILED", "CANCELLED"]);

/** Returns a handler for live events (exported for tests) and keeps a small target cache. */
export function chargerEventHandler(db: Db) {
  // sessionId -> energy target (null: none); one read per session, not per meter event.
  const targets = new Map<string, number | null>();
  const pending = new Set<Promise<unknown>>();
  const run = (p: Promise<unknown>) => {
    const q = p.catch((err) => logError("session follow-up failed", err)).finally(() => pending.delete(q));
    pending.add(q);
  };
  async function targetOf(sessionId: string) {
    if (!targets.has(sessionId)) {
      if (targets.size > 10_000) targets.clear();
      const s = await db.chargingSession.findUnique({ where: { id: sessionId }, select: { targetWh: true } });
      targets.set(sessionId, s?.targetWh ?? null);
    }
    return targets.get(sessionId) ?? null;
  }
  const handle = (e: TRealtimeEvent) => {
    if (e.type === "meter" && e.energyWh != null) {
      run(targetOf(e.sessionId).then((target) => (target !== null && e.energyWh! >= target ? enforceEnergyCap(db, e.sessionId) : false)));
    }
    if (e.type === "session" && e.status === "ACTIVE") run(askForFirstReading(db, e.sessionId));
    if (e.type === "session" && ENDED.has(e.status)) {
      targets.delete(e.sessionId);
      run(finaliseSession(db, e.sessionId));
    }
  };
  return { handle, idle: () => Promise.all([...pending]) };
}

export function followChargerEvents(db: Db, databaseUrl: string): () => Promise<void> {
  const { handle, idle } = chargerEventHandler(db);
  const stop = subscribe(databaseUrl, handle, { onError: (err) => logError("session events listener", err) });
  return async () => { await stop(); await idle(); };
}
