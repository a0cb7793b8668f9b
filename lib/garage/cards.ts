// RFID cards (seed 001 AuthorizationToken): issue, block, unblock, expire,
// re-assign. The charger's answer comes from lib/charging/authorize-token.ts;
// here we keep the rows it reads and push each change to online chargers.
import type { Db, Prisma } from "../db/client.ts";
import { AppError, isUniqueViolation, notFoundError } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actorOf, findSite, inSite, pageOf, PAGE_SIZE, type TGarageUser, type TRequestMeta } from "./context.ts";
import { pushCardsToChargers, type TPushSummary } from "./push-cards.ts";
import { findRenter } from "./renters.ts";

const cardSelect = { id: true, idTag: true, status: true, expiresAt: true, description: true, renterId: true, siteId: true } as const;

type TCardResult = { card: { id: string; idTag: string; status: string; expiresAt: Date | null; renterId: string | null }; push: TPushSummary };

async function findCard(db: Db | Prisma.TransactionClient, user: TGarageUser, siteId: string, cardId: string) {
  const card = await db.authToken.findFirst({ where: { id: cardId, ...inSite(user, siteId) }, select: cardSelect });
  if (!card) throw notFoundError("This card");
  return card;
}

async function activeRenter(tx: Prisma.TransactionClient, user: TGarageUser, siteId: string, renterId: string) {
  const renter = await findRenter(tx, user, siteId, renterId);
  if (!renter.isActive) throw new AppError("CONFLICT", "garage.err.renterInactive", { renterId: ["garage.err.renterInactive"] });
  return renter;
}

export async function issueCard(
  db: Db,
  user: TGarageUser,
  input: { siteId: string; renterId: string; idTag: string; description?: string; expiresAt?: Date },
  meta: TRequestMeta = {},
): Promise<TCardResult> {
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError("INVALID_INPUT", "garage.err.expiryPast", { expiresAt: ["garage.err.expiryPast"] });
  }
  let card;
  try {
    card = await db.$transaction(async (tx) => {
      await activeRenter(tx, user, input.siteId, input.renterId);
      // Chargers compare idTags case-insensitively (OCPP CiString), so must we.
      const clash = await tx.authToken.findFirst({ where: { idTag: { equals: input.idTag, mode: "insensitive" } }, select: { id: true } });
      if (clash) throw idTagTaken(input.idTag);
      const created = await tx.authToken.create({
        data: {
          idTag: input.idTag, type: "RFID", status: "ACCEPTED", siteId: input.siteId, renterId: input.renterId,
          description: input.description ?? null, expiresAt: input.expiresAt ?? null,
        },
        select: cardSelect,
      });
      await recordAudit(tx, { actor: actorOf(user), action: "GARAGE_CARD_ISSUE", entityType: "AuthToken", entityId: created.id, after: created, ...meta });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err, "id_tag") || isUniqueViolation(err, "idTag")) throw idTagTaken(input.idTag);
    throw err;
  }
  const push = await pushCardsToChargers(db, { siteId: input.siteId, cardIds: [card.id], requestedById: user.id });
  return { card, push };
}

const idTagTaken = (idTag: string) =>
  new AppError("CONFLICT", "garage.err.idTagTaken", { idTag: ["garage.err.idTagTaken"] });

export async function setCardStatus(
  db: Db,
  user: TGarageUser,
  input: { siteId: string; cardId: string; status: "ACCEPTED" | "BLOCKED" | "EXPIRED" },
  meta: TRequestMeta = {},
): Promise<TCardResult> {
  const card = await db.$transaction(async (tx) => {
    const before = await findCard(tx, user, input.siteId, input.cardId);
    if (before.status === input.status) throw new AppError("CONFLICT", `garage.err.cardAlready.${input.status}`);
    // Unblocking a card whose expiry has passed would still answer Expired: say so instead.
    if (input.status === "ACCEPTED" && before.expiresAt && before.expiresAt.getTime() <= Date.now()) {
      throw new AppError("CONFLICT", "garage.err.cardPastExpiry");
    }
    const after = await tx.authToken.update({ where: { id: before.id }, data: { status: input.status }, select: cardSelect });
    const action = { ACCEPTED: "GARAGE_CARD_UNBLOCK", BLOCKED: "GARAGE_CARD_BLOCK", EXPIRED: "GARAGE_CARD_EXPIRE" }[input.status];
    await recordAudit(tx, { actor: actorOf(user), action, entityType: "AuthToken", entityId: after.id, before, after, ...meta });
    return after;
  });
  const push = await pushCardsToChargers(db, { siteId: input.siteId, cardIds: [card.id], requestedById: user.id });
  return { card, push };
}

export async function reassignCard(
  db: Db,
  user: TGarageUser,
  input: { siteId: string; cardId: string; renterId: string },
  meta: TRequestMeta = {},
): Promise<TCardResult> {
  const card = await db.$transaction(async (tx) => {
    const before = await findCard(tx, user, input.siteId, input.cardId);
    if (before.renterId === input.renterId) throw new AppError("CONFLICT", "garage.err.cardSameRenter", { renterId: ["garage.err.cardSameRenter"] });
    await activeRenter(tx, user, input.siteId, input.renterId);
    const after = await tx.authToken.update({ where: { id: before.id }, data: { renterId: input.renterId }, select: cardSelect });
    await recordAudit(tx, { actor: actorOf(user), action: "GARAGE_CARD_REASSIGN", entityType: "AuthToken", entityId: after.id, before, after, ...meta });
    return after;
  });
  const push = await pushCardsToChargers(db, { siteId: input.siteId, cardIds: [card.id], requestedById: user.id });
  return { card, push };
}

export async function listCards(db: Db, user: TGarageUser, input: { siteId: string; q?: string; page: number }) {
  await findSite(db, user, input.siteId);
  const q = input.q?.trim().slice(0, 100);
  const where: Prisma.AuthTokenWhereInput = {
    ...inSite(user, input.siteId),
    ...(q
      ? { OR: [{ idTag: { contains: q, mode: "insensitive" } }, { description: { contains: q, mode: "insensitive" } }, { renter: { name: { contains: q, mode: "insensitive" } } }] }
      : {}),
  };
  const total = await db.authToken.count({ where });
  const p = pageOf(input.page, total);
  const rows = await db.authToken.findMany({
    where,
    orderBy: [{ idTag: "asc" }],
    skip: (p.page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: { ...cardSelect, renter: { select: { id: true, name: true, isActive: true } } },
  });
  return { rows, ...p };
}
