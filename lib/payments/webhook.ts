// Stripe webhooks: the signature is checked on the raw body, only the event
// types we reconcile are acted on, and each event id is stored first, so a
// redelivery (Stripe retries for days) changes nothing. Reconciliation only
// moves a payment forward to what Stripe says; it never undoes our own steps.
import Stripe from "stripe";
import type { Db, Payment, Prisma } from "../db/client.ts";
import { notifyFailure } from "./authorize.ts";

export const HANDLED_EVENTS = new Set([
  "payment_intent.amount_capturable_updated",
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
  "charge.refunded",
]);

export type TWebhookResult = { status: number; body: { received: boolean; duplicate?: boolean; result?: string; error?: string } };

/** A Stripe object only for verifying signatures (no API calls are made with it). */
const verifier = new Stripe("sk_webhook_verification_only");

export async function handleStripeWebhook(db: Db, rawBody: string, signature: string | null, secret = process.env.STRIPE_WEBHOOK_SECRET): Promise<TWebhookResult> {
  if (!secret) return { status: 503, body: { received: false, error: "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)." } };
  if (!signature) return { status: 400, body: { received: false, error: "Missing Stripe-Signature header." } };
  let event: Stripe.Event;
  try {
    event = verifier.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: { received: false, error: "Invalid signature." } };
  }
  const handled = HANDLED_EVENTS.has(event.type);
  const stored = await db.webhookEvent.createMany({
    data: [{ provider: "STRIPE", eventId: event.id, type: event.type, payload: event as unknown as Prisma.InputJsonValue, status: handled ? "RECEIVED" : "IGNORED" }],
    skipDuplicates: true,
  });
  if (!stored.count) {
    // A redelivery changes nothing, unless our first attempt failed to process it.
    const prior = await db.webhookEvent.findUnique({ where: { provider_eventId: { provider: "STRIPE", eventId: event.id } } });
    if (prior?.status !== "FAILED") return { status: 200, body: { received: true, duplicate: true } };
  }
  if (!handled) return { status: 200, body: { received: true, result: "ignored" } };
  let result: string;
  try {
    result = await reconcile(db, event);
    await db.webhookEvent.update({ where: { provider_eventId: { provider: "STRIPE", eventId: event.id } }, data: { status: "PROCESSED", result, processedAt: new Date() } });
  } catch (err) {
    await db.webhookEvent.update({ where: { provider_eventId: { provider: "STRIPE", eventId: event.id } }, data: { status: "FAILED", result: (err as Error).message.slice(0, 500), processedAt: new Date() } });
    // 500 makes Stripe retry; the FAILED row lets that retry be processed.
    return { status: 500, body: { received: false, error: "Processing failed; Stripe will retry." } };
  }
  return { status: 200, body: { received: true, result } };
}

async function paymentFor(db: Db, intentId: string | null | undefined): Promise<Payment | null> {
  return intentId ? db.payment.findUnique({ where: { externalId: intentId } }) : null;
}

async function reconcile(db: Db, event: Stripe.Event): Promise<string> {
  if (event.type === "charge.refunded") {
    const charge = event.data.object as Stripe.Charge;
    const pi = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
    const p = await paymentFor(db, pi);
    if (!p) return "no matching payment";
    const refunded = Math.min(p.capturedMinor, Math.max(p.refundedMinor, charge.amount_refunded));
    if (refunded === p.refundedMinor) return "already up to date";
    await db.payment.update({ where: { id: p.id }, data: { refundedMinor: refunded, status: refunded === p.capturedMinor ? "REFUNDED" : "PARTIALLY_REFUNDED" } });
    return `refunded ${refunded}`;
  }
  const pi = event.data.object as Stripe.PaymentIntent;
  const p = await paymentFor(db, pi.id);
  if (!p) return "no matching payment";
  const open = ["PENDING", "AUTHORIZED"] as const;
  switch (event.type) {
    case "payment_intent.amount_capturable_updated": {
      const r = await db.payment.updateMany({ where: { id: p.id, status: "PENDING" }, data: { status: "AUTHORIZED", authorizedMinor: pi.amount_capturable } });
      return r.count ? "authorized" : "already past authorisation";
    }
    case "payment_intent.succeeded": {
      const r = await db.payment.updateMany({ where: { id: p.id, status: { in: [...open] } }, data: { status: "CAPTURED", capturedMinor: pi.amount_received, processedAt: new Date() } });
      return r.count ? "captured" : "already settled";
    }
    case "payment_intent.payment_failed": {
      const reason = pi.last_payment_error?.message ?? "The payment failed.";
      const r = await db.payment.updateMany({ where: { id: p.id, status: { in: [...open] } }, data: { status: "FAILED", failureReason: reason } });
      if (r.count) await notifyFailure(db, p.userId, reason, p.id);
      return r.count ? "failed" : "already settled";
    }
    case "payment_intent.canceled": {
      const r = await db.payment.updateMany({ where: { id: p.id, status: { in: [...open] } }, data: { status: "CANCELLED", failureReason: pi.cancellation_reason ?? "Cancelled at Stripe" } });
      return r.count ? "cancelled" : "already settled";
    }
    default:
      return "ignored";
  }
}
