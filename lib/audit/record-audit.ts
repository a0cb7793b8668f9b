// The audit log (seed 003): who changed what, before and after, when and from
// where. Rows are append-only (a database trigger refuses edits).
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { UserRole } from "../db/generated/enums.ts";
import { redact } from "../log.ts";

type Tx = Pick<Db, "auditLog">;

export type AuditEntry = {
  actor: { id: string; role: UserRole } | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  userAgent?: string | null;
};

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(redact(v), (_k, x) => (typeof x === "bigint" ? x.toString() : x))) as Prisma.InputJsonValue));

export async function recordAudit(tx: Tx, e: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: e.actor?.id,
      actorRole: e.actor?.role,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? undefined,
      before: json(e.before),
      after: json(e.after),
      ipAddress: e.ip ?? undefined,
      userAgent: e.userAgent?.slice(0, 400) ?? undefined,
    },
  });
}
