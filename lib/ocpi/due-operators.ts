// Which operators a scheduler should sync now: active, with an API and an
// interval, whose last successful sync is older than the interval, and no
// sync of theirs still running (a RUNNING row older than an hour is a crash
// leftover and does not block).
import type { Db } from "../db/client.ts";

const STALE_RUNNING_MS = 60 * 60 * 1000;

export async function dueOperators(db: Db, now: Date = new Date()) {
  const candidates = await db.operator.findMany({
    where: { isActive: true, apiBaseUrl: { not: null }, syncIntervalMinutes: { gt: 0 } },
    include: { syncs: { where: { status: "RUNNING", startedAt: { gt: new Date(now.getTime() - STALE_RUNNING_MS) } }, select: { id: true }, take: 1 } },
    orderBy: { lastSyncedAt: { sort: "asc", nulls: "first" } },
  });
  return candidates
    .filter((o) => o.syncs.length === 0)
    .filter((o) => !o.lastSyncedAt || o.lastSyncedAt.getTime() + o.syncIntervalMinutes! * 60_000 <= now.getTime())
    .map(({ syncs: _running, config: _secret, ...operator }) => operator);
}
