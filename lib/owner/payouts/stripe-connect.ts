// Stripe Connect Express through the official SDK. STRIPE_API_BASE (e.g.
// http://127.0.0.1:12111) points it at a local double in tests: Stripe itself
// cannot be reached from these machines.
import Stripe from "stripe";
import type { TConnectAccount, TPayoutProvider } from "./provider.ts";

export function stripeClient(secretKey: string, apiBase = process.env.STRIPE_API_BASE): Stripe {
  const u = apiBase ? new URL(apiBase) : null;
  return new Stripe(secretKey, {
    ...(u && { host: u.hostname, port: Number(u.port || (u.protocol === "https:" ? 443 : 80)), protocol: u.protocol.replace(":", "") as "http" | "https" }),
    maxNetworkRetries: 1,
    timeout: 15_000,
  });
}

const account = (a: Stripe.Account): TConnectAccount => ({
  id: a.id, chargesEnabled: !!a.charges_enabled, payoutsEnabled: !!a.payouts_enabled, detailsSubmitted: !!a.details_submitted,
});

export function stripeConnect(stripe: Stripe): TPayoutProvider {
  return {
    name: "stripe",
    async createExpressAccount({ email, country, userId }) {
      const a = await stripe.accounts.create(
        {
          type: "express", email, ...(country && { country }),
          capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
          metadata: { chargeway_user_id: userId },
        },
        // A retried click must not open a second account.
        { idempotencyKey: `connect-account-${userId}` },
      );
      return account(a);
    },
    async createOnboardingLink({ accountId, returnUrl, refreshUrl }) {
      const l = await stripe.accountLinks.create({ account: accountId, type: "account_onboarding", return_url: returnUrl, refresh_url: refreshUrl });
      return { url: l.url, expiresAt: new Date(l.expires_at * 1000) };
    },
    async retrieveAccount(accountId) {
      return account(await stripe.accounts.retrieve(accountId));
    },
  };
}

/** The configured provider, or null when payouts are not set up on this platform. */
export function payoutProvider(): TPayoutProvider | null {
  const key = process.env.STRIPE_SECRET_KEY;
  return key ? stripeConnect(stripeClient(key)) : null;
}
