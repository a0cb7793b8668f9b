// The audit log, read-only: search by actor, action, entity and date.
import { z } from "zod";
import type { Db, Prisma } from "../db/client.ts";
import { isUuid } from "../ids.ts";

export const AUDIT_PAGE_SIZE = 50;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

export const ZAuditFilter = z.object({
  actor: z.string().trim().max(254).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  entityType: z.string().trim().max(100).optional().catch(undefined),
  entityId: z.string().trim().max(100).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;


export function auditWhere(f: TAuditFilter): Prisma.AuditLogWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (f.from) createdAt.gte = new Date(`${f.from}T00:00:00Z`);
  // "to" is inclusive: the whole day.
  if (f.to) createdAt.lt = new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000);
  return {
    ...(f.actor
      ? isUuid(f.actor)
        ? { actorId: f.actor }
        : { actor: { OR: [{ email: { contains: f.actor, mode: "insensitive" } }, { name: { contains: f.actor, mode: "insensitive" } }] } }
      : {}),
    ...(f.action ? { action: { contains: f.action, mode: "insensitive" } } : {}),
    ...(f.entityType ? { entityType: { equals: f.entityType, mode: "insensitive" } } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.from || f.to ? { createdAt } : {}),
  };
}

export async function searchAudit(db: Db, f: TAuditFilter) {
  const where = auditWhere(f);
  const [rows, total, entityTypes] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true, action: true, entityType: true, entityId: true, before: true, after: true, ipAddress: true, userAgent: true,
        createdAt: true, actorRole: true, actor: { select: { id: true, email: true, name: true } },
      },
    }),
    db.auditLog.count({ where }),
    db.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return {
    // BigInt ids cannot cross to the browser as they are.
    rows: rows.map((r) => ({ ...r, id: r.id.toString() })),
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}
