// The live board: every spot with its charger's state and the session in
// progress. The page re-reads this on session events; meter and status
// events patch it in the browser.
import type { Db } from "../db/client.ts";
import { findSite, type TGarageUser } from "./context.ts";

export type TBoardSpot = {
  spotId: string | null;
  label: string | null;
  floorLevel: string | null;
  renter: { id: string; name: string } | null;
  charger: {
    id: string;
    identity: string;
    isOnline: boolean;
    lastHeartbeatAt: string | null;
    status: string | null;
    errorCode: string | null;
    connectors: { connectorId: number; status: string; errorCode: string | null }[];
  } | null;
  session: { id: string; connectorNumber: number; energyWh: number; powerW: number | null; startedAt: string | null; renterName: string | null; idTag: string | null } | null;
};

export async function loadBoard(db: Db, user: TGarageUser, siteId: string) {
  const site = await findSite(db, user, siteId);
  const [spots, loose] = await Promise.all([
    db.parkingSpot.findMany({
      where: { siteId: site.id },
      orderBy: { label: "asc" },
      take: 500,
      select: { id: true, label: true, floorLevel: true, renter: { select: { id: true, name: true } }, stationId: true },
    }),
    // Chargers of the garage not installed at any spot still belong on the board.
    db.station.findMany({ where: { siteId: site.id, ocppIdentity: { not: null }, parkingSpot: null }, select: { id: true }, take: 500 }),
  ]);
  const stationIds = [...spots.map((s) => s.stationId).filter((x): x is string => !!x), ...loose.map((s) => s.id)];
  const [stations, sessions] = await Promise.all([
    db.station.findMany({
      where: { id: { in: stationIds }, siteId: site.id },
      select: {
        id: true, ocppIdentity: true, isOnline: true, lastHeartbeatAt: true, chargerStatus: true, chargerErrorCode: true,
        connectors: { where: { removed: false }, orderBy: { connectorId: "asc" }, select: { connectorId: true, status: true, errorCode: true } },
      },
    }),
    db.chargingSession.findMany({
      where: { stationId: { in: stationIds }, status: "ACTIVE" },
      orderBy: { startedAt: "desc" },
      select: { id: true, stationId: true, connectorNumber: true, energyWh: true, lastPowerW: true, startedAt: true, idTag: true, renter: { select: { name: true } } },
    }),
  ]);
  const byStation = new Map(stations.map((s) => [s.id, s]));
  const charger = (id: string | null): TBoardSpot["charger"] => {
    const s = id ? byStation.get(id) : undefined;
    if (!s) return null;
    return {
      id: s.id, identity: s.ocppIdentity ?? "", isOnline: s.isOnline, lastHeartbeatAt: s.lastHeartbeatAt?.toISOString() ?? null,
      status: s.chargerStatus, errorCode: s.chargerErrorCode, connectors: s.connectors,
    };
  };
  const session = (id: string | null): TBoardSpot["session"] => {
    const s = id ? sessions.find((x) => x.stationId === id) : undefined;
    if (!s) return null;
    return { id: s.id, connectorNumber: s.connectorNumber, energyWh: s.energyWh ?? 0, powerW: s.lastPowerW, startedAt: s.startedAt?.toISOString() ?? null, renterName: s.renter?.name ?? null, idTag: s.idTag };
  };
  const rows: TBoardSpot[] = [
    ...spots.map((s) => ({ spotId: s.id, label: s.label, floorLevel: s.floorLevel, renter: s.renter, charger: charger(s.stationId), session: session(s.stationId) })),
    ...loose.map((l) => ({ spotId: null, label: null, floorLevel: null, renter: null, charger: charger(l.id), session: session(l.id) })),
  ];
  return { site, rows };
}
