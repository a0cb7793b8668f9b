// Charging sessions, newest first, and their meter values (each MeterValue
// with every sampled value as the charger sent it) on request.
import { z } from "zod";
import type { Db, Prisma } from "../db/client.ts";
import { ApiError, notFound, parseOr400 } from "./errors.ts";
import { decodeCursor, pageOf, ZPage } from "./pagination.ts";

const SESSION_STATUSES = ["PENDING", "ACTIVE", "COMPLETED", "FAILED", "CANCELLED"] as const;

const sessionSelect = {
  id: true, transactionId: true, stationId: true, connectorNumber: true, connectorType: true, idTag: true, tokenId: true, userId: true,
  reservationId: true, status: true, authStatus: true, startedAt: true, endedAt: true, meterStartWh: true, meterStopWh: true,
  energyWh: true, lastMeterWh: true, lastPowerW: true, lastSocPercent: true, lastMeterAt: true, stopReason: true, failureReason: true,
  flags: true, costMinor: true, currency: true, createdAt: true, updatedAt: true,
} as const satisfies Prisma.ChargingSessionSelect;

const meterSelect = {
  id: true, connectorId: true, transactionId: true, timestamp: true, sampledValues: true, context: true, energyWh: true, powerW: true, receivedAt: true,
} as const satisfies Prisma.MeterReadingSelect;

const ZDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const ZSessionFilters = ZPage.extend({
  stationId: z.string().uuid().optional(),
  idTag: z.string().max(36).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
}).strict().refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["from"] });

export async function listSessions(db: Db, query: unknown) {
  const f = parseOr400(ZSessionFilters, query, "Invalid filters");
  const before = decodeCursor(f.cursor, ["number"]);
  const rows = await db.chargingSession.findMany({
    where: {
      ...(f.stationId && { stationId: f.stationId }),
      ...(f.idTag && { idTag: f.idTag }),
      ...(f.status && { status: f.status }),
      ...((f.from || f.to) && { startedAt: { ...(f.from && { gte: f.from }), ...(f.to && { lt: f.to }) } }),
      ...(before && { transactionId: { lt: before[0] as number } }),
    },
    orderBy: { transactionId: "desc" },
    take: f.limit + 1,
    select: sessionSelect,
  });
  return pageOf(rows, f.limit, (r) => [r.transactionId]);
}

export const ZSessionQuery = ZPage.extend({
  include: z.enum(["meterValues"]).optional(),
}).strict();

export async function getSession(db: Db, id: string, query: unknown) {
  const q = parseOr400(ZSessionQuery, query, "Invalid query");
  const row = z.string().uuid().safeParse(id).success ? await db.chargingSession.findUnique({ where: { id }, select: sessionSelect }) : null;
  if (!row) throw notFound("Session", id);
  if (q.include !== "meterValues") {
    if (q.cursor) throw new ApiError(400, "cursor pages meter values: add include=meterValues", { cursor: ["Only with include=meterValues"] });
    return { data: row };
  }
  const after = decodeCursor(q.cursor, ["string"]);
  const afterId = after ? BigInt(/^\d+$/.test(after[0] as string) ? (after[0] as string) : "0") : null;
  const readings = await db.meterReading.findMany({
    where: { sessionId: row.id, ...(afterId !== null && { id: { gt: afterId } }) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: meterSelect,
  });
  const page = pageOf(readings, q.limit, (r) => [r.id.toString()]);
  return { data: row, meterValues: { data: page.data.map(meterValueOut), nextCursor: page.nextCursor } };
}

// Shaped like OCPP's MeterValue (timestamp + sampledValue[]), which is what
// integrators already parse; energy and power come converted to Wh and W.
function meterValueOut({ id, sampledValues, energyWh, ...r }: Prisma.MeterReadingGetPayload<{ select: typeof meterSelect }>) {
  return { id: id.toString(), ...r, sampledValue: sampledValues, energyWh: energyWh === null ? null : Number(energyWh) };
}
