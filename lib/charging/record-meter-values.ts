// MeterValues is the hottest message: one lookup, then one transaction with a
// single multi-row insert, the session's running figures and the live event.
// Readings are kept even when no (known) transaction owns them.
import type { Db, Prisma } from "../db/client.ts";
import { encodeEvent, EVENTS_CHANNEL } from "../realtime/events.ts";
import { isClockSkewed, shouldReportSkew } from "./clock-skew.ts";
import { recordIncident } from "./incidents.ts";
import { readingRows, summarise } from "./meter-readings.ts";
import type { TChargerRef, TMeterSample } from "./types.ts";

export type TRecordMeterValuesInput = TChargerRef & {
  connectorNumber: number;
  transactionId?: number;
  samples: TMeterSample[];
  receivedAt?: Date;
};

export type TRecordMeterValuesResult = {
  stored: number;
  sessionId: string | null;
  /** Why the readings are not attached to a running session, if they are not. */
  issue: "UNKNOWN_TRANSACTION" | "TRANSACTION_ALREADY_STOPPED" | "PLACEHOLDER_TRANSACTION" | null;
};

export async function recordMeterValues(db: Db, input: TRecordMeterValuesInput): Promise<TRecordMeterValuesResult> {
  const receivedAt = input.receivedAt ?? new Date();
  const tid = input.transactionId;
  const session =
    tid !== undefined && tid > 0
      ? await db.chargingSession.findFirst({
          where: { transactionId: tid, stationId: input.stationId },
          select: { id: true, status: true, meterStartWh: true, lastMeterAt: true, flags: true },
        })
      : null;
  const issue: TRecordMeterValuesResult["issue"] =
    tid === undefined ? null : tid <= 0 ? "PLACEHOLDER_TRANSACTION" : !session ? "UNKNOWN_TRANSACTION" : session.status !== "ACTIVE" ? "TRANSACTION_ALREADY_STOPPED" : null;

  const rows = readingRows(
    { stationId: input.stationId, connectorNumber: input.connectorNumber, sessionId: session?.id ?? null, transactionId: tid ?? null },
    input.samples,
  );
  const ops: Prisma.PrismaPromise<unknown>[] = [db.meterReading.createMany({ data: rows })];

  const summary = summarise(input.samples);
  const skewed = input.samples.some((s) => isClockSkewed(s.timestamp, receivedAt));
  const incident = (kind: Prisma.OcppIncidentCreateManyInput["kind"], detail: string) =>
    ops.push(
      db.ocppIncident.create({
        data: { stationId: input.stationId, identity: input.identity, kind, action: "MeterValues", detail, payload: { transactionId: tid, connectorId: input.connectorNumber } },
      }),
    );

  if (issue) {
    incident(issue, `MeterValues (${rows.length} values) for ${issue === "PLACEHOLDER_TRANSACTION" ? "placeholder" : issue === "UNKNOWN_TRANSACTION" ? "unknown" : "stopped"} transaction ${tid}`);
  }
  if (skewed && shouldReportSkew(input.stationId, receivedAt.getTime())) {
    incident("CLOCK_SKEW", `MeterValues stamped ${input.samples[0]?.timestamp.toISOString()}, received ${receivedAt.toISOString()}`);
  }

  if (session && session.status === "ACTIVE" && summary.at && (!session.lastMeterAt || summary.at >= session.lastMeterAt)) {
    const start = session.meterStartWh === null ? null : Number(session.meterStartWh);
    const energyWh = summary.registerWh !== null && start !== null ? summary.registerWh - start : null;
    const flags = new Set(session.flags);
    if (energyWh !== null && energyWh < 0) flags.add("METER_DECREASE");
    if (skewed) flags.add("CLOCK_SKEW");
    ops.push(
      db.chargingSession.update({
        where: { id: session.id },
        data: {
          lastMeterAt: summary.at,
          ...(summary.registerWh !== null && { lastMeterWh: BigInt(summary.registerWh) }),
          ...(energyWh !== null && energyWh >= 0 && { energyWh }),
          ...(summary.powerW !== null && { lastPowerW: summary.powerW }),
          ...(summary.socPercent !== null && { lastSocPercent: summary.socPercent }),
          ...(flags.size !== session.flags.length && { flags: [...flags] }),
        },
      }),
    );
    const payload = encodeEvent({
      type: "meter",
      stationId: input.stationId,
      sessionId: session.id,
      energyWh: energyWh !== null && energyWh >= 0 ? energyWh : null,
      powerW: summary.powerW,
      socPercent: summary.socPercent,
      at: summary.at.toISOString(),
    });
    ops.push(db.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, EVENTS_CHANNEL, payload));
  }

  await db.$transaction(ops);
  return { stored: rows.length, sessionId: session?.id ?? null, issue };
}
