// Parking spots (seed 001): a label unique in the garage, a floor, the renter
// and the charger installed there. One charger per spot, one spot per charger;
// a spot rented by someone must be released before it goes to someone else.
import type { Db, Prisma } from "../db/client.ts";
import { AppError, isUniqueViolation, notFoundError } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actorOf, findSite, inSite, pageOf, PAGE_SIZE, type TGarageUser, type TRequestMeta } from "./context.ts";
import { findRenter } from "./renters.ts";

type Tx = Prisma.TransactionClient;
type TSpotInput = { siteId: string; label: string; floorLevel?: string; renterId?: string; stationId?: string };

const spotSelect = { id: true, siteId: true, label: true, floorLevel: true, renterId: true, stationId: true } as const;

async function findSpot(db: Db | Tx, user: TGarageUser, siteId: string, spotId: string) {
  const spot = await db.parkingSpot.findFirst({ where: { id: spotId, ...inSite(user, siteId) }, select: spotSelect });
  if (!spot) throw notFoundError("This parking spot");
  return spot;
}

/** The renter must be an active renter of this garage. */
async function checkRenter(tx: Tx, user: TGarageUser, siteId: string, renterId: string) {
  const renter = await findRenter(tx, user, siteId, renterId);
  if (!renter.isActive) throw new AppError("CONFLICT", "garage.err.renterInactive", { renterId: ["garage.err.renterInactive"] });
}

/** The charger must be one of this garage's OCPP chargers and not installed at another spot. */
async function checkCharger(tx: Tx, siteId: string, stationId: string, spotId: string | null) {
  const station = await tx.station.findFirst({
    where: { id: stationId, siteId, ocppIdentity: { not: null } },
    select: { ocppIdentity: true, parkingSpot: { select: { id: true, label: true } } },
  });
  if (!station) throw new AppError("NOT_FOUND", "garage.err.chargerNotFound", { stationId: ["garage.err.chargerNotFound"] });
  if (station.parkingSpot && station.parkingSpot.id !== spotId) {
    throw new AppError("CONFLICT", `garage.err.chargerInstalled|${station.ocppIdentity}|${station.parkingSpot.label}`, { stationId: ["garage.err.chargerTaken"] });
  }
}

function translateUnique(err: unknown, label: string): never {
  if (isUniqueViolation(err, "label")) throw new AppError("CONFLICT", `garage.err.labelTaken|${label}`, { label: ["garage.err.labelTakenShort"] });
  if (isUniqueViolation(err, "station_id") || isUniqueViolation(err, "stationId")) {
    throw new AppError("CONFLICT", "garage.err.chargerTaken", { stationId: ["garage.err.chargerTaken"] });
  }
  throw err;
}

async function checkLabelFree(tx: Tx, siteId: string, label: string, spotId: string | null) {
  const clash = await tx.parkingSpot.findFirst({ where: { siteId, label: { equals: label, mode: "insensitive" }, ...(spotId && { id: { not: spotId } }) }, select: { label: true } });
  if (clash) throw new AppError("CONFLICT", `garage.err.labelTaken|${clash.label}`, { label: ["garage.err.labelTakenShort"] });
}

export async function createSpot(db: Db, user: TGarageUser, input: TSpotInput, meta: TRequestMeta = {}) {
  await findSite(db, user, input.siteId);
  try {
    return await db.$transaction(async (tx) => {
      await checkLabelFree(tx, input.siteId, input.label, null);
      if (input.renterId) await checkRenter(tx, user, input.siteId, input.renterId);
      if (input.stationId) await checkCharger(tx, input.siteId, input.stationId, null);
      const spot = await tx.parkingSpot.create({
        data: { siteId: input.siteId, label: input.label, floorLevel: input.floorLevel ?? null, renterId: input.renterId ?? null, stationId: input.stationId ?? null },
        select: spotSelect,
      });
      await recordAudit(tx, { actor: actorOf(user), action: "GARAGE_SPOT_CREATE", entityType: "ParkingSpot", entityId: spot.id, after: spot, ...meta });
      return spot;
    });
  } catch (err) {
    translateUnique(err, input.label);
  }
}

export async function updateSpot(db: Db, user: TGarageUser, input: TSpotInput & { spotId: string }, meta: TRequestMeta = {}) {
  try {
    return await db.$transaction(async (tx) => {
      const before = await findSpot(tx, user, input.siteId, input.spotId);
      await checkLabelFree(tx, input.siteId, input.label, before.id);
      await checkAssignment(tx, user, before, input.renterId ?? null);
      if (input.stationId && input.stationId !== before.stationId) await checkCharger(tx, input.siteId, input.stationId, before.id);
      const after = await tx.parkingSpot.update({
        where: { id: before.id },
        data: { label: input.label, floorLevel: input.floorLevel ?? null, renterId: input.renterId ?? null, stationId: input.stationId ?? null },
        select: spotSelect,
      });
      await recordAudit(tx, { actor: actorOf(user), action: "GARAGE_SPOT_UPDATE", entityType: "ParkingSpot", entityId: after.id, before, after, ...meta });
      return after;
    });
  } catch (err) {
    translateUnique(err, input.label);
  }
}

/** A spot rented by one renter is not silently handed to another. */
async function checkAssignment(tx: Tx, user: TGarageUser, spot: { siteId: string; label: string; renterId: string | null }, renterId: string | null) {
  if (!renterId || renterId === spot.renterId) return;
  await checkRenter(tx, user, spot.siteId, renterId);
  if (spot.renterId) {
    const holder = await tx.renter.findUnique({ where: { id: spot.renterId }, select: { name: true } });
    throw new AppError("CONFLICT", `garage.err.spotTaken|${spot.label}|${holder?.name ?? ""}`, { renterId: ["garage.err.spotTakenShort"] });
  }
}

/** Assign a spot to a renter (or release it, renterId empty), from the renter's page. */
export async function assignSpot(db: Db, user: TGarageUser, input: { siteId: string; spotId: string; renterId?: string }, meta: TRequestMeta = {}) {
  return db.$transaction(async (tx) => {
    const before = await findSpot(tx, user, input.siteId, input.spotId);
    await checkAssignment(tx, user, before, input.renterId ?? null);
    const after = await tx.parkingSpot.update({ where: { id: before.id }, data: { renterId: input.renterId ?? null }, select: spotSelect });
    await recordAudit(tx, {
      actor: actorOf(user), action: input.renterId ? "GARAGE_SPOT_ASSIGN" : "GARAGE_SPOT_RELEASE", entityType: "ParkingSpot", entityId: after.id,
      before: { renterId: before.renterId }, after: { renterId: after.renterId }, ...meta,
    });
    return after;
  });
}

export async function listSpots(db: Db, user: TGarageUser, input: { siteId: string; page: number; q?: string }) {
  await findSite(db, user, input.siteId);
  const q = input.q?.trim().slice(0, 100);
  const where: Prisma.ParkingSpotWhereInput = {
    ...inSite(user, input.siteId),
    ...(q ? { OR: [{ label: { contains: q, mode: "insensitive" } }, { floorLevel: { contains: q, mode: "insensitive" } }, { renter: { name: { contains: q, mode: "insensitive" } } }] } : {}),
  };
  const total = await db.parkingSpot.count({ where });
  const p = pageOf(input.page, total);
  const rows = await db.parkingSpot.findMany({
    where,
    orderBy: { label: "asc" },
    skip: (p.page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: { ...spotSelect, renter: { select: { id: true, name: true } }, station: { select: { id: true, ocppIdentity: true, isOnline: true } } },
  });
  return { rows, ...p };
}

export async function getSpot(db: Db, user: TGarageUser, siteId: string, spotId: string) {
  return findSpot(db, user, siteId, spotId);
}

/** The garage's chargers for the spot form, with the spot each is installed at. */
export async function chargerOptions(db: Db, user: TGarageUser, siteId: string) {
  return db.station.findMany({
    where: { ...inSite(user, siteId), ocppIdentity: { not: null } },
    orderBy: { ocppIdentity: "asc" },
    select: { id: true, ocppIdentity: true, parkingSpot: { select: { id: true, label: true } } },
    take: 1000,
  });
}
