// Every station on the platform for the admin: owners' listings, garage
// chargers, imported operator stations and chargers waiting to be adopted.
import type { Db, Prisma } from "../db/client.ts";
import type { StationStatus } from "../db/generated/enums.ts";
import { notFoundError } from "../errors/app-error.ts";
import { PAGE_SIZE } from "./actor.ts";

export type StationKind = "owner" | "garage" | "operator" | "pending";

export type StationFilter = {
  q?: string;
  status?: StationStatus;
  kind?: StationKind;
  ownerId?: string;
  operatorId?: string;
  online?: "yes" | "no";
  page?: number;
};

export function stationWhere(f: StationFilter): Prisma.StationWhereInput {
  const q = f.q?.trim();
  const kind: Record<StationKind, Prisma.StationWhereInput> = {
    owner: { ownerId: { not: null } },
    garage: { siteId: { not: null } },
    operator: { operatorId: { not: null } },
    pending: { registrationStatus: "PENDING" },
  };
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.kind ? kind[f.kind] : {}),
    ...(f.ownerId ? { ownerId: f.ownerId } : {}),
    ...(f.operatorId ? { operatorId: f.operatorId } : {}),
    ...(f.online === "yes" ? { isOnline: true } : f.online === "no" ? { isOnline: false, ocppIdentity: { not: null } } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { ocppIdentity: { contains: q, mode: "insensitive" } },
            { address: { contains: q, mode: "insensitive" } },
            { city: { contains: q, mode: "insensitive" } },
            { owner: { email: { contains: q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
}

export async function listStations(db: Db, f: StationFilter) {
  const page = f.page ?? 1;
  const where = stationWhere(f);
  const [rows, total] = await Promise.all([
    db.station.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, name: true, city: true, address: true, status: true, availability: true, isOnline: true, ocppIdentity: true,
        registrationStatus: true, lastHeartbeatAt: true, chargerStatus: true,
        owner: { select: { id: true, name: true, email: true } },
        site: { select: { id: true, name: true } },
        operator: { select: { id: true, name: true } },
        connectors: { select: { connectorId: true, status: true, type: true, maxPowerKw: true }, orderBy: { connectorId: "asc" } },
      },
    }),
    db.station.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Owners who have listed at least one station: the owner filter's choices. */
export function listStationOwners(db: Db) {
  return db.user.findMany({
    where: { ownedStations: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

export async function getStationDetail(db: Db, id: string) {
  const station = await db.station.findUnique({
    where: { id },
    select: {
      id: true, name: true, address: true, city: true, country: true, lat: true, lng: true, status: true, availability: true,
      publish: true, ocppIdentity: true, registrationStatus: true, vendor: true, model: true, firmwareVersion: true, serialNumber: true,
      isOnline: true, connectedAt: true, lastHeartbeatAt: true, lastBootAt: true, chargerStatus: true, chargerErrorCode: true,
      firmwareStatus: true, lastSyncedAt: true, createdAt: true, externalId: true,
      owner: { select: { id: true, name: true, email: true } },
      site: { select: { id: true, name: true } },
      operator: { select: { id: true, name: true } },
      connectors: {
        orderBy: { connectorId: "asc" },
        select: { id: true, connectorId: true, type: true, powerType: true, maxPowerKw: true, status: true, errorCode: true, statusInfo: true, statusUpdatedAt: true, removed: true },
      },
    },
  });
  if (!station) throw notFoundError("This station");
  const [connections, commands, issues] = await Promise.all([
    db.stationConnectionLog.findMany({ where: { stationId: id }, orderBy: { at: "desc" }, take: 10, select: { id: true, event: true, ipAddress: true, reason: true, at: true } }),
    db.ocppCommand.findMany({
      where: { stationId: id },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, action: true, payload: true, status: true, response: true, error: true, createdAt: true, requestedBy: { select: { email: true } } },
    }),
    db.stationIssue.count({ where: { stationId: id, status: { not: "RESOLVED" } } }),
  ]);
  return { station, connections, commands, openIssues: issues };
}
