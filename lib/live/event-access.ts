import "server-only";
// Which live events a browser may receive. Connector and station status is
// public (it is what the map shows); energy and power of a session only go to
// whoever may see that session: its driver, the garage admins or owner of the
// station, platform admins.
import type { CurrentUser } from "../auth/current-user.ts";
import type { Db } from "../db/client.ts";
import type { TRealtimeEvent } from "../realtime/events.ts";

export type LiveScope = { stationIds: Set<string> | "all"; privateStationIds: Set<string> | "all"; sessionIds: Set<string>; mobileIds: Set<string> };

export async function liveScope(db: Db, user: CurrentUser | null, req: { stations: string[]; sessions: string[]; mobile?: string[] }): Promise<LiveScope> {
  const stationIds = req.stations.length ? new Set(req.stations) : ("all" as const);
  if (!user) return { stationIds, privateStationIds: new Set(), sessionIds: new Set(), mobileIds: new Set() };
  if (user.role === "ADMIN") return { stationIds, privateStationIds: "all", sessionIds: new Set(req.sessions), mobileIds: new Set(req.mobile ?? []) };
  // A mobile request is visible to its driver and to the provider of its service.
  const mobile = req.mobile?.length
    ? await db.mobileRequest.findMany({
        where: { id: { in: req.mobile }, OR: [{ userId: user.id }, { service: { providerId: user.id } }] },
        select: { id: true },
      })
    : [];
  const [stations, sessions] = await Promise.all([
    db.station.findMany({
      where: {
        ...(req.stations.length ? { id: { in: req.stations } } : {}),
        OR: [{ ownerId: user.id }, { site: { admins: { some: { userId: user.id } } } }],
      },
      select: { id: true },
      take: 5000,
    }),
    req.sessions.length
      ? db.chargingSession.findMany({ where: { id: { in: req.sessions }, userId: user.id }, select: { id: true } })
      : Promise.resolve([]),
  ]);
  return {
    stationIds,
    privateStationIds: new Set(stations.map((s) => s.id)),
    sessionIds: new Set(sessions.map((s) => s.id)),
    mobileIds: new Set(mobile.map((m) => m.id)),
  };
}

const has = (set: Set<string> | "all", id: string | undefined) => !!id && (set === "all" || set.has(id));

export function mayReceive(scope: LiveScope, e: TRealtimeEvent): boolean {
  switch (e.type) {
    case "connector_status":
    case "station":
      return has(scope.stationIds, e.stationId);
    case "meter":
      return scope.sessionIds.has(e.sessionId) || (has(scope.stationIds, e.stationId) && has(scope.privateStationIds, e.stationId));
    case "session":
      return scope.sessionIds.has(e.sessionId) || (has(scope.stationIds, e.stationId) && has(scope.privateStationIds, e.stationId));
    case "mobile":
      return scope.mobileIds.has(e.requestId);
    default:
      return false;
  }
}
