// Test data for the payments, booking and session integration tests.
import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";
import type { UserRole } from "../../lib/db/generated/enums.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";

export async function makeUser(db: Db, role: UserRole = "DRIVER") {
  const tag = randomBytes(4).toString("hex");
  return db.user.create({ data: { email: `${role.toLowerCase()}-${tag}@test.example`, name: `${role} ${tag}`, role, passwordHash: "x", referralCode: `R${tag}` } });
}

export const VISA = { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2034, cvc: "123" };
export const DECLINED = { ...VISA, number: "4000 0000 0000 0002" };
export const NO_FUNDS = { ...VISA, number: "4000 0000 0000 9995" };

export async function reference(db: Db) {
  await ensureReferenceData(db);
}
