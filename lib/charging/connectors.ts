// Chargers report connector numbers we may not have configured; the row is
// created on first sight so status and sessions always have a home.
import type { Connector } from "../db/client.ts";
import type { DbOrTx } from "./types.ts";

export async function findOrCreateConnector(db: DbOrTx, stationId: string, connectorNumber: number): Promise<Connector> {
  const existing = await db.connector.findUnique({ where: { stationId_connectorId: { stationId, connectorId: connectorNumber } } });
  if (existing) return existing;
  const station = await db.station.findUniqueOrThrow({ where: { id: stationId }, select: { maxPowerKw: true, plugTypes: true } });
  return db.connector.upsert({
    where: { stationId_connectorId: { stationId, connectorId: connectorNumber } },
    create: {
      stationId,
      connectorId: connectorNumber,
      type: station.plugTypes[0] ?? "OTHER",
      maxPowerKw: station.maxPowerKw ?? 0,
    },
    update: {},
  });
}
