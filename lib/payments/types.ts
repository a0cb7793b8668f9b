// The payment vocabulary shared by bookings, charging sessions, wallet top-ups
// and mobile charging. Amounts are integer minor units of `currency`.
import type { PaymentPurpose } from "../db/generated/enums.ts";

/** Raw card details as typed by the driver. Never stored or logged: only brand and last4 survive. */
export type TCardDetails = { number: string; expMonth: number; expYear: number; cvc: string };

/** How to pay: a card typed now, a saved card (PaymentMethod row id), or the driver's wallet. */
export type TPaymentSource = TCardDetails | { paymentMethodId: string } | "wallet";

export type TAuthorizeInput = {
  userId: string;
  purpose: PaymentPurpose;
  amountMinor: number;
  currency: string;
  card: TPaymentSource;
  sessionId?: string;
  bookingId?: string;
  mobileRequestId?: string;
  /** Platform's share when the money goes to an owner or provider (Stripe destination charge). */
  platformFeeMinor?: number;
  /** Stripe Connect account (acct_...) receiving the rest. */
  destinationAccountId?: string;
  /** The language of the request that asked for it: a refusal notice uses it when the driver has no saved language. */
  locale?: "en" | "ru";
  /** Text on the wallet ledger entry when paying from the wallet. */
  description?: string;
};

export type TActor = { id: string; role: "DRIVER" | "OWNER" | "GARAGE_ADMIN" | "MOBILE_PROVIDER" | "ADMIN" } | null;

/** What a card processor answers. Declines are results, not exceptions: they are expected. */
export type THoldResult =
  | {
      ok: true; externalId: string; brand: string | null; last4: string | null; response: Record<string, unknown>;
      /** The processor's reusable reference to the card (Stripe pm_...), for a later off-session charge. */
      methodRef?: string;
    }
  | { ok: false; message: string; code: string; externalId?: string; response?: Record<string, unknown> };

export type TCardProcessor = {
  readonly provider: "STRIPE" | "DEMO";
  /** Places a hold (manual capture) of amountMinor on the card. */
  hold(input: {
    paymentId: string;
    amountMinor: number;
    currency: string;
    card: TCardDetails | { externalMethodId: string };
    platformFeeMinor?: number;
    destinationAccountId?: string;
    /** A merchant-initiated charge with the driver absent (a session's remainder above its hold). */
    offSession?: boolean;
  }): Promise<THoldResult>;
  /** Takes amountMinor (> 0, ≤ held) and releases the rest. */
  capture(externalId: string, amountMinor: number, paymentId: string): Promise<Record<string, unknown>>;
  /** Releases the whole hold. */
  cancel(externalId: string, paymentId: string): Promise<Record<string, unknown>>;
  /** Returns amountMinor of a captured payment; returns the processor's refund id. */
  refund(externalId: string, amountMinor: number, refundId: string): Promise<{ externalId: string; response: Record<string, unknown> }>;
};
