// Connectors of a station, by their OCPP number (1-based; 0 is the whole
// charger and lives on the station as chargerStatus).
import { z } from "zod";
import type { Db, Prisma } from "../db/client.ts";
import { notFound, parseOr400 } from "./errors.ts";
import { decodeCursor, pageOf, ZPage } from "./pagination.ts";
import { getStationRow } from "./stations.ts";

const connectorSelect = {
  id: true, stationId: true, connectorId: true, type: true, powerType: true, maxPowerKw: true, maxVoltage: true, maxAmperage: true,
  status: true, errorCode: true, vendorErrorCode: true, statusInfo: true, statusUpdatedAt: true, tariffId: true, publish: true,
  removed: true, createdAt: true, updatedAt: true,
} as const satisfies Prisma.ConnectorSelect;

export const ZConnectorFilters = ZPage.extend({
  status: z.enum(["AVAILABLE", "PREPARING", "CHARGING", "SUSPENDED_EVSE", "SUSPENDED_EV", "FINISHING", "RESERVED", "UNAVAILABLE", "FAULTED", "UNKNOWN"]).optional(),
}).strict();

export async function listConnectors(db: Db, stationId: string, query: unknown) {
  const station = await getStationRow(db, stationId);
  const f = parseOr400(ZConnectorFilters, query, "Invalid filters");
  const after = decodeCursor(f.cursor, ["number"]);
  const rows = await db.connector.findMany({
    where: { stationId: station.id, ...(f.status && { status: f.status }), ...(after && { connectorId: { gt: after[0] as number } }) },
    orderBy: { connectorId: "asc" },
    take: f.limit + 1,
    select: connectorSelect,
  });
  return pageOf(rows, f.limit, (r) => [r.connectorId]);
}

export async function getConnector(db: Db, stationId: string, connectorNumber: string) {
  const station = await getStationRow(db, stationId);
  const n = z.coerce.number().int().min(1).max(99).safeParse(connectorNumber);
  const row = n.success
    ? await db.connector.findUnique({ where: { stationId_connectorId: { stationId: station.id, connectorId: n.data } }, select: connectorSelect })
    : null;
  if (!row) throw notFound(`Connector ${connectorNumber} of station`, stationId);
  return { data: row };
}
