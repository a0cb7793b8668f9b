// Which card processor handles money: Stripe when STRIPE_SECRET_KEY is set,
// otherwise the built-in demo processor. A payment is always settled by the
// processor that authorised it (its provider), whatever the configuration now.
import { AppError } from "../errors/app-error.ts";
import { demoProcessor } from "./demo-processor.ts";
import { stripeConfigFromEnv, stripeProcessor } from "./stripe-processor.ts";
import type { TCardProcessor } from "./types.ts";

const cache = new Map<string, TCardProcessor>();

export function isDemoPayments(env = process.env): boolean {
  return !stripeConfigFromEnv(env);
}

/** The processor for new card payments. */
export function cardProcessor(env = process.env): TCardProcessor {
  const config = stripeConfigFromEnv(env);
  const key = config ? `stripe:${config.secretKey}:${config.host}:${config.port}:${config.protocol}` : "demo";
  let p = cache.get(key);
  if (!p) {
    p = config ? stripeProcessor(config) : demoProcessor();
    cache.set(key, p);
  }
  return p;
}

/** The processor that must settle a payment made through `provider`. */
export function processorFor(provider: "STRIPE" | "DEMO", env = process.env): TCardProcessor {
  if (provider === "DEMO") return cache.get("demo") ?? (cache.set("demo", demoProcessor()), cache.get("demo")!);
  const p = cardProcessor(env);
  if (p.provider !== "STRIPE") throw new AppError("PRECONDITION", "This payment was made through Stripe, but Stripe is not configured (STRIPE_SECRET_KEY).");
  return p;
}
