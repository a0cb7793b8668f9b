// Payout onboarding behind an interface: Stripe Connect (Express) when
// STRIPE_SECRET_KEY is set, nothing otherwise (the monthly statement is then the record).
export type TConnectAccount = { id: string; chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean };

export interface TPayoutProvider {
  readonly name: "stripe";
  createExpressAccount(input: { email: string; country?: string; userId: string }): Promise<TConnectAccount>;
  /** A one-time onboarding link; the owner comes back to returnUrl (refreshUrl if the link expired). */
  createOnboardingLink(input: { accountId: string; returnUrl: string; refreshUrl: string }): Promise<{ url: string; expiresAt: Date }>;
  retrieveAccount(accountId: string): Promise<TConnectAccount>;
}
