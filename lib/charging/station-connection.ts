// A charger's socket coming and going. The instance id says which OCPP server
// process holds the socket, so commands from the web reach the right one.
import { TX_OPTIONS } from "./types.ts";
import type { ConnectionEvent, Db } from "../db/client.ts";
import { refreshAvailability } from "./availability.ts";
import { publish } from "../realtime/publish.ts";

/** Returns the connection time, which markDisconnected needs to tell this connection from a newer one. */
export async function markConnected(db: Db, input: { stationId: string; instanceId: string; ipAddress?: string; replaced?: boolean }): Promise<Date> {
  const now = new Date();
  await db.$transaction(async (tx) => {
    if (input.replaced) {
      await tx.stationConnectionLog.create({
        data: { stationId: input.stationId, event: "REPLACED", ipAddress: input.ipAddress, instanceId: input.instanceId, reason: "A new connection replaced the open one" },
      });
    }
    await tx.station.update({ where: { id: input.stationId }, data: { isOnline: true, ocppInstanceId: input.instanceId, connectedAt: now } });
    await tx.stationConnectionLog.create({
      data: { stationId: input.stationId, event: "CONNECTED", ipAddress: input.ipAddress, instanceId: input.instanceId, at: now },
    });
    const availability = await refreshAvailability(tx, input.stationId);
    await publish(tx, { type: "station", stationId: input.stationId, isOnline: true, availability });
  }, TX_OPTIONS);
  return now;
}

/** Marks the charger offline unless another connection (maybe on another instance) took over meanwhile. */
export async function markDisconnected(
  db: Db,
  input: { stationId: string; instanceId: string; connectedAt: Date; reason?: string; event?: ConnectionEvent },
) {
  await db.$transaction(async (tx) => {
    const taken = await tx.station.updateMany({
      where: { id: input.stationId, ocppInstanceId: input.instanceId, connectedAt: { lte: input.connectedAt } },
      data: { isOnline: false, ocppInstanceId: null },
    });
    await tx.stationConnectionLog.create({
      data: { stationId: input.stationId, event: input.event ?? "DISCONNECTED", instanceId: input.instanceId, reason: input.reason },
    });
    if (taken.count) {
      const availability = await refreshAvailability(tx, input.stationId);
      await publish(tx, { type: "station", stationId: input.stationId, isOnline: false, availability });
    }
  }, TX_OPTIONS);
}

/** On start-up: chargers this instance held before a crash are not connected any more. */
export async function releaseInstance(db: Db, instanceId: string) {
  const stale = await db.station.findMany({ where: { ocppInstanceId: instanceId }, select: { id: true, connectedAt: true } });
  for (const s of stale) {
    await markDisconnected(db, { stationId: s.id, instanceId, connectedAt: s.connectedAt ?? new Date(), reason: "Server restarted" });
  }
}
