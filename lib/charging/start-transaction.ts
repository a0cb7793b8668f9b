// A charger may start charging before it reaches us (offline, or the answer to
// its first attempt was lost), so a start is always recorded and always gets a
// transaction id; the authorisation result travels back beside it.
import { createHash } from "node:crypto";
import { Prisma, type Db } from "../db/client.ts";
import { publish } from "../realtime/publish.ts";
import { authorizeToken, type TAuthorization } from "./authorize-token.ts";
import { isClockSkewed } from "./clock-skew.ts";
import { findOrCreateConnector } from "./connectors.ts";
import { recordIncident } from "./incidents.ts";
import { TX_OPTIONS, type TChargerRef, type Tx } from "./types.ts";

export type TStartTransactionInput = TChargerRef & {
  connectorNumber: number;
  idTag: string;
  meterStartWh: number;
  timestamp: Date;
  reservationId?: number;
  receivedAt?: Date;
};

export type TStartTransactionResult = {
  sessionId: string;
  transactionId: number;
  authorization: TAuthorization;
  /** True when this was a repeat of a start we had already recorded. */
  repeated: boolean;
};

/** Same charger, connector, card, meter and timestamp: the same start, sent again. */
export function startKeyOf(i: TStartTransactionInput): string {
  const raw = [i.stationId, i.connectorNumber, i.idTag.toLowerCase(), i.meterStartWh, i.timestamp.toISOString()].join("|");
  return createHash("sha256").update(raw).digest("hex").slice(0, 40);
}

export async function startTransaction(db: Db, input: TStartTransactionInput): Promise<TStartTransactionResult> {
  const startKey = startKeyOf(input);
  const existing = await repeatOf(db, input, startKey);
  if (existing) return existing;
  try {
    return await db.$transaction((tx) => recordStart(tx, input, startKey), TX_OPTIONS);
  } catch (err) {
    // Two copies raced each other: the other one won, answer with its id.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const again = await repeatOf(db, input, startKey);
      if (again) return again;
    }
    throw err;
  }
}

async function repeatOf(db: Db, input: TStartTransactionInput, startKey: string): Promise<TStartTransactionResult | null> {
  const s = await db.chargingSession.findUnique({ where: { startKey }, select: { id: true, transactionId: true, flags: true } });
  if (!s) return null;
  const authorization = await authorizeToken(db, { idTag: input.idTag, stationId: input.stationId, checkConcurrent: false });
  if (s.flags.includes("CONCURRENT_TX")) authorization.status = "CONCURRENT_TX";
  return { sessionId: s.id, transactionId: s.transactionId, authorization, repeated: true };
}

async function recordStart(tx: Tx, input: TStartTransactionInput, startKey: string): Promise<TStartTransactionResult> {
  const receivedAt = input.receivedAt ?? new Date();
  const authorization = await authorizeToken(tx, {
    idTag: input.idTag,
    stationId: input.stationId,
    connectorNumber: input.connectorNumber,
    now: receivedAt,
  });
  const connector = await findOrCreateConnector(tx, input.stationId, input.connectorNumber);
  const station = await tx.station.findUniqueOrThrow({
    where: { id: input.stationId },
    select: { tariffId: true, currency: true, parkingSpot: { select: { id: true } } },
  });
  await closeForgottenSession(tx, input);
  // ReserveNow carried the booking's reservationId; the charger echoes it here.
  const booking =
    input.reservationId !== undefined
      ? await tx.booking.findFirst({ where: { reservationId: input.reservationId, stationId: input.stationId }, select: { id: true, userId: true } })
      : null;

  const flags: string[] = [];
  if (isClockSkewed(input.timestamp, receivedAt)) flags.push("CLOCK_SKEW");
  if (!authorization.token) flags.push("UNKNOWN_TOKEN");
  if (authorization.status === "CONCURRENT_TX") flags.push("CONCURRENT_TX");
  else if (authorization.status !== "ACCEPTED") flags.push("NOT_AUTHORIZED");
  if (authorization.reservedForOther) flags.push("RESERVED_FOR_OTHER");

  const token = authorization.token;
  // A start the driver asked for from the app (RemoteStartTransaction) waits as
  // a PENDING row holding the payment: the charger's transaction becomes that
  // row, so the driver's page and payment keep one session id.
  const attempt = await tx.chargingSession.findFirst({
    where: {
      stationId: input.stationId,
      connectorNumber: input.connectorNumber,
      idTag: { equals: input.idTag, mode: "insensitive" },
      status: "PENDING",
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, userId: true, bookingId: true, tariffId: true, currency: true },
  });
  const fields = {
    stationId: input.stationId,
    connectorId: connector.id,
    connectorNumber: input.connectorNumber,
    connectorType: connector.type,
    idTag: input.idTag,
    tokenId: token?.id,
    renterId: token?.renterId,
    parkingSpotId: station.parkingSpot?.id,
    reservationId: input.reservationId,
    status: "ACTIVE" as const,
    authStatus: authorization.status === "CONCURRENT_TX" ? ("ACCEPTED" as const) : authorization.status,
    startedAt: input.timestamp,
    meterStartWh: BigInt(input.meterStartWh),
    lastMeterWh: BigInt(input.meterStartWh),
    lastMeterAt: input.timestamp,
    energyWh: 0,
    flags,
    startKey,
  };
  const session = attempt
    ? await tx.chargingSession.update({
        where: { id: attempt.id },
        data: { ...fields, userId: attempt.userId ?? token?.userId ?? booking?.userId, bookingId: attempt.bookingId ?? booking?.id },
        select: { id: true, transactionId: true },
      })
    : await tx.chargingSession.create({
        data: { ...fields, userId: token?.userId ?? booking?.userId, bookingId: booking?.id, tariffId: station.tariffId, currency: station.currency },
        select: { id: true, transactionId: true },
      });

  if (flags.includes("CLOCK_SKEW")) {
    await recordIncident(tx, {
      stationId: input.stationId,
      identity: input.identity,
      kind: "CLOCK_SKEW",
      action: "StartTransaction",
      detail: `Transaction ${session.transactionId} stamped ${input.timestamp.toISOString()}, received ${receivedAt.toISOString()}`,
    });
  }
  if (!token) {
    await recordIncident(tx, {
      stationId: input.stationId,
      identity: input.identity,
      kind: "UNKNOWN_TOKEN",
      action: "StartTransaction",
      detail: `Transaction ${session.transactionId} started with unknown idTag ${input.idTag}`,
    });
  }
  await publish(tx, { type: "session", sessionId: session.id, stationId: input.stationId, status: "ACTIVE", energyWh: 0 });
  return { sessionId: session.id, transactionId: session.transactionId, authorization, repeated: false };
}

/** A new start on a connector that still has an open session means we never got that one's stop. */
async function closeForgottenSession(tx: Tx, input: TStartTransactionInput): Promise<void> {
  const open = await tx.chargingSession.findMany({
    where: { stationId: input.stationId, connectorNumber: input.connectorNumber, status: "ACTIVE" },
    select: { id: true, transactionId: true, meterStartWh: true, lastMeterWh: true, lastMeterAt: true, flags: true },
  });
  for (const s of open) {
    const energy = s.lastMeterWh !== null && s.meterStartWh !== null ? Number(s.lastMeterWh - s.meterStartWh) : null;
    await tx.chargingSession.update({
      where: { id: s.id },
      data: {
        status: "FAILED",
        endedAt: s.lastMeterAt ?? input.timestamp,
        energyWh: energy !== null && energy >= 0 ? energy : null,
        failureReason: "No StopTransaction received before the connector started a new transaction",
        flags: [...new Set([...s.flags, "STOP_MISSING"])],
      },
    });
    await recordIncident(tx, {
      stationId: input.stationId,
      identity: input.identity,
      kind: "UNKNOWN_TRANSACTION",
      action: "StartTransaction",
      detail: `Transaction ${s.transactionId} on connector ${input.connectorNumber} was still open; closed without a StopTransaction`,
    });
  }
}
