// Test data for the admin integration tests.
import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";
import type { UserRole } from "../../lib/db/generated/enums.ts";
import type { AdminActor } from "../../lib/admin/actor.ts";

export async function makeUser(db: Db, role: UserRole = "DRIVER", extra: { language?: string } = {}) {
  const tag = randomBytes(4).toString("hex");
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}-${tag}@test.example`, name: `${role} ${tag}`, role, passwordHash: "x", referralCode: `R${tag}`,
      ...(extra.language ? { settings: { create: { preferredLanguage: extra.language } } } : {}),
    },
  });
}

export async function makeAdmin(db: Db): Promise<AdminActor> {
  const u = await makeUser(db, "ADMIN");
  return { id: u.id, role: "ADMIN", ip: "203.0.113.7", userAgent: "node-test" };
}

export const auditRows = (db: Db, action?: string) =>
  db.auditLog.findMany({ where: action ? { action } : {}, orderBy: { id: "asc" } });
