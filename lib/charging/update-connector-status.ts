// StatusNotification: connector 0 is the charger as a whole. A row in the
// status history is written only when status or error code changed, so a
// charger repeating itself does not flood it.
import type { ConnectorStatus, Db } from "../db/client.ts";
import { publish } from "../realtime/publish.ts";
import { refreshAvailability } from "./availability.ts";
import { isClockSkewed, shouldReportSkew } from "./clock-skew.ts";
import { findOrCreateConnector } from "./connectors.ts";
import { recordIncident } from "./incidents.ts";
import type { TChargerRef } from "./types.ts";

export type TConnectorStatusInput = TChargerRef & {
  connectorNumber: number;
  status: ConnectorStatus;
  errorCode: string;
  info?: string;
  vendorId?: string;
  vendorErrorCode?: string;
  timestamp?: Date;
  receivedAt?: Date;
};

export async function updateConnectorStatus(db: Db, input: TConnectorStatusInput) {
  const receivedAt = input.receivedAt ?? new Date();
  const changedAt = input.timestamp ?? receivedAt;
  return db.$transaction(async (tx) => {
    let previous: { status: string | null; errorCode: string | null };
    if (input.connectorNumber === 0) {
      const st = await tx.station.findUniqueOrThrow({ where: { id: input.stationId }, select: { chargerStatus: true, chargerErrorCode: true } });
      previous = { status: st.chargerStatus, errorCode: st.chargerErrorCode };
      await tx.station.update({ where: { id: input.stationId }, data: { chargerStatus: input.status, chargerErrorCode: input.errorCode } });
    } else {
      const c = await findOrCreateConnector(tx, input.stationId, input.connectorNumber);
      previous = { status: c.status, errorCode: c.errorCode };
      await tx.connector.update({
        where: { id: c.id },
        data: {
          status: input.status,
          errorCode: input.errorCode,
          vendorErrorCode: input.vendorErrorCode ?? null,
          statusInfo: input.info ?? null,
          statusUpdatedAt: changedAt,
        },
      });
    }
    const changed = previous.status !== input.status || previous.errorCode !== input.errorCode;
    if (changed) {
      await tx.stationStatusLog.create({
        data: {
          stationId: input.stationId,
          connectorId: input.connectorNumber,
          previousStatus: previous.status,
          newStatus: input.status,
          errorCode: input.errorCode,
          reason: input.info,
          additionalData: input.vendorId || input.vendorErrorCode ? { vendorId: input.vendorId, vendorErrorCode: input.vendorErrorCode } : undefined,
          changedAt,
          receivedAt,
        },
      });
    }
    if (input.timestamp && isClockSkewed(input.timestamp, receivedAt) && shouldReportSkew(input.stationId, receivedAt.getTime())) {
      await recordIncident(tx, {
        stationId: input.stationId,
        identity: input.identity,
        kind: "CLOCK_SKEW",
        action: "StatusNotification",
        detail: `StatusNotification stamped ${input.timestamp.toISOString()}, received ${receivedAt.toISOString()}`,
      });
    }
    const availability = await refreshAvailability(tx, input.stationId);
    await publish(tx, {
      type: "connector_status",
      stationId: input.stationId,
      connectorId: input.connectorNumber,
      status: input.status,
      errorCode: input.errorCode,
      availability,
    });
    return { changed, availability };
  });
}
