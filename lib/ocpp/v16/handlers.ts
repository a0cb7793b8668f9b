// The OCPP 1.6 messages a charger sends, translated to the protocol-neutral
// rules in lib/charging. Every handler returns only after its write committed.
import { createRPCError, RPCError } from "../rpc.ts";
import type { Db } from "../../db/client.ts";
import {
  authorizeToken,
  recordBoot,
  recordChargerEvent,
  recordMeterValues,
  startTransaction,
  stopTransaction,
  updateConnectorStatus,
  type LastSeenWriter,
} from "../../charging/index.ts";
import type { TLogger } from "../log.ts";
import { connectorStatusFrom16, idTagInfo16, samplesFrom16, type TMeterValue16 } from "./mapping.ts";

export type TV16Context = {
  db: Db;
  stationId: string;
  identity: string;
  ipAddress?: string;
  lastSeen: LastSeenWriter;
  heartbeatIntervalSec: number;
  log: TLogger;
  /** The charger's registration as its last BootNotification was answered (or the stored one before any). */
  registration: { status: "ACCEPTED" | "PENDING" | "REJECTED" };
};

type Handler = (params: any) => Promise<unknown>;
type RpcLike = {
  handle(method: string, handler: (call: { params: unknown; method: string }) => Promise<unknown>): void;
  on(event: "call", listener: (e: { outbound: boolean; payload: unknown[] }) => void): void;
};

/** Our own vendor id for DataTransfer; anything else is recorded and answered UnknownVendorId. */
export const OWN_VENDOR_ID = "Chargeway";

export function v16Handlers(ctx: TV16Context): Record<string, Handler> {
  const { db, stationId, identity } = ctx;
  const who = { stationId, identity };
  const now = () => new Date();

  return {
    async BootNotification(p) {
      const { registrationStatus, at } = await recordBoot(db, {
        ...who,
        vendor: p.chargePointVendor,
        model: p.chargePointModel,
        firmwareVersion: p.firmwareVersion,
        serialNumber: p.chargePointSerialNumber,
        chargeBoxSerial: p.chargeBoxSerialNumber,
        iccid: p.iccid,
        imsi: p.imsi,
        meterType: p.meterType,
        meterSerialNumber: p.meterSerialNumber,
        ipAddress: ctx.ipAddress,
      });
      ctx.registration.status = registrationStatus === "ACCEPTED" || registrationStatus === "PENDING" ? registrationStatus : "REJECTED";
      const status = registrationStatus === "ACCEPTED" ? "Accepted" : registrationStatus === "PENDING" ? "Pending" : "Rejected";
      // Pending chargers retry the boot at this interval, so keep it short.
      const interval = status === "Accepted" ? ctx.heartbeatIntervalSec : status === "Pending" ? 60 : 300;
      return { status, currentTime: at.toISOString(), interval };
    },

    async Heartbeat() {
      const at = now();
      await ctx.lastSeen.touch(stationId, at);
      return { currentTime: at.toISOString() };
    },

    async StatusNotification(p) {
      await updateConnectorStatus(db, {
        ...who,
        connectorNumber: p.connectorId,
        status: connectorStatusFrom16(p.status),
        errorCode: p.errorCode,
        info: p.info,
        vendorId: p.vendorId,
        vendorErrorCode: p.vendorErrorCode,
        timestamp: p.timestamp ? new Date(p.timestamp) : undefined,
      });
      return {};
    },

    async Authorize(p) {
      const a = await authorizeToken(db, { idTag: p.idTag, stationId });
      return { idTagInfo: idTagInfo16(a) };
    },

    async StartTransaction(p) {
      const r = await startTransaction(db, {
        ...who,
        connectorNumber: p.connectorId,
        idTag: p.idTag,
        meterStartWh: p.meterStart,
        timestamp: new Date(p.timestamp),
        reservationId: p.reservationId,
      });
      return { transactionId: r.transactionId, idTagInfo: idTagInfo16(r.authorization) };
    },

    async StopTransaction(p) {
      const r = await stopTransaction(db, {
        ...who,
        transactionId: p.transactionId,
        idTag: p.idTag,
        meterStopWh: p.meterStop,
        timestamp: new Date(p.timestamp),
        reason: p.reason,
        transactionData: samplesFrom16(p.transactionData as TMeterValue16[] | undefined),
      });
      return r.authorization ? { idTagInfo: idTagInfo16(r.authorization) } : {};
    },

    async MeterValues(p) {
      await recordMeterValues(db, {
        ...who,
        connectorNumber: p.connectorId,
        transactionId: p.transactionId,
        samples: samplesFrom16(p.meterValue),
      });
      return {};
    },

    async DataTransfer(p) {
      await recordChargerEvent(db, { ...who, action: "DataTransfer", payload: p });
      return { status: p.vendorId === OWN_VENDOR_ID ? "Accepted" : "UnknownVendorId" };
    },

    async DiagnosticsStatusNotification(p) {
      await recordChargerEvent(db, { ...who, action: "DiagnosticsStatusNotification", payload: p, diagnosticsStatus: p.status });
      return {};
    },

    async FirmwareStatusNotification(p) {
      await recordChargerEvent(db, { ...who, action: "FirmwareStatusNotification", payload: p, firmwareStatus: p.status });
      return {};
    },
  };
}

// OCPP 1.6 §4.2: until its BootNotification is Accepted a charger sends
// nothing but BootNotification, unless the central system asked for a
// message with TriggerMessage. Anything else is refused with SecurityError
// (OCPP-J's code for it) and nothing of it is stored.
const TRIGGERED_FOR_MS = 60_000;

/** Registers the handlers; unexpected failures (e.g. the database is away) become InternalError, logged with detail. */
export function attachV16Handlers(client: RpcLike, ctx: TV16Context): void {
  const triggered = new Map<string, number>();
  client.on("call", ({ outbound, payload }) => {
    if (outbound && payload[2] === "TriggerMessage") {
      const requested = (payload[3] as { requestedMessage?: string } | undefined)?.requestedMessage;
      if (requested) triggered.set(requested, Date.now() + TRIGGERED_FOR_MS);
    }
  });
  // Transaction records are never refused, whatever the charger's registration
  // (e.g. a station suspended mid-session, reconnecting with its queued
  // StopTransaction): refusing them would lose a session's energy and money,
  // as the charger gives up after its retries. They are recorded and reviewed.
  const isTransactionRecord = (action: string, params: unknown) =>
    action === "StartTransaction" || action === "StopTransaction" ||
    (action === "MeterValues" && (params as { transactionId?: unknown } | null)?.transactionId !== undefined);
  const refused = (action: string, params: unknown) => {
    if (action === "BootNotification" || ctx.registration.status === "ACCEPTED" || isTransactionRecord(action, params)) return false;
    const until = triggered.get(action);
    return !(until && until > Date.now());
  };
  for (const [action, handler] of Object.entries(v16Handlers(ctx))) {
    client.handle(action, async ({ params }) => {
      if (refused(action, params)) {
        throw createRPCError("SecurityError", `${action} refused: this charger is not accepted (BootNotification answered ${ctx.registration.status === "PENDING" ? "Pending" : "Rejected"})`);
      }
      try {
        return await handler(params);
      } catch (err) {
        if (err instanceof RPCError) throw err;
        ctx.log.error("handler failed", { identity: ctx.identity, action, error: (err as Error).message });
        throw createRPCError("InternalError", "The central system could not process this message; please retry");
      }
    });
  }
}
