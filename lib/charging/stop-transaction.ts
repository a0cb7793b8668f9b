// StopTransaction is always answered normally: a charger retries a CALLERROR
// forever. Unknown, already stopped and placeholder ids are recorded for review.
import type { Db } from "../db/client.ts";
import { publish } from "../realtime/publish.ts";
import { authorizeToken, type TAuthorization } from "./authorize-token.ts";
import { isClockSkewed } from "./clock-skew.ts";
import { recordIncident } from "./incidents.ts";
import { readingRow, summarise } from "./meter-readings.ts";
import { TX_OPTIONS, type TChargerRef, type TMeterSample, type Tx } from "./types.ts";

export type TStopTransactionInput = TChargerRef & {
  transactionId: number;
  idTag?: string;
  meterStopWh: number;
  timestamp: Date;
  reason?: string;
  transactionData?: TMeterSample[];
  receivedAt?: Date;
};

export type TStopOutcome = "STOPPED" | "UNKNOWN_TRANSACTION" | "ALREADY_STOPPED" | "PLACEHOLDER";

export type TStopTransactionResult = {
  outcome: TStopOutcome;
  sessionId: string | null;
  energyWh: number | null;
  flags: string[];
  authorization: TAuthorization | null;
};

export async function stopTransaction(db: Db, input: TStopTransactionInput): Promise<TStopTransactionResult> {
  const result = await db.$transaction((tx) => recordStop(tx, input), TX_OPTIONS);
  if (input.idTag) {
    result.authorization = await authorizeToken(db, { idTag: input.idTag, stationId: input.stationId, checkConcurrent: false });
  }
  return result;
}

async function recordStop(tx: Tx, input: TStopTransactionInput): Promise<TStopTransactionResult> {
  const receivedAt = input.receivedAt ?? new Date();
  const samples = input.transactionData ?? [];
  const incident = (kind: "UNKNOWN_TRANSACTION" | "TRANSACTION_ALREADY_STOPPED" | "PLACEHOLDER_TRANSACTION" | "METER_DECREASE" | "CLOCK_SKEW", detail: string) =>
    recordIncident(tx, { stationId: input.stationId, identity: input.identity, kind, action: "StopTransaction", detail, payload: stopPayload(input) });

  const session =
    input.transactionId > 0
      ? await tx.chargingSession.findFirst({ where: { transactionId: input.transactionId, stationId: input.stationId } })
      : null;

  if (!session) {
    const placeholder = input.transactionId <= 0;
    await insertReadings(tx, input, null, samples);
    await incident(
      placeholder ? "PLACEHOLDER_TRANSACTION" : "UNKNOWN_TRANSACTION",
      placeholder
        ? `StopTransaction for placeholder transaction ${input.transactionId} (meterStop ${input.meterStopWh} Wh)`
        : `StopTransaction for unknown transaction ${input.transactionId} (meterStop ${input.meterStopWh} Wh)`,
    );
    return { outcome: placeholder ? "PLACEHOLDER" : "UNKNOWN_TRANSACTION", sessionId: null, energyWh: null, flags: [], authorization: null };
  }

  if (session.status !== "ACTIVE") {
    const identical = session.meterStopWh === BigInt(input.meterStopWh) && session.endedAt?.getTime() === input.timestamp.getTime();
    // A repeat after a lost answer carries the same transactionData: do not store it twice.
    if (!identical) await insertReadings(tx, input, session.id, samples);
    await incident(
      "TRANSACTION_ALREADY_STOPPED",
      identical
        ? `Repeated StopTransaction for transaction ${input.transactionId}`
        : `StopTransaction for transaction ${input.transactionId}, which is already ${session.status.toLowerCase()}; this one (meterStop ${input.meterStopWh} Wh at ${input.timestamp.toISOString()}) was not applied`,
    );
    return { outcome: "ALREADY_STOPPED", sessionId: session.id, energyWh: session.energyWh, flags: session.flags, authorization: null };
  }

  await insertReadings(tx, input, session.id, samples);
  const flags = new Set(session.flags);
  const start = session.meterStartWh === null ? null : Number(session.meterStartWh);
  let energyWh: number | null = start === null ? null : input.meterStopWh - start;
  if (energyWh !== null && energyWh < 0) {
    flags.add("METER_DECREASE");
    // Not trusted: fall back to the highest register the charger reported during the session.
    const best = await tx.meterReading.aggregate({ where: { sessionId: session.id }, _max: { energyWh: true } });
    const highest = Math.max(
      best._max.energyWh === null ? -Infinity : Number(best._max.energyWh),
      session.lastMeterWh === null ? -Infinity : Number(session.lastMeterWh),
    );
    energyWh = start !== null && Number.isFinite(highest) && highest >= start ? Math.round(highest - start) : null;
    await incident(
      "METER_DECREASE",
      `Transaction ${input.transactionId}: meterStop ${input.meterStopWh} Wh is below meterStart ${start} Wh; energy taken as ${energyWh ?? "unknown"} Wh`,
    );
  }
  if (isClockSkewed(input.timestamp, receivedAt)) {
    flags.add("CLOCK_SKEW");
    await incident("CLOCK_SKEW", `Transaction ${input.transactionId} stop stamped ${input.timestamp.toISOString()}, received ${receivedAt.toISOString()}`);
  }

  const summary = summarise(samples);
  await tx.chargingSession.update({
    where: { id: session.id },
    data: {
      status: "COMPLETED",
      endedAt: input.timestamp,
      meterStopWh: BigInt(input.meterStopWh),
      lastMeterWh: BigInt(input.meterStopWh),
      lastMeterAt: input.timestamp,
      lastSocPercent: summary.socPercent ?? undefined,
      lastPowerW: 0,
      energyWh,
      stopReason: input.reason ?? "Local",
      flags: [...flags],
    },
  });
  await publish(tx, { type: "session", sessionId: session.id, stationId: input.stationId, status: "COMPLETED", energyWh });
  return { outcome: "STOPPED", sessionId: session.id, energyWh, flags: [...flags], authorization: null };
}

async function insertReadings(tx: Tx, input: TStopTransactionInput, sessionId: string | null, samples: TMeterSample[]) {
  if (!samples.length) return;
  const connectorNumber = sessionId
    ? (await tx.chargingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { connectorNumber: true } })).connectorNumber
    : 0;
  await tx.meterReading.createMany({
    data: samples.map((s) => readingRow({ stationId: input.stationId, connectorNumber, sessionId, transactionId: input.transactionId }, s)),
  });
}

function stopPayload(i: TStopTransactionInput) {
  return { transactionId: i.transactionId, idTag: i.idTag, meterStop: i.meterStopWh, timestamp: i.timestamp.toISOString(), reason: i.reason };
}
