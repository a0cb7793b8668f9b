// The payment interface on the demo processor, on a real database: holds,
// captures, releases, refunds and the wallet ledger, as the rows show them.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { authorize, capture, release, refund, topUp, debitWallet, walletAgreesWithLedger, isDemoPayments } from "../../lib/payments/index.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { DECLINED, NO_FUNDS, VISA, makeUser, reference } from "./helpers.ts";

let t: TestDb;
before(async () => { delete process.env.STRIPE_SECRET_KEY; t = await freshDatabase(); });
after(async () => t.close());
beforeEach(async () => { await truncateAll(t.db); await reference(t.db); });

const rejects = (p: Promise<unknown>, code: string, message?: RegExp) =>
  assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === code && (!message || message.test(e.message)));

describe("demo card processor", () => {
  test("no STRIPE_SECRET_KEY means demo payments", () => assert.equal(isDemoPayments(), true));

  test("4242… is authorised; capture takes the cost and releases the rest; only brand and last4 are kept", async () => {
    const u = await makeUser(t.db);
    const p = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 2000, currency: "eur", card: VISA });
    assert.equal(p.status, "AUTHORIZED");
    assert.equal(p.provider, "DEMO");
    assert.equal(p.currency, "EUR");
    assert.equal(p.authorizedMinor, 2000);
    const stored = JSON.stringify(await t.db.payment.findMany());
    assert.ok(!stored.includes("4242424242424242") && !stored.includes("4242 4242"), "the card number is not stored");
    assert.match(stored, /"last4":"4242"/);
    assert.match(stored, /"brand":"visa"/);
    const c = await capture(t.db, p.id, 1234);
    assert.equal(c.status, "CAPTURED");
    assert.equal(c.capturedMinor, 1234);
    assert.equal((await capture(t.db, p.id, 1234)).capturedMinor, 1234, "a repeated capture changes nothing");
    await rejects(capture(t.db, p.id, 1500), "CONFLICT");
  });

  test("declined and insufficient-funds cards: clear message, FAILED payment kept, driver notified", async () => {
    const u = await makeUser(t.db);
    await rejects(authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 2000, currency: "EUR", card: DECLINED }), "PAYMENT_FAILED", /^Your card was declined\.$/);
    await rejects(authorize(t.db, { userId: u.id, purpose: "BOOKING", amountMinor: 200, currency: "EUR", card: NO_FUNDS }), "PAYMENT_FAILED", /insufficient funds/);
    const rows = await t.db.payment.findMany({ orderBy: { createdAt: "asc" } });
    assert.deepEqual(rows.map((r) => [r.status, r.failureReason]), [["FAILED", "Your card was declined."], ["FAILED", "Your card has insufficient funds."]]);
    const notes = await t.db.notification.findMany({ where: { userId: u.id } });
    assert.equal(notes.length, 2);
    assert.ok(notes.every((n) => n.type === "PAYMENT" && n.title === "Payment failed"));
  });

  test("a mistyped card number is refused before any payment row is written", async () => {
    const u = await makeUser(t.db);
    await rejects(authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 100, currency: "EUR", card: { ...VISA, number: "4242 4242 4242 4241" } }), "PAYMENT_FAILED", /not valid/);
    await rejects(authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 100, currency: "EUR", card: { ...VISA, expYear: 2020 } }), "PAYMENT_FAILED", /expired/);
    assert.equal(await t.db.payment.count(), 0);
  });

  test("capture above the hold is refused; capture 0 releases; release is idempotent", async () => {
    const u = await makeUser(t.db);
    const p = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 500, currency: "EUR", card: VISA });
    await rejects(capture(t.db, p.id, 501), "PAYMENT_FAILED");
    assert.equal((await capture(t.db, p.id, 0)).status, "CANCELLED");
    const q = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 500, currency: "EUR", card: VISA });
    assert.equal((await release(t.db, q.id)).status, "CANCELLED");
    assert.equal((await release(t.db, q.id)).status, "CANCELLED");
    await rejects(capture(t.db, q.id, 100), "CONFLICT");
  });

  test("refunds: never more than captured, recorded with who and why", async () => {
    const u = await makeUser(t.db);
    const admin = await makeUser(t.db, "ADMIN");
    const p = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 1000, currency: "EUR", card: VISA });
    await capture(t.db, p.id, 800);
    const r1 = await refund(t.db, p.id, 300, "Charger fault", { id: admin.id, role: "ADMIN" });
    assert.equal(r1.status, "PROCESSED");
    await rejects(refund(t.db, p.id, 501, "Too much", { id: admin.id, role: "ADMIN" }), "INVALID_INPUT", /At most €5.00/);
    await refund(t.db, p.id, 500, "Rest", { id: admin.id, role: "ADMIN" });
    const after = await t.db.payment.findUniqueOrThrow({ where: { id: p.id } });
    assert.deepEqual([after.status, after.capturedMinor, after.refundedMinor], ["REFUNDED", 800, 800]);
    assert.equal(await t.db.refund.count({ where: { paymentId: p.id, approvedById: admin.id } }), 2);
    assert.equal(await t.db.auditLog.count({ where: { action: "payment.refund", entityId: p.id } }), 2);
  });
});

describe("wallet", () => {
  test("top-up by card credits the wallet; paying from the wallet holds, captures and returns the rest; ledger = balance", async () => {
    const u = await makeUser(t.db);
    const { entry } = await topUp(t.db, { userId: u.id, amountMinor: 2000, card: VISA });
    assert.deepEqual([entry.type, entry.balanceBeforeMinor, entry.balanceAfterMinor], ["CREDIT", 0, 2000]);
    const hold = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 1500, currency: "EUR", card: "wallet" });
    assert.equal((await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } })).balanceMinor, 500);
    await capture(t.db, hold.id, 1234);
    assert.equal((await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } })).balanceMinor, 766);
    const check = await walletAgreesWithLedger(t.db, u.id);
    assert.equal(check.agrees, true);
    assert.equal(check.ledgerMinor, 766);
  });

  test("the balance never goes negative, also when debits race", async () => {
    const u = await makeUser(t.db);
    await topUp(t.db, { userId: u.id, amountMinor: 1000, card: VISA });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => debitWallet(t.db, { userId: u.id, amountMinor: 300, currency: "EUR", description: "race" })),
    );
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 3);
    const w = await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } });
    assert.equal(w.balanceMinor, 100);
    assert.equal((await walletAgreesWithLedger(t.db, u.id)).agrees, true);
    await rejects(authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 500, currency: "EUR", card: "wallet" }), "PAYMENT_FAILED", /not enough/);
    assert.equal((await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } })).balanceMinor, 100);
  });

  test("a failed top-up card leaves the wallet untouched", async () => {
    const u = await makeUser(t.db);
    await rejects(topUp(t.db, { userId: u.id, amountMinor: 1000, card: DECLINED }), "PAYMENT_FAILED");
    assert.equal((await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } })).balanceMinor, 0);
    assert.equal(await t.db.walletTransaction.count(), 0);
  });
});
