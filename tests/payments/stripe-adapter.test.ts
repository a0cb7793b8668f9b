// The Stripe adapter against a local HTTP double of the endpoints it uses
// (the stripe SDK pointed at it by host/port/protocol), and the webhook
// handler with events signed by stripe.webhooks.generateTestHeaderString.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import Stripe from "stripe";
import { authorize, capture, handleStripeWebhook, isDemoPayments, refund, release } from "../../lib/payments/index.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { startStripeDouble, type StripeDouble } from "../../scripts/stripe-double.ts";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { DECLINED, VISA, makeUser, reference } from "./helpers.ts";

let t: TestDb;
let double: StripeDouble;
const SECRET = "whsec_test_secret";
const stripe = new Stripe("sk_test_unused");

before(async () => {
  t = await freshDatabase();
  double = await startStripeDouble();
  Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_double", STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(double.port), STRIPE_API_PROTOCOL: "http", STRIPE_WEBHOOK_SECRET: SECRET });
});
after(async () => {
  for (const k of ["STRIPE_SECRET_KEY", "STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL", "STRIPE_WEBHOOK_SECRET"]) delete process.env[k];
  await double.close();
  await t.close();
});
beforeEach(async () => { await truncateAll(t.db); await reference(t.db); double.requests.length = 0; });

describe("Stripe adapter", () => {
  test("with STRIPE_SECRET_KEY set, holds are manual-capture PaymentIntents; capture takes the cost; the card never reaches our rows", async () => {
    assert.equal(isDemoPayments(), false);
    const u = await makeUser(t.db);
    const p = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 2500, currency: "EUR", card: VISA });
    assert.equal(p.provider, "STRIPE");
    assert.equal(p.status, "AUTHORIZED");
    assert.match(p.externalId!, /^pi_double_/);
    const create = double.requests.find((r) => r.path === "/v1/payment_intents")!;
    assert.equal(create.form.capture_method, "manual");
    assert.equal(create.form.amount, "2500");
    assert.equal(create.form.currency, "eur");
    assert.equal(create.form["metadata[paymentId]"], p.id);
    assert.equal(create.headers["idempotency-key"], `hold-${p.id}`);
    assert.ok(!JSON.stringify(await t.db.payment.findMany()).includes("4242424242424242"));
    const c = await capture(t.db, p.id, 1234);
    assert.deepEqual([c.status, c.capturedMinor], ["CAPTURED", 1234]);
    assert.equal(double.intents.get(p.externalId!)!.amount_received, 1234);
    assert.equal(double.requests.at(-1)!.form.amount_to_capture, "1234");
  });

  test("a declined card: Stripe's message, a FAILED payment, no hold", async () => {
    const u = await makeUser(t.db);
    await assert.rejects(
      authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 2500, currency: "EUR", card: DECLINED }),
      (e: unknown) => e instanceof AppError && e.code === "PAYMENT_FAILED" && e.message === "Your card was declined.",
    );
    const [row] = await t.db.payment.findMany();
    assert.deepEqual([row!.status, row!.failureReason], ["FAILED", "Your card was declined."]);
  });

  test("release cancels the PaymentIntent; refunds go to /v1/refunds and never exceed the capture", async () => {
    const u = await makeUser(t.db);
    const admin = await makeUser(t.db, "ADMIN");
    const a = await authorize(t.db, { userId: u.id, purpose: "BOOKING", amountMinor: 700, currency: "EUR", card: VISA });
    assert.equal((await release(t.db, a.id)).status, "CANCELLED");
    assert.equal(double.intents.get(a.externalId!)!.status, "canceled");
    const b = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 2000, currency: "EUR", card: VISA });
    await capture(t.db, b.id, 1500);
    const r = await refund(t.db, b.id, 500, "Charger fault", { id: admin.id, role: "ADMIN" });
    assert.match(r.externalId!, /^re_double_/);
    assert.equal(double.requests.at(-1)!.path, "/v1/refunds");
    assert.equal(double.requests.at(-1)!.form.amount, "500");
    await assert.rejects(refund(t.db, b.id, 1001, "Too much", { id: admin.id, role: "ADMIN" }), (e: unknown) => e instanceof AppError && e.code === "INVALID_INPUT");
    const after = await t.db.payment.findUniqueOrThrow({ where: { id: b.id } });
    assert.deepEqual([after.status, after.capturedMinor, after.refundedMinor], ["PARTIALLY_REFUNDED", 1500, 500]);
  });
});

function signed(event: object, secret = SECRET) {
  const payload = JSON.stringify(event);
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}
const intentEvent = (id: string, type: string, object: object) => ({ id, object: "event", type, api_version: "2025-01-01", created: Math.floor(Date.now() / 1000), data: { object } });

describe("Stripe webhooks", () => {
  test("a webhook with a bad signature is refused and changes nothing", async () => {
    const u = await makeUser(t.db);
    const p = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 900, currency: "EUR", card: VISA });
    const ev = intentEvent("evt_bad", "payment_intent.canceled", { id: p.externalId, object: "payment_intent", cancellation_reason: "abandoned" });
    const { payload } = signed(ev);
    const forged = signed(ev, "whsec_someone_else").header;
    assert.equal((await handleStripeWebhook(t.db, payload, forged)).status, 400);
    assert.equal((await handleStripeWebhook(t.db, payload, null)).status, 400);
    const good = signed(ev);
    assert.equal((await handleStripeWebhook(t.db, payload.replace("abandoned", "fraudulent"), good.header)).status, 400, "a tampered body fails");
    assert.equal(await t.db.webhookEvent.count(), 0);
    assert.equal((await t.db.payment.findUniqueOrThrow({ where: { id: p.id } })).status, "AUTHORIZED");
  });

  test("events reconcile the payment; a redelivered event changes nothing; unknown types are stored and ignored", async () => {
    const u = await makeUser(t.db);
    const p = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 900, currency: "EUR", card: VISA });
    const succeeded = signed(intentEvent("evt_1", "payment_intent.succeeded", { id: p.externalId, object: "payment_intent", amount_received: 900 }));
    assert.deepEqual((await handleStripeWebhook(t.db, succeeded.payload, succeeded.header)).body, { received: true, result: "captured" });
    let row = await t.db.payment.findUniqueOrThrow({ where: { id: p.id } });
    assert.deepEqual([row.status, row.capturedMinor], ["CAPTURED", 900]);

    const refunded = signed(intentEvent("evt_2", "charge.refunded", { id: "ch_1", object: "charge", payment_intent: p.externalId, amount_refunded: 900 }));
    await handleStripeWebhook(t.db, refunded.payload, refunded.header);
    row = await t.db.payment.findUniqueOrThrow({ where: { id: p.id } });
    assert.deepEqual([row.status, row.refundedMinor], ["REFUNDED", 900]);

    // Stripe retries evt_1: it must not bring the payment back to CAPTURED.
    const again = await handleStripeWebhook(t.db, succeeded.payload, signed(JSON.parse(succeeded.payload)).header);
    assert.deepEqual(again, { status: 200, body: { received: true, duplicate: true } });
    row = await t.db.payment.findUniqueOrThrow({ where: { id: p.id } });
    assert.deepEqual([row.status, row.refundedMinor], ["REFUNDED", 900]);
    assert.equal(await t.db.webhookEvent.count(), 2);

    const other = signed(intentEvent("evt_3", "customer.created", { id: "cus_1", object: "customer" }));
    assert.deepEqual((await handleStripeWebhook(t.db, other.payload, other.header)).body, { received: true, result: "ignored" });
    assert.equal((await t.db.webhookEvent.findFirstOrThrow({ where: { eventId: "evt_3" } })).status, "IGNORED");
  });

  test("payment_intent.payment_failed marks an open payment failed and tells the driver", async () => {
    const u = await makeUser(t.db);
    const p = await authorize(t.db, { userId: u.id, purpose: "SESSION", amountMinor: 900, currency: "EUR", card: VISA });
    const ev = signed(intentEvent("evt_f", "payment_intent.payment_failed", { id: p.externalId, object: "payment_intent", last_payment_error: { message: "Your card was declined." } }));
    await handleStripeWebhook(t.db, ev.payload, ev.header);
    const row = await t.db.payment.findUniqueOrThrow({ where: { id: p.id } });
    assert.deepEqual([row.status, row.failureReason], ["FAILED", "Your card was declined."]);
    assert.equal(await t.db.notification.count({ where: { userId: u.id, type: "PAYMENT" } }), 1);
  });
});
