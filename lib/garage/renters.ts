// Renters of a garage (seed 001): create, edit, (de)activate, search.
// A past renter stays in the database with their cards and sessions.
import type { Db, Prisma } from "../db/client.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actorOf, findSite, inSite, pageOf, PAGE_SIZE, type TGarageUser, type TRequestMeta } from "./context.ts";
import { pushCardsToChargers, type TPushSummary } from "./push-cards.ts";
import type { TRenterFields } from "./schemas.ts";

const renterSelect = { id: true, siteId: true, name: true, contactEmail: true, phoneNumber: true, isActive: true, createdAt: true } as const;

export async function findRenter(db: Db | Prisma.TransactionClient, user: TGarageUser, siteId: string, renterId: string) {
  const renter = await db.renter.findFirst({ where: { id: renterId, ...inSite(user, siteId) }, select: renterSelect });
  if (!renter) throw notFoundError("This renter");
  return renter;
}

export async function createRenter(db: Db, user: TGarageUser, input: TRenterFields, meta: TRequestMeta = {}) {
  await findSite(db, user, input.siteId);
  return db.$transaction(async (tx) => {
    const renter = await tx.renter.create({
      data: { siteId: input.siteId, name: input.name, contactEmail: input.contactEmail, phoneNumber: input.phoneNumber ?? null },
      select: renterSelect,
    });
    await recordAudit(tx, { actor: actorOf(user), action: "GARAGE_RENTER_CREATE", entityType: "Renter", entityId: renter.id, after: renter, ...meta });
    return renter;
  });
}

export async function updateRenter(db: Db, user: TGarageUser, input: TRenterFields & { renterId: string }, meta: TRequestMeta = {}) {
  return db.$transaction(async (tx) => {
    const before = await findRenter(tx, user, input.siteId, input.renterId);
    const after = await tx.renter.update({
      where: { id: before.id },
      data: { name: input.name, contactEmail: input.contactEmail, phoneNumber: input.phoneNumber ?? null },
      select: renterSelect,
    });
    await recordAudit(tx, { actor: actorOf(user), action: "GARAGE_RENTER_UPDATE", entityType: "Renter", entityId: after.id, before, after, ...meta });
    return after;
  });
}

/** Deactivating releases the renter's spots; their cards stop working at once (the
 *  Authorize rule refuses inactive renters) and chargers holding a list are told. */
export async function setRenterActive(
  db: Db,
  user: TGarageUser,
  input: { siteId: string; renterId: string; active: boolean },
  meta: TRequestMeta = {},
): Promise<{ renterId: string; isActive: boolean; releasedSpots: string[]; push: TPushSummary | null }> {
  const result = await db.$transaction(async (tx) => {
    const before = await findRenter(tx, user, input.siteId, input.renterId);
    if (before.isActive === input.active) {
      throw new AppError("CONFLICT", input.active ? "garage.err.renterAlreadyActive" : "garage.err.renterAlreadyInactive");
    }
    const spots = input.active ? [] : await tx.parkingSpot.findMany({ where: { renterId: before.id }, select: { id: true, label: true } });
    if (spots.length) await tx.parkingSpot.updateMany({ where: { id: { in: spots.map((s) => s.id) } }, data: { renterId: null } });
    await tx.renter.update({ where: { id: before.id }, data: { isActive: input.active } });
    await recordAudit(tx, {
      actor: actorOf(user), action: input.active ? "GARAGE_RENTER_REACTIVATE" : "GARAGE_RENTER_DEACTIVATE", entityType: "Renter", entityId: before.id,
      before: { isActive: before.isActive }, after: { isActive: input.active, releasedSpots: spots.map((s) => s.label) }, ...meta,
    });
    return { renterId: before.id, isActive: input.active, releasedSpots: spots.map((s) => s.label) };
  });
  const cards = await db.authToken.findMany({ where: { renterId: input.renterId }, select: { id: true } });
  const push = cards.length ? await pushCardsToChargers(db, { siteId: input.siteId, cardIds: cards.map((c) => c.id), requestedById: user.id }) : null;
  return { ...result, push };
}

export async function listRenters(
  db: Db,
  user: TGarageUser,
  input: { siteId: string; q?: string; status?: "active" | "inactive" | "all"; page: number },
) {
  await findSite(db, user, input.siteId);
  const q = input.q?.trim().slice(0, 100);
  const where: Prisma.RenterWhereInput = {
    ...inSite(user, input.siteId),
    ...(input.status === "inactive" ? { isActive: false } : input.status === "all" ? {} : { isActive: true }),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { contactEmail: { contains: q, mode: "insensitive" } },
            { phoneNumber: { contains: q } },
            { tokens: { some: { idTag: { contains: q, mode: "insensitive" } } } },
            { spots: { some: { label: { contains: q, mode: "insensitive" } } } },
          ],
        }
      : {}),
  };
  const total = await db.renter.count({ where });
  const p = pageOf(input.page, total);
  const rows = await db.renter.findMany({
    where,
    orderBy: [{ isActive: "desc" }, { name: "asc" }, { id: "asc" }],
    skip: (p.page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      ...renterSelect,
      spots: { select: { id: true, label: true }, orderBy: { label: "asc" } },
      _count: { select: { tokens: true } },
    },
  });
  return { rows, ...p };
}

/** Everything the renter page shows. */
export async function renterDetails(db: Db, user: TGarageUser, siteId: string, renterId: string) {
  const renter = await findRenter(db, user, siteId, renterId);
  const [spots, cards, freeSpots] = await Promise.all([
    db.parkingSpot.findMany({ where: { renterId, siteId }, orderBy: { label: "asc" }, select: { id: true, label: true, floorLevel: true, station: { select: { id: true, ocppIdentity: true } } } }),
    db.authToken.findMany({ where: { renterId, siteId }, orderBy: { createdAt: "asc" }, select: { id: true, idTag: true, status: true, expiresAt: true, description: true } }),
    db.parkingSpot.findMany({ where: { siteId, renterId: null }, orderBy: { label: "asc" }, select: { id: true, label: true } }),
  ]);
  return { renter, spots, cards, freeSpots };
}

/** Active renters for pickers (spot and card forms). */
export async function renterOptions(db: Db, user: TGarageUser, siteId: string) {
  return db.renter.findMany({ where: { ...inSite(user, siteId), isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 1000 });
}
