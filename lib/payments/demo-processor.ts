// The built-in card processor used when no Stripe key is configured: no money
// moves. It answers Stripe's documented test card numbers the way Stripe
// test mode does, so the whole flow (hold, capture, release, refund) can be
// tried and tested without network access.
import { randomUUID } from "node:crypto";
import { normaliseCardNumber } from "./card.ts";
import type { TCardProcessor, THoldResult } from "./types.ts";

export const DEMO_LABEL = "Demo payments — no real money";

/** Stripe test cards that fail, with Stripe's decline codes and messages. */
const DECLINES: Record<string, { code: string; message: string }> = {
  "4000000000000002": { code: "card_declined", message: "Your card was declined." },
  "4000000000009995": { code: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000000000009987": { code: "lost_card", message: "Your card was declined." },
  "4000000000009979": { code: "stolen_card", message: "Your card was declined." },
  "4000000000000069": { code: "expired_card", message: "Your card has expired." },
  "4000000000000127": { code: "incorrect_cvc", message: "Your card's security code is incorrect." },
  "4000000000000119": { code: "processing_error", message: "An error occurred while processing your card. Try again in a little bit." },
};

/**
 * Stripe's 4000 0000 0000 0341: the first hold succeeds, later charges
 * without the driver (off-session) are declined. Its reusable reference is
 * Stripe's test payment method of the same behaviour.
 */
const LATER_DECLINES = "4000000000000341";
const LATER_DECLINES_REF = "pm_card_chargeCustomerFail";

export function demoProcessor(): TCardProcessor {
  return {
    provider: "DEMO",
    async hold(input): Promise<THoldResult> {
      if (!("number" in input.card)) {
        if (input.card.externalMethodId === LATER_DECLINES_REF) {
          return { ok: false, code: "card_declined", message: "Your card was declined.", response: { demo: true, decline_code: "card_declined", off_session: !!input.offSession } };
        }
        // A saved demo card is just a reference to an earlier successful hold.
        return { ok: true, externalId: `demo_pi_${randomUUID()}`, brand: null, last4: null, methodRef: input.card.externalMethodId, response: { demo: true, status: "requires_capture" } };
      }
      const digits = normaliseCardNumber(input.card.number);
      const decline = DECLINES[digits];
      if (decline) return { ok: false, ...decline, response: { demo: true, decline_code: decline.code } };
      return {
        ok: true,
        externalId: `demo_pi_${randomUUID()}`,
        brand: null,
        last4: digits.slice(-4),
        methodRef: digits === LATER_DECLINES ? LATER_DECLINES_REF : `demo_pm_${digits.slice(-4)}`,
        response: { demo: true, status: "requires_capture", amount: input.amountMinor, currency: input.currency.toLowerCase() },
      };
    },
    async capture(externalId, amountMinor) {
      return { demo: true, id: externalId, status: "succeeded", amount_received: amountMinor };
    },
    async cancel(externalId) {
      return { demo: true, id: externalId, status: "canceled" };
    },
    async refund(externalId, amountMinor) {
      const id = `demo_re_${randomUUID()}`;
      return { externalId: id, response: { demo: true, id, payment_intent: externalId, amount: amountMinor, status: "succeeded" } };
    },
  };
}
