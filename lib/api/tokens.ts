// Tokens (OCPP idTags: RFID cards and app tokens) that chargers authorise.
import { z } from "zod";
import type { Db, Prisma } from "../db/client.ts";
import { isUniqueViolation } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { ApiError, notFound, parseOr400 } from "./errors.ts";
import { afterCreatedAt, pageOf, ZPage } from "./pagination.ts";

const TOKEN_STATUSES = ["ACCEPTED", "BLOCKED", "EXPIRED", "INVALID"] as const;
const TOKEN_TYPES = ["RFID", "APP", "OTHER"] as const;

const tokenSelect = {
  id: true, idTag: true, type: true, status: true, expiresAt: true, parentIdTag: true, siteId: true, renterId: true, userId: true,
  description: true, createdAt: true, updatedAt: true,
} as const satisfies Prisma.AuthTokenSelect;

// OCPP 1.6 IdToken is CiString20Type.
const ZIdTag = z.string().trim().min(1).max(20, "At most 20 characters (OCPP 1.6 idTag)");
const ZExpiry = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const ZCreateToken = z.object({
  idTag: ZIdTag,
  type: z.enum(TOKEN_TYPES).default("RFID"),
  status: z.enum(TOKEN_STATUSES).default("ACCEPTED"),
  expiresAt: ZExpiry.nullish(),
  parentIdTag: ZIdTag.nullish(),
  siteId: z.string().uuid().nullish(),
  userId: z.string().uuid().nullish(),
  renterId: z.string().uuid().nullish(),
  description: z.string().trim().max(300).nullish(),
}).strict();

export const ZUpdateToken = z.object({
  status: z.enum(TOKEN_STATUSES),
  expiresAt: ZExpiry.nullable(),
  parentIdTag: ZIdTag.nullable(),
  description: z.string().trim().max(300).nullable(),
}).partial().strict().refine((v) => Object.keys(v).length > 0, "Send at least one field to change");

export const ZTokenFilters = ZPage.extend({
  idTag: z.string().max(36).optional(),
  status: z.enum(TOKEN_STATUSES).optional(),
  type: z.enum(TOKEN_TYPES).optional(),
  parentIdTag: z.string().max(36).optional(),
  siteId: z.string().uuid().optional(),
  userId: z.string().uuid().optional(),
}).strict();

export async function listTokens(db: Db, query: unknown) {
  const f = parseOr400(ZTokenFilters, query, "Invalid filters");
  const rows = await db.authToken.findMany({
    where: {
      AND: [
        f.idTag ? { idTag: f.idTag } : {},
        f.status ? { status: f.status } : {},
        f.type ? { type: f.type } : {},
        f.parentIdTag ? { parentIdTag: f.parentIdTag } : {},
        f.siteId ? { siteId: f.siteId } : {},
        f.userId ? { userId: f.userId } : {},
        afterCreatedAt(f.cursor),
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: f.limit + 1,
    select: tokenSelect,
  });
  return pageOf(rows, f.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

async function tokenRow(db: Db, id: string) {
  const row = z.string().uuid().safeParse(id).success ? await db.authToken.findUnique({ where: { id }, select: tokenSelect }) : null;
  if (!row) throw notFound("Token", id);
  return row;
}

export async function getToken(db: Db, id: string) {
  return { data: await tokenRow(db, id) };
}

export async function createToken(db: Db, body: unknown, actor?: string) {
  const input = parseOr400(ZCreateToken, body);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.authToken.create({ data: input, select: tokenSelect });
      await recordAudit(tx, { actor: null, action: "api.token.create", entityType: "AuthToken", entityId: created.id, after: { ...created, via: actor } });
      return created;
    });
    return { data: row };
  } catch (err) {
    if (isUniqueViolation(err, "id_tag") || isUniqueViolation(err, "idTag")) throw new ApiError(409, `A token with idTag ${input.idTag} already exists`, { idTag: ["Already in use"] });
    if ((err as { code?: string })?.code === "P2003") throw new ApiError(400, "siteId, userId or renterId names nothing we know", { siteId: ["Check siteId, userId and renterId"] });
    throw err;
  }
}

export async function updateToken(db: Db, id: string, body: unknown, actor?: string) {
  const before = await tokenRow(db, id);
  const input = parseOr400(ZUpdateToken, body);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.authToken.update({ where: { id: before.id }, data: input, select: tokenSelect });
    await recordAudit(tx, { actor: null, action: "api.token.update", entityType: "AuthToken", entityId: id, before, after: { ...input, via: actor } });
    return updated;
  });
  return { data: row };
}
