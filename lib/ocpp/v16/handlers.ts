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

// Handlers are module-level functions of (ctx, params): with 10,000 chargers on
// one process, a set of closures per charger was a measurable share of the
// heap that every major GC marks (see attachV16Handlers).
type Handler = (ctx: TV16Context, params: any) => Promise<unknown>;
type RpcLike = {
  handle(method: string, handler: (call: { params: unknown; method: string }) => Promise<unknown>): void;
  on(event: "call", listener: (e: { outbound: boolean; payload: unknown[] }) => void): void;
};

/** Our own vendor id for DataTransfer; anything else is recorded and answered UnknownVendorId. */
export const OWN_VENDOR_ID = "Chargeway";

const who = (ctx: TV16Context) => ({ stationId: ctx.stationId, identity: ctx.identity });

const HANDLERS: Record<string, Handler> = {
  async BootNotification(ctx, p) {
    const { registrationStatus, at } = await recordBoot(ctx.db, {
      ...who(ctx),
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

  async Heartbeat(ctx) {
    const at = new Date();
    await ctx.lastSeen.touch(ctx.stationId, at);
    return { currentTime: at.toISOString() };
  },

  async StatusNotification(ctx, p) {
    await updateConnectorStatus(ctx.db, {
      ...who(ctx),
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

  async Authorize(ctx, p) {
    const a = await authorizeToken(ctx.db, { idTag: p.idTag, stationId: ctx.stationId });
    return { idTagInfo: idTagInfo16(a) };
  },

  async StartTransaction(ctx, p) {
    const r = await startTransaction(ctx.db, {
      ...who(ctx),
      connectorNumber: p.connectorId,
      idTag: p.idTag,
      meterStartWh: p.meterStart,
      timestamp: new Date(p.timestamp),
      reservationId: p.reservationId,
    });
    return { transactionId: r.transactionId, idTagInfo: idTagInfo16(r.authorization) };
  },

  async StopTransaction(ctx, p) {
    const r = await stopTransaction(ctx.db, {
      ...who(ctx),
      transactionId: p.transactionId,
      idTag: p.idTag,
      meterStopWh: p.meterStop,
      timestamp: new Date(p.timestamp),
      reason: p.reason,
      transactionData: samplesFrom16(p.transactionData as TMeterValue16[] | undefined),
    });
    return r.authorization ? { idTagInfo: idTagInfo16(r.authorization) } : {};
  },

  async MeterValues(ctx, p) {
    await recordMeterValues(ctx.db, {
      ...who(ctx),
      connectorNumber: p.connectorId,
      transactionId: p.transactionId,
      samples: samplesFrom16(p.meterValue),
    });
    return {};
  },

  async DataTransfer(ctx, p) {
    await recordChargerEvent(ctx.db, { ...who(ctx), action: "DataTransfer", payload: p });
    return { status: p.vendorId === OWN_VENDOR_ID ? "Accepted" : "UnknownVendorId" };
  },

  async DiagnosticsStatusNotification(ctx, p) {
    await recordChargerEvent(ctx.db, { ...who(ctx), action: "DiagnosticsStatusNotification", payload: p, diagnosticsStatus: p.status });
    return {};
  },

  async FirmwareStatusNotification(ctx, p) {
    await recordChargerEvent(ctx.db, { ...who(ctx), action: "FirmwareStatusNotification", payload: p, firmwareStatus: p.status });
    return {};
  },
};

// OCPP 1.6 §4.2: until its BootNotification is Accepted a charger sends
// nothing but BootNotification, unless the central system asked for a
// message with TriggerMessage. Anything else is refused with SecurityError
// (OCPP-J's code for it) and nothing of it is stored.
const TRIGGERED_FOR_MS = 60_000;

// Transaction records are never refused, whatever the charger's registration
// (e.g. a station suspended mid-session, reconnecting with its queued
// StopTransaction): refusing them would lose a session's energy and money,
// as the charger gives up after its retries. They are recorded and reviewed.
const isTransactionRecord = (action: string, params: unknown) =>
  action === "StartTransaction" || action === "StopTransaction" ||
  (action === "MeterValues" && (params as { transactionId?: unknown } | null)?.transactionId !== undefined);

type TClientState = { ctx: TV16Context; triggered?: Map<string, number> };

function refused(state: TClientState, action: string, params: unknown) {
  if (action === "BootNotification" || state.ctx.registration.status === "ACCEPTED" || isTransactionRecord(action, params)) return false;
  const until = state.triggered?.get(action);
  return !(until && until > Date.now());
}

async function dispatch(state: TClientState, action: string, params: unknown) {
  const { ctx } = state;
  if (refused(state, action, params)) {
    throw createRPCError("SecurityError", `${action} refused: this charger is not accepted (BootNotification answered ${ctx.registration.status === "PENDING" ? "Pending" : "Rejected"})`);
  }
  try {
    return await HANDLERS[action](ctx, params);
  } catch (err) {
    if (err instanceof RPCError) throw err;
    ctx.log.error("handler failed", { identity: ctx.identity, action, error: (err as Error).message });
    throw createRPCError("InternalError", "The central system could not process this message; please retry");
  }
}

/** Registers the handlers; unexpected failures (e.g. the database is away) become InternalError, logged with detail.
 *  One closure per charger for all actions (not a wildcard handler: ocpp-rpc
 *  answers an unknown action NotImplemented only when no handler matches). */
export function attachV16Handlers(client: RpcLike, ctx: TV16Context): void {
  const state: TClientState = { ctx };
  client.on("call", ({ outbound, payload }) => {
    if (outbound && payload[2] === "TriggerMessage") {
      const requested = (payload[3] as { requestedMessage?: string } | undefined)?.requestedMessage;
      if (requested) (state.triggered ??= new Map()).set(requested, Date.now() + TRIGGERED_FOR_MS);
    }
  });
  const handler = (call: { params: unknown; method: string }) => dispatch(state, call.method, call.params);
  for (const action of Object.keys(HANDLERS)) client.handle(action, handler);
}
