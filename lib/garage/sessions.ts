// Who charged where and when: the sessions list with its filters, and one
// session with its meter readings for the chart.
import type { Db, Prisma } from "../db/client.ts";
import { notFoundError } from "../errors/app-error.ts";
import { findSite, pageOf, PAGE_SIZE, type TGarageUser } from "./context.ts";
import { siteScope } from "./site-scope.ts";
import { localMidnight } from "./month.ts";
import type { TSessionFilter } from "./schemas.ts";

/** Sessions at this garage's chargers, and only if the user administers it. */
export function sessionsOfSite(user: TGarageUser, siteId: string): Prisma.ChargingSessionWhereInput {
  return { station: { siteId, site: { kind: "GARAGE", ...siteScope(user) } } };
}

export const sessionRowSelect = {
  id: true, transactionId: true, status: true, startedAt: true, endedAt: true, energyWh: true, idTag: true, stopReason: true, connectorNumber: true, lastPowerW: true,
  renter: { select: { id: true, name: true } },
  parkingSpot: { select: { id: true, label: true } },
  station: { select: { id: true, ocppIdentity: true } },
} as const;

export async function listSessions(db: Db, user: TGarageUser, f: TSessionFilter) {
  const site = await findSite(db, user, f.siteId);
  const card = f.cardId ? await db.authToken.findFirst({ where: { id: f.cardId, siteId: site.id }, select: { id: true, idTag: true } }) : null;
  const startedAt: Prisma.DateTimeNullableFilter = {};
  if (f.from) startedAt.gte = localMidnight(f.from, site.timeZone);
  if (f.to) startedAt.lt = localMidnight(f.to, site.timeZone, 1);
  const where: Prisma.ChargingSessionWhereInput = {
    ...sessionsOfSite(user, site.id),
    ...(f.renterId && { renterId: f.renterId }),
    // A card filter that names no card of this garage matches nothing.
    ...(f.cardId && { OR: card ? [{ tokenId: card.id }, { idTag: card.idTag }] : [{ id: { in: [] } }] }),
    ...(f.spotId && { parkingSpotId: f.spotId }),
    ...((f.from || f.to) && { startedAt }),
  };
  const total = await db.chargingSession.count({ where });
  const p = pageOf(f.page, total);
  const rows = await db.chargingSession.findMany({
    where,
    orderBy: [{ startedAt: "desc" }, { transactionId: "desc" }],
    skip: (p.page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: sessionRowSelect,
  });
  return { site, rows, ...p };
}

export async function sessionDetails(db: Db, user: TGarageUser, siteId: string, sessionId: string) {
  const session = await db.chargingSession.findFirst({
    where: { id: sessionId, ...sessionsOfSite(user, siteId) },
    select: { ...sessionRowSelect, meterStartWh: true, meterStopWh: true, failureReason: true, flags: true },
  });
  if (!session) throw notFoundError("This session");
  // Energy (Wh) and power (W) were converted from the charger's units when stored.
  const readings = await db.meterReading.findMany({
    where: { sessionId: session.id, OR: [{ energyWh: { not: null } }, { powerW: { not: null } }] },
    orderBy: { timestamp: "asc" },
    select: { timestamp: true, energyWh: true, powerW: true, context: true },
    take: 5000,
  });
  return { session, readings: readings.flatMap(toChartPoints) };
}

function toChartPoints(r: { timestamp: Date; energyWh: bigint | null; powerW: number | null; context: string | null }) {
  const at = r.timestamp.toISOString();
  return [
    ...(r.energyWh !== null ? [{ at, kind: "energy" as const, value: Number(r.energyWh), context: r.context }] : []),
    ...(r.powerW !== null ? [{ at, kind: "power" as const, value: r.powerW, context: r.context }] : []),
  ];
}

/** Filter choices for the sessions page: renters, cards, spots of this garage. */
export async function sessionFilterOptions(db: Db, siteId: string) {
  const [renters, cards, spots] = await Promise.all([
    db.renter.findMany({ where: { siteId }, orderBy: [{ isActive: "desc" }, { name: "asc" }], select: { id: true, name: true, isActive: true }, take: 1000 }),
    db.authToken.findMany({ where: { siteId }, orderBy: { idTag: "asc" }, select: { id: true, idTag: true }, take: 1000 }),
    db.parkingSpot.findMany({ where: { siteId }, orderBy: { label: "asc" }, select: { id: true, label: true }, take: 1000 }),
  ]);
  return { renters, cards, spots };
}
