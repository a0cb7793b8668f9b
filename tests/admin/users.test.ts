// Admin user management on a real PostgreSQL: suspension ends sessions,
// every change is audited with before/after, bad input changes nothing.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { changeUserRole, resetUserPassword, setUserStatus, ZSetUserStatus } from "../../lib/admin/manage-user.ts";
import { listUsers } from "../../lib/admin/users.ts";
import { verifyCredentials } from "../../lib/auth/verify-credentials.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { auditRows, makeAdmin, makeUser } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

describe("suspend and reactivate", () => {
  test("suspending bumps sessionVersion (open sessions end), blocks sign-in, and is audited with the reason", async () => {
    const admin = await makeAdmin(t.db);
    const driver = await t.db.user.update({ where: { id: (await makeUser(t.db)).id }, data: { passwordHash: await hashPassword("secret-pass-1") } });
    assert.equal((await verifyCredentials(t.db, { email: driver.email, password: "secret-pass-1" }, null)).ok, true);

    await setUserStatus(t.db, admin, { userId: driver.id, status: "SUSPENDED", reason: "Fraudulent chargebacks" });

    const now = await t.db.user.findUniqueOrThrow({ where: { id: driver.id } });
    assert.equal(now.status, "SUSPENDED");
    assert.equal(now.sessionVersion, driver.sessionVersion + 1, "a session carrying the old version is no longer valid");
    const attempt = await verifyCredentials(t.db, { email: driver.email, password: "secret-pass-1" }, null);
    assert.deepEqual(attempt, { ok: false, code: "suspended" });

    const [row] = await auditRows(t.db, "USER_SUSPENDED");
    assert.equal(row.actorId, admin.id);
    assert.equal(row.entityId, driver.id);
    assert.equal(row.ipAddress, "203.0.113.7");
    assert.equal((row.before as any).status, "ACTIVE");
    assert.equal((row.after as any).status, "SUSPENDED");
    assert.equal((row.after as any).reason, "Fraudulent chargebacks");

    await setUserStatus(t.db, admin, { userId: driver.id, status: "ACTIVE", reason: "Cleared by support" });
    assert.equal((await verifyCredentials(t.db, { email: driver.email, password: "secret-pass-1" }, null)).ok, true);
    assert.equal((await auditRows(t.db, "USER_REACTIVATED")).length, 1);
  });

  test("a suspension needs a reason; an admin cannot suspend themselves; suspending twice is refused; nothing changes", async () => {
    const admin = await makeAdmin(t.db);
    const driver = await makeUser(t.db);
    assert.equal(ZSetUserStatus.safeParse({ userId: driver.id, status: "SUSPENDED", reason: "" }).success, false);
    await assert.rejects(setUserStatus(t.db, admin, { userId: admin.id, status: "SUSPENDED", reason: "oops" }), /own account/);
    await setUserStatus(t.db, admin, { userId: driver.id, status: "SUSPENDED", reason: "spam" });
    await assert.rejects(setUserStatus(t.db, admin, { userId: driver.id, status: "SUSPENDED", reason: "again" }), /already suspended/);
    assert.equal((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).status, "ACTIVE");
    assert.equal((await t.db.user.findUniqueOrThrow({ where: { id: driver.id } })).sessionVersion, 1);
    assert.equal((await auditRows(t.db)).length, 1);
  });
});

test("role change is audited; password reset gives a working one-time password, ends sessions, and keeps it out of the audit log", async () => {
  const admin = await makeAdmin(t.db);
  const user = await makeUser(t.db);
  await changeUserRole(t.db, admin, { userId: user.id, role: "OWNER" });
  const [roleRow] = await auditRows(t.db, "USER_ROLE_CHANGED");
  assert.deepEqual([(roleRow.before as any).role, (roleRow.after as any).role], ["DRIVER", "OWNER"]);

  const { temporaryPassword } = await resetUserPassword(t.db, admin, { userId: user.id });
  assert.ok(temporaryPassword.length >= 12);
  assert.equal((await verifyCredentials(t.db, { email: user.email, password: temporaryPassword }, null)).ok, true);
  assert.equal((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion, 1);
  const all = JSON.stringify(await auditRows(t.db), (_k, v) => (typeof v === "bigint" ? String(v) : v));
  assert.ok(!all.includes(temporaryPassword), "the temporary password is not in the audit log");
  assert.equal((await auditRows(t.db, "USER_PASSWORD_RESET")).length, 1);
});

test("user search finds by e-mail or name, filters by role and status, and pages", async () => {
  for (let i = 0; i < 30; i++) await makeUser(t.db, i % 3 === 0 ? "OWNER" : "DRIVER");
  const target = await t.db.user.create({ data: { email: "zelda.unique@test.example", name: "Zelda Q", passwordHash: "x", referralCode: "ZELDA" } });
  assert.deepEqual((await listUsers(t.db, { q: "ZELDA.UNI" })).rows.map((r) => r.id), [target.id]);
  assert.deepEqual((await listUsers(t.db, { q: "zelda q" })).rows.map((r) => r.id), [target.id]);
  const owners = await listUsers(t.db, { role: "OWNER" });
  assert.equal(owners.total, 10);
  const p1 = await listUsers(t.db, {});
  const p2 = await listUsers(t.db, { page: 2 });
  assert.equal(p1.total, 31);
  assert.equal(p1.pages, 2);
  assert.equal(p1.rows.length + p2.rows.length, 31);
  assert.equal(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size, 31);
  assert.ok(!JSON.stringify(p1).includes("passwordHash"));
});
