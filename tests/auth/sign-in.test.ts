// Sign-up and sign-in rules on a real database: clear outcomes for each kind
// of failure, and repeated failures slowed down.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { verifyCredentials } from "../../lib/auth/verify-credentials.ts";
import { checkThrottle } from "../../lib/auth/throttle.ts";
import { createDriver, ZSignUp } from "../../lib/users/create-driver.ts";
import { AppError } from "../../lib/errors/app-error.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

const signUp = (over: Partial<Record<string, string>> = {}) =>
  createDriver(t.db, ZSignUp.parse({ email: "Dana@Example.com", password: "correct horse", name: "Dana", ...over }));

describe("sign-up", () => {
  test("creates a driver with settings, an empty wallet and a referral code; e-mail is case-insensitive", async () => {
    const u = await signUp();
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id }, include: { wallet: true, settings: true } });
    assert.equal(row.email, "dana@example.com");
    assert.equal(row.role, "DRIVER");
    assert.equal(row.wallet?.balanceMinor, 0);
    assert.equal(row.settings?.preferredLanguage, "en");
    assert.match(row.referralCode, /^[0-9A-F]{10}$/);
    assert.notEqual(row.passwordHash, "correct horse");
  });

  test("a duplicate e-mail is refused with a clear message and creates nothing", async () => {
    await signUp();
    await assert.rejects(signUp({ email: "DANA@example.com" }), (e: unknown) => e instanceof AppError && e.code === "CONFLICT" && /already exists/.test(e.message));
    assert.equal(await t.db.user.count(), 1);
  });

  test("malformed input is refused field by field", () => {
    const r = ZSignUp.safeParse({ email: "not-an-email", password: "short", name: "" , phone: "call me"});
    assert.equal(r.success, false);
    const fields = new Set(r.error!.issues.map((i) => i.path[0]));
    assert.deepEqual([...fields].sort(), ["email", "name", "password", "phone"]);
  });

  test("a referral code links the new driver to the referrer", async () => {
    const referrer = await signUp({ email: "ref@example.com" });
    const code = (await t.db.user.findUniqueOrThrow({ where: { id: referrer.id } })).referralCode;
    const u = await signUp({ email: "new@example.com", referralCode: code.toLowerCase() });
    const ref = await t.db.referral.findUniqueOrThrow({ where: { referredUserId: u.id } });
    assert.equal(ref.referrerId, referrer.id);
    await assert.rejects(signUp({ email: "x@example.com", referralCode: "NOPE" }), /referral code does not exist/);
  });
});

describe("sign-in", () => {
  test("the right password signs in; each failure says what went wrong", async () => {
    await signUp();
    const ok = await verifyCredentials(t.db, { email: "dana@example.com", password: "correct horse" }, "1.1.1.1");
    assert.equal(ok.ok, true);
    assert.deepEqual(await verifyCredentials(t.db, { email: "nobody@example.com", password: "x" }, "1.1.1.1"), { ok: false, code: "unknownEmail" });
    assert.deepEqual(await verifyCredentials(t.db, { email: "dana@example.com", password: "wrong" }, "1.1.1.1"), { ok: false, code: "wrongPassword" });
    assert.deepEqual(await verifyCredentials(t.db, { email: "not an email", password: "x" }, "1.1.1.1"), { ok: false, code: "invalid" });
  });

  test("a suspended user cannot sign in", async () => {
    const u = await signUp();
    await t.db.user.update({ where: { id: u.id }, data: { status: "SUSPENDED" } });
    assert.deepEqual(await verifyCredentials(t.db, { email: "dana@example.com", password: "correct horse" }, null), { ok: false, code: "suspended" });
  });

  test("repeated failures are slowed down, even for the right password, and the wait grows", async () => {
    await signUp();
    for (let i = 0; i < 3; i++) await verifyCredentials(t.db, { email: "dana@example.com", password: "bad" }, "2.2.2.2");
    const r = await verifyCredentials(t.db, { email: "dana@example.com", password: "correct horse" }, "2.2.2.2");
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, "throttled");
    const first = !r.ok ? r.retryAfterSeconds ?? 0 : 0;
    assert.ok(first >= 1);
    // One more failure (recorded directly, as if after the wait) doubles it.
    await t.db.loginAttempt.create({ data: { email: "dana@example.com", ip: "2.2.2.2", success: false } });
    const v = await checkThrottle(t.db, "dana@example.com", "2.2.2.2");
    assert.equal(v.allowed, false);
    assert.ok(!v.allowed && v.retryAfterSeconds > first);
    // After the window the account is free again.
    const later = new Date(Date.now() + 16 * 60_000);
    assert.deepEqual(await checkThrottle(t.db, "dana@example.com", "2.2.2.2", later), { allowed: true });
  });
});
