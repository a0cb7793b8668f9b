// Users in the admin console: search and view. Password hashes never leave here.
import type { Db, Prisma } from "../db/client.ts";
import type { UserRole, UserStatus } from "../db/generated/enums.ts";
import { notFoundError } from "../errors/app-error.ts";
import { PAGE_SIZE } from "./actor.ts";

export type UserFilter = { q?: string; role?: UserRole; status?: UserStatus; page?: number };

const listSelect = { id: true, email: true, name: true, phone: true, role: true, status: true, createdAt: true, lastLoginAt: true } as const;

export async function listUsers(db: Db, f: UserFilter) {
  const page = f.page ?? 1;
  const q = f.q?.trim();
  const where: Prisma.UserWhereInput = {
    ...(f.role ? { role: f.role } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(q
      ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }, { phone: { contains: q } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: listSelect }),
    db.user.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getUserDetail(db: Db, id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      ...listSelect,
      emailVerifiedAt: true,
      sessionVersion: true,
      settings: { select: { preferredLanguage: true, preferredCurrency: true } },
      wallet: { select: { balanceMinor: true, currency: true } },
      _count: { select: { sessions: true, bookings: true, ownedStations: true, issuesReported: true } },
    },
  });
  if (!user) throw notFoundError("This user");
  const history = await db.auditLog.findMany({
    where: { entityType: "User", entityId: id },
    orderBy: { id: "desc" },
    take: 20,
    select: { id: true, action: true, createdAt: true, after: true, actor: { select: { email: true } } },
  });
  return { user, history };
}

/** Active platform admins: who an issue can be assigned to. */
export function listAdmins(db: Db) {
  return db.user.findMany({ where: { role: "ADMIN", status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
