// The periodic pass over browser-started sessions (the lead's worker runs it
// every 30 s): adopt started attempts, fail starts that never came, stop at
// energy caps, finalise stopped sessions, warn before idle fees.
import type { Db } from "../db/client.ts";
import { notifyInLanguage, requestLocaleOf } from "../payments/notify-in-language.ts";
import { logError } from "../log.ts";
import { adoptStartedSession } from "./adopt-started-session.ts";
import { enforceEnergyCaps } from "./energy-cap.ts";
import { finaliseSession } from "./finalise-session.ts";
import { hasIdleFee, sessionTariff } from "./pricing.ts";

export async function runSessionSweep(db: Db, now = new Date()) {
  const out = { adopted: 0, failedStarts: 0, capStops: 0, finalised: 0, idleWarnings: 0, errors: 0 };
  const guard = async (fn: () => Promise<void>) => {
    try { await fn(); } catch (err) { out.errors++; logError("session sweep step failed", err); }
  };
  for (const a of await db.chargingSession.findMany({ where: { status: "PENDING" }, select: { id: true }, take: 500 })) {
    await guard(async () => {
      const r = await adoptStartedSession(db, a.id, now);
      if (r.status === "ADOPTED") out.adopted++;
      if (r.status === "FAILED") out.failedStarts++;
    });
  }
  await guard(async () => { out.capStops = await enforceEnergyCaps(db); });
  const stopped = await db.chargingSession.findMany({
    where: { status: { in: ["COMPLETED", "FAILED", "CANCELLED"] }, payments: { some: { purpose: "SESSION", status: "AUTHORIZED" } } },
    select: { id: true },
    take: 500,
  });
  for (const s of stopped) await guard(async () => { if (await finaliseSession(db, s.id)) out.finalised++; });
  // Power near zero on a tariff with an idle fee: the car is full and parking time is about to be billed.
  const idle = await db.chargingSession.findMany({
    where: { status: "ACTIVE", userId: { not: null }, lastPowerW: { lt: 100 }, payments: { some: { purpose: "SESSION" } } },
    select: { id: true, userId: true, tariffSnapshot: true, sessionData: true, station: { select: { name: true } } },
    take: 500,
  });
  for (const s of idle) {
    const tariff = sessionTariff(s.tariffSnapshot);
    if (!tariff || !hasIdleFee(tariff)) continue;
    await guard(async () => {
      const r = await notifyInLanguage(db, { userId: s.userId!, type: "SESSION", template: "idle-fee-soon", vars: { station: s.station.name }, data: { sessionId: s.id, href: `/sessions/${s.id}` }, dedupeKey: `session:${s.id}:idle-fee-soon` }, requestLocaleOf(s.sessionData));
      if (r.delivered) out.idleWarnings++;
    });
  }
  return out;
}
