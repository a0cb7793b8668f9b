// The Stripe adapter: a PaymentIntent with capture_method=manual is the hold;
// capture takes the actual cost (Stripe releases the rest), cancel releases it.
// Our Payment id is the idempotency key, so a retried request never charges twice.
// host/port/protocol come from STRIPE_API_HOST/PORT/PROTOCOL so tests can
// point the SDK at a local double of the endpoints used here.
import Stripe from "stripe";
import type { TCardProcessor, THoldResult } from "./types.ts";

export type TStripeConfig = { secretKey: string; host?: string; port?: number; protocol?: "http" | "https" };

export function stripeConfigFromEnv(env = process.env): TStripeConfig | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    host: env.STRIPE_API_HOST || undefined,
    port: env.STRIPE_API_PORT ? Number(env.STRIPE_API_PORT) : undefined,
    protocol: (env.STRIPE_API_PROTOCOL as "http" | "https" | undefined) || undefined,
  };
}

export function stripeClient(config: TStripeConfig): Stripe {
  return new Stripe(config.secretKey, {
    host: config.host,
    port: config.port,
    protocol: config.protocol,
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
  });
}

const plain = (o: unknown) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;

/** Only what we need to reconcile: never the card or the whole intent. */
function summary(pi: Stripe.PaymentIntent): Record<string, unknown> {
  return { id: pi.id, status: pi.status, amount: pi.amount, amount_capturable: pi.amount_capturable, amount_received: pi.amount_received, currency: pi.currency };
}

export function stripeProcessor(config: TStripeConfig, client = stripeClient(config)): TCardProcessor {
  return {
    provider: "STRIPE",
    async hold(input): Promise<THoldResult> {
      const method: Pick<Stripe.PaymentIntentCreateParams, "payment_method" | "payment_method_data"> =
        "externalMethodId" in input.card
          ? { payment_method: input.card.externalMethodId }
          : {
              // Raw card data needs Stripe's "raw card data" permission; in
              // production the browser tokenises with Stripe.js and sends a pm_ id.
              payment_method_data: {
                type: "card",
                card: { number: input.card.number, exp_month: input.card.expMonth, exp_year: input.card.expYear, cvc: input.card.cvc },
              } as unknown as Stripe.PaymentIntentCreateParams.PaymentMethodData,
            };
      try {
        const pi = await client.paymentIntents.create(
          {
            amount: input.amountMinor,
            currency: input.currency.toLowerCase(),
            capture_method: "manual",
            confirm: true,
            // No redirect-based methods: the hold must be settled in this request.
            automatic_payment_methods: { enabled: true, allow_redirects: "never" },
            metadata: { paymentId: input.paymentId },
            // The driver is not present: the bank may not ask for authentication (it declines instead).
            ...(input.offSession && { off_session: true }),
            expand: ["payment_method"],
            ...method,
            ...(input.destinationAccountId && {
              transfer_data: { destination: input.destinationAccountId },
              application_fee_amount: input.platformFeeMinor ?? 0,
            }),
          },
          { idempotencyKey: `hold-${input.paymentId}` },
        );
        if (pi.status !== "requires_capture") {
          return {
            ok: false,
            code: pi.status,
            externalId: pi.id,
            message: pi.status === "requires_action" ? "Your bank asks for extra authentication, which is not available here. Please use another card." : "Your card could not be authorised.",
            response: summary(pi),
          };
        }
        const card = typeof pi.payment_method === "object" && pi.payment_method?.card ? pi.payment_method.card : null;
        const methodRef = typeof pi.payment_method === "string" ? pi.payment_method : pi.payment_method?.id;
        return { ok: true, externalId: pi.id, brand: card?.brand ?? null, last4: card?.last4 ?? null, methodRef, response: summary(pi) };
      } catch (err) {
        if (err instanceof Stripe.errors.StripeCardError) {
          const pi = (err.raw as { payment_intent?: { id?: string } } | undefined)?.payment_intent;
          return { ok: false, code: err.decline_code ?? err.code ?? "card_error", message: err.message, externalId: pi?.id, response: { code: err.code, decline_code: err.decline_code } };
        }
        throw err;
      }
    },
    async capture(externalId, amountMinor, paymentId) {
      const pi = await client.paymentIntents.capture(externalId, { amount_to_capture: amountMinor }, { idempotencyKey: `capture-${paymentId}` });
      return summary(pi);
    },
    async cancel(externalId, paymentId) {
      const pi = await client.paymentIntents.cancel(externalId, {}, { idempotencyKey: `cancel-${paymentId}` });
      return summary(pi);
    },
    async refund(externalId, amountMinor, refundId) {
      const r = await client.refunds.create({ payment_intent: externalId, amount: amountMinor, metadata: { refundId } }, { idempotencyKey: `refund-${refundId}` });
      return { externalId: r.id, response: plain({ id: r.id, status: r.status, amount: r.amount }) };
    },
  };
}
