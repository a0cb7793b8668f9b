// Which live events a browser may receive. Connector and station status is
// public only for stations on the public map (what the map shows); a garage's
// private chargers and chargers waiting for adoption are seen by those who run
// them. Energy and power of a session only go to whoever may see that session:
// its driver, the garage admins or owner of the station, platform admins.
// (No "server-only" marker: the rules are plain data access, tested directly.)
import type { CurrentUser } from "../auth/current-user.ts";
import type { Db } from "../db/client.ts";
import type { TRealtimeEvent } from "../realtime/events.ts";
import { PUBLIC_STATION } from "../stations/visibility.ts";

/** stationIds: whose status the browser may see; privateStationIds: whose meter values and sessions. */
export type LiveScope = { stationIds: Set<string> | "all"; privateStationIds: Set<string> | "all"; sessionIds: Set<string>; mobileIds: Set<string> };

type TUser = Pick<CurrentUser, "id" | "role">;

export async function liveScope(db: Db, user: TUser | null, req: { stations: string[]; sessions: string[]; mobile?: string[] }): Promise<LiveScope> {
  if (user?.role === "ADMIN") {
    return { stationIds: req.stations.length ? new Set(req.stations) : "all", privateStationIds: "all", sessionIds: new Set(req.sessions), mobileIds: new Set(req.mobile ?? []) };
  }
  const requested = req.stations.length ? { id: { in: req.stations } } : null;
  const [publicStations, privateStations, sessions, mobile] = await Promise.all([
    // Without a list of stations nobody but an admin gets everyone's status.
    requested ? db.station.findMany({ where: { ...requested, ...PUBLIC_STATION }, select: { id: true } }) : Promise.resolve([]),
    user
      ? db.station.findMany({
          where: { ...(requested ?? {}), OR: [{ ownerId: user.id }, { site: { admins: { some: { userId: user.id } } } }] },
          select: { id: true },
          take: 5000,
        })
      : Promise.resolve([]),
    user && req.sessions.length
      ? db.chargingSession.findMany({ where: { id: { in: req.sessions }, userId: user.id }, select: { id: true, stationId: true } })
      : Promise.resolve([]),
    // A mobile request is visible to its driver and to the provider of its service.
    user && req.mobile?.length
      ? db.mobileRequest.findMany({
          where: { id: { in: req.mobile }, OR: [{ userId: user.id }, { service: { providerId: user.id } }] },
          select: { id: true },
        })
      : Promise.resolve([]),
  ]);
  const privateIds = new Set(privateStations.map((s) => s.id));
  return {
    // A driver follows the station of their own session, wherever it is.
    stationIds: new Set([...publicStations.map((s) => s.id), ...privateIds, ...sessions.map((s) => s.stationId).filter((id) => req.stations.includes(id))]),
    privateStationIds: privateIds,
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
    case "session":
      return scope.sessionIds.has(e.sessionId) || (has(scope.stationIds, e.stationId) && has(scope.privateStationIds, e.stationId));
    case "mobile":
      return scope.mobileIds.has(e.requestId);
    default:
      return false;
  }
}
