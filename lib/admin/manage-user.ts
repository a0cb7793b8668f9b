// Admin changes to a user: role, suspension, password reset. Each is one
// transaction with its audit row. Suspending or resetting the password bumps
// sessionVersion, which signs the user out everywhere on their next request.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { UserRole } from "../db/generated/enums.ts";
import { hashPassword } from "../auth/password.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { auditFrom, type AdminActor } from "./actor.ts";

const ZUserId = z.string().uuid("Unknown user.");

export const ZChangeRole = z.object({ userId: ZUserId, role: z.enum(UserRole) });
export const ZSetUserStatus = z.object({
  userId: ZUserId,
  status: z.enum(["ACTIVE", "SUSPENDED"]),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500),
});
export const ZResetPassword = z.object({ userId: ZUserId });

const snapshot = { id: true, email: true, role: true, status: true, sessionVersion: true } as const;

function refuseSelf(actor: AdminActor, userId: string, what: string) {
  // An admin locking themselves out would leave nobody to undo it.
  if (actor.id === userId) throw new AppError("PRECONDITION", `You cannot ${what} your own account.`);
}

export async function changeUserRole(db: Db, actor: AdminActor, input: z.infer<typeof ZChangeRole>) {
  refuseSelf(actor, input.userId, "change the role of");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: snapshot });
    if (!before) throw notFoundError("This user");
    if (before.role === input.role) return before;
    const after = await tx.user.update({ where: { id: input.userId }, data: { role: input.role }, select: snapshot });
    await recordAudit(tx, { ...auditFrom(actor), action: "USER_ROLE_CHANGED", entityType: "User", entityId: after.id, before, after });
    return after;
  });
}

export async function setUserStatus(db: Db, actor: AdminActor, input: z.infer<typeof ZSetUserStatus>) {
  refuseSelf(actor, input.userId, "suspend");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: snapshot });
    if (!before) throw notFoundError("This user");
    if (before.status === input.status) {
      throw new AppError("CONFLICT", input.status === "SUSPENDED" ? "This user is already suspended." : "This user is already active.");
    }
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { status: input.status, ...(input.status === "SUSPENDED" ? { sessionVersion: { increment: 1 } } : {}) },
      select: snapshot,
    });
    await recordAudit(tx, {
      ...auditFrom(actor),
      action: input.status === "SUSPENDED" ? "USER_SUSPENDED" : "USER_REACTIVATED",
      entityType: "User",
      entityId: after.id,
      before,
      after: { ...after, reason: input.reason },
    });
    return after;
  });
}

/** A readable temporary password: no look-alike characters. */
export function temporaryPassword(length = 14): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** Returns the new password once; only its hash is stored, and it is not audited. */
export async function resetUserPassword(db: Db, actor: AdminActor, input: z.infer<typeof ZResetPassword>) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: snapshot });
    if (!before) throw notFoundError("This user");
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: snapshot,
    });
    await recordAudit(tx, { ...auditFrom(actor), action: "USER_PASSWORD_RESET", entityType: "User", entityId: after.id, before, after });
    return after;
  });
  return { email: user.email, temporaryPassword: password };
}
