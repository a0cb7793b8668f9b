// A session that costs more than its hold: the hold is captured, the rest is
// collected from the wallet or the same card off-session; when that fails the
// driver owes it (seen, notified, settled before the next start). Demo
// processor and the Stripe adapter against the local Stripe double.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { createBooking } from "../../lib/booking/index.ts";
import type { Db } from "../../lib/db/client.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { authorize, openBalances, settleBalance, topUp, walletAgreesWithLedger, type TPaymentSource } from "../../lib/payments/index.ts";
import { finaliseSession, priceStoppedSession, startCharging } from "../../lib/sessions/index.ts";
import { simpleTariff } from "../../lib/tariffs/index.ts";
import { startStripeDouble, type StripeDouble } from "../../scripts/stripe-double.ts";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { VISA, makeUser, reference } from "./helpers.ts";

/** Stripe's 4000 0000 0000 0341: the hold succeeds, a later off-session charge is declined. */
const LATER_DECLINED = { ...VISA, number: "4000 0000 0000 0341" };
const HOLD = 100;

let t: TestDb;
before(async () => { delete process.env.STRIPE_SECRET_KEY; t = await freshDatabase(); });
after(async () => t.close());
beforeEach(async () => { await truncateAll(t.db); await reference(t.db); });

/** A stopped session of 10 kWh at 0.40 EUR/kWh (4.00) whose hold was only 1.00. */
async function stoppedSession(db: Db, userId: string, card: TPaymentSource) {
  const station = await db.station.create({ data: { name: "Remainder station", lat: 52.5, lng: 13.4, pricePerKwhMinor: 40, isOnline: true, ocppIdentity: `REM-${Math.random().toString(36).slice(2, 8)}`, connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 11, status: "AVAILABLE" } } } });
  const startedAt = new Date(Date.now() - 3_600_000);
  const s = await db.chargingSession.create({
    data: {
      stationId: station.id, connectorNumber: 1, userId, status: "COMPLETED", startedAt, endedAt: new Date(), meterStartWh: 1000n, meterStopWh: 11_000n, energyWh: 10_000,
      currency: "EUR", tariffSnapshot: simpleTariff({ currency: "EUR", pricePerKwhMinor: 40, pricePerHourMinor: null }) as never,
    },
  });
  const hold = await authorize(db, { userId, purpose: "SESSION", amountMinor: HOLD, currency: "EUR", card, sessionId: s.id });
  const cost = (await priceStoppedSession(db, s.id))!.totalInclVat;
  assert.ok(cost > HOLD, `cost ${cost} above the hold`);
  return { station, session: s, hold, cost };
}

async function capturedTotal(db: Db, sessionId: string) {
  const ps = await db.payment.findMany({ where: { sessionId, purpose: "SESSION", status: { in: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"] } } });
  return ps.reduce((s, p) => s + p.capturedMinor, 0);
}

describe("demo processor", () => {
  test("card-paid: the hold is captured in full and the rest charged off-session to the same card; captured total = cost; finalising again changes nothing", async () => {
    const u = await makeUser(t.db);
    const { session, hold, cost } = await stoppedSession(t.db, u.id, VISA);
    const r = await finaliseSession(t.db, session.id);
    assert.equal(r!.costMinor, cost);
    const pays = await t.db.payment.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: "asc" } });
    assert.deepEqual(pays.map((p) => [p.id === hold.id, p.provider, p.status, p.capturedMinor]), [[true, "DEMO", "CAPTURED", HOLD], [false, "DEMO", "CAPTURED", cost - HOLD]]);
    assert.equal(await capturedTotal(t.db, session.id), cost);
    await finaliseSession(t.db, session.id);
    await Promise.all([finaliseSession(t.db, session.id), finaliseSession(t.db, session.id)]);
    assert.equal(await t.db.payment.count({ where: { sessionId: session.id } }), 2, "collected once");
    assert.equal(await capturedTotal(t.db, session.id), cost);
    assert.equal((await openBalances(t.db, u.id)).length, 0);
  });

  test("wallet-paid: the rest comes from the balance, the ledger records it, and the wallet agrees with its ledger", async () => {
    const u = await makeUser(t.db);
    await topUp(t.db, { userId: u.id, amountMinor: 1000, card: VISA });
    const { session, cost } = await stoppedSession(t.db, u.id, "wallet");
    await finaliseSession(t.db, session.id);
    assert.equal(await capturedTotal(t.db, session.id), cost);
    const wallet = await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } });
    assert.equal(wallet.balanceMinor, 1000 - cost);
    assert.ok((await walletAgreesWithLedger(t.db, u.id)).agrees);
    const extra = await t.db.payment.findFirstOrThrow({ where: { sessionId: session.id, provider: "WALLET", capturedMinor: cost - HOLD } });
    assert.equal(await t.db.walletTransaction.count({ where: { paymentId: extra.id, type: "DEBIT", amountMinor: cost - HOLD } }), 1);
  });

  test("a card-paid driver with enough wallet balance pays the rest from the wallet, not the card", async () => {
    const u = await makeUser(t.db);
    await topUp(t.db, { userId: u.id, amountMinor: 500, card: VISA });
    const { session, cost } = await stoppedSession(t.db, u.id, LATER_DECLINED);
    await finaliseSession(t.db, session.id);
    assert.equal(await capturedTotal(t.db, session.id), cost);
    assert.equal((await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } })).balanceMinor, 500 - (cost - HOLD));
    assert.equal((await openBalances(t.db, u.id)).length, 0);
  });

  test("the off-session charge is declined: an unpaid balance, a payment-failed notice, no new start or booking until settled; settling makes captured = cost", async () => {
    const u = await makeUser(t.db);
    const { station, session, cost } = await stoppedSession(t.db, u.id, LATER_DECLINED);
    await finaliseSession(t.db, session.id);
    await finaliseSession(t.db, session.id);
    const owed = await openBalances(t.db, u.id);
    assert.deepEqual(owed.map((b) => [b.sessionId, b.amountMinor, b.reason]), [[session.id, cost - HOLD, "Your card was declined."]]);
    const failed = await t.db.payment.findFirstOrThrow({ where: { sessionId: session.id, status: "FAILED" } });
    assert.equal(failed.failureReason, "Your card was declined.", "the declined attempt is kept");
    const notes = await t.db.notification.findMany({ where: { userId: u.id, type: "PAYMENT" } });
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.title, "Payment failed");
    assert.match(notes[0]!.message, /unpaid\. Please settle it in your wallet/);
    assert.equal(await capturedTotal(t.db, session.id), HOLD);

    const refused = (e: unknown) => e instanceof AppError && e.code === "PRECONDITION" && /unpaid balance of €\d+\.\d\d from charging at Remainder station/.test(e.message);
    await assert.rejects(startCharging(t.db, u, { stationId: station.id, connectorNumber: 1, targetKind: "energy", targetValue: 5 }, VISA), refused);
    const connector = await t.db.connector.findFirstOrThrow({ where: { stationId: station.id } });
    await t.db.station.update({ where: { id: station.id }, data: { publish: true, status: "ACTIVE" } });
    await assert.rejects(createBooking(t.db, u, { stationId: station.id, connectorId: connector.id, startsAt: new Date(Date.now() + 7_200_000), durationMinutes: 60 }, VISA), refused);
    assert.equal(await t.db.booking.count(), 0, "nothing was booked");

    const other = await makeUser(t.db);
    await assert.rejects(settleBalance(t.db, other, owed[0]!.id, VISA), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
    const { payment, balance } = await settleBalance(t.db, u, owed[0]!.id, VISA);
    assert.deepEqual([payment.status, payment.capturedMinor, payment.sessionId, balance.settledPaymentId], ["CAPTURED", cost - HOLD, session.id, payment.id]);
    assert.equal(await capturedTotal(t.db, session.id), cost, "captured total = session cost");
    assert.equal((await openBalances(t.db, u.id)).length, 0);
    await assert.rejects(settleBalance(t.db, u, owed[0]!.id, VISA), (e: unknown) => e instanceof AppError && e.code === "CONFLICT");
    // Free to book again.
    await createBooking(t.db, u, { stationId: station.id, connectorId: connector.id, startsAt: new Date(Date.now() + 7_200_000), durationMinutes: 60 }, VISA);
  });

  test("wallet-paid without balance for the rest: owed, settled from a topped-up wallet; the wallet never goes negative", async () => {
    const u = await makeUser(t.db);
    await topUp(t.db, { userId: u.id, amountMinor: 500, card: VISA });
    const { session, cost } = await stoppedSession(t.db, u.id, "wallet");
    // Spend the rest of the balance elsewhere before the session is finalised.
    const left = (await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } })).balanceMinor;
    await authorize(t.db, { userId: u.id, purpose: "BOOKING", amountMinor: left, currency: "EUR", card: "wallet" });
    await finaliseSession(t.db, session.id);
    const [owed] = await openBalances(t.db, u.id);
    assert.equal(owed!.amountMinor, cost - HOLD);
    assert.equal(owed!.reason, "Your wallet balance does not cover it.");
    await assert.rejects(settleBalance(t.db, u, owed!.id, "wallet"), (e: unknown) => e instanceof AppError && e.code === "PAYMENT_FAILED");
    assert.equal((await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } })).balanceMinor, 0);
    await topUp(t.db, { userId: u.id, amountMinor: 500, card: VISA });
    await settleBalance(t.db, u, owed!.id, "wallet");
    assert.equal(await capturedTotal(t.db, session.id), cost);
    assert.equal((await t.db.wallet.findUniqueOrThrow({ where: { userId: u.id } })).balanceMinor, 500 - (cost - HOLD));
    assert.ok((await walletAgreesWithLedger(t.db, u.id)).agrees);
  });
});

describe("Stripe adapter (local double)", () => {
  let double: StripeDouble;
  before(async () => {
    double = await startStripeDouble();
    Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_double", STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(double.port), STRIPE_API_PROTOCOL: "http" });
  });
  after(async () => {
    for (const k of ["STRIPE_SECRET_KEY", "STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL"]) delete process.env[k];
    await double.close();
  });

  test("the rest is a second PaymentIntent on the hold's payment method, off-session, captured; captured total = cost", async () => {
    const u = await makeUser(t.db);
    const { session, hold, cost } = await stoppedSession(t.db, u.id, VISA);
    assert.equal(hold.provider, "STRIPE");
    const methodRef = (hold.gatewayResponse as { methodRef?: string }).methodRef;
    assert.match(methodRef ?? "", /^pm_/);
    await finaliseSession(t.db, session.id);
    assert.equal(await capturedTotal(t.db, session.id), cost);
    const creates = double.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents");
    assert.equal(creates.length, 2);
    assert.deepEqual([creates[1]!.form.payment_method, creates[1]!.form.off_session, creates[1]!.form.amount], [methodRef, "true", String(cost - HOLD)]);
    const extra = await t.db.payment.findFirstOrThrow({ where: { sessionId: session.id, id: { not: hold.id } } });
    assert.equal(double.intents.get(extra.externalId!)!.amount_received, cost - HOLD);
  });
});
