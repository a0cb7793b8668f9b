// Payments: one interface for bookings, charging sessions, wallet top-ups and
// mobile charging. The card processor is Stripe when STRIPE_SECRET_KEY is set,
// else the built-in demo processor (Stripe's test card numbers, no money moves).
//
//   authorize(db, { userId, purpose, amountMinor, currency, card, sessionId?, bookingId?,
//                   mobileRequestId?, platformFeeMinor?, destinationAccountId?, description? })
//     card: { number, expMonth, expYear, cvc } | { paymentMethodId } | "wallet"
//     -> Payment (AUTHORIZED) | throws AppError("PAYMENT_FAILED", "Your card was declined.")
//   capture(db, paymentId, amountMinor) -> Payment (CAPTURED; rest released; 0 = release)
//   release(db, paymentId, reason?)     -> Payment (CANCELLED)
//   refund(db, paymentId, amountMinor, reason, actor) -> Refund (PROCESSED)
//   topUp(db, { userId, amountMinor, card }) -> { payment, entry }
//   debitWallet / creditWallet(dbOrTx, { userId, amountMinor, currency, description, paymentId?, metadata? })
export { authorize, holdDescription } from "./authorize.ts";
export { capture, release, refund } from "./settle.ts";
export { topUp, TOP_UP_LIMITS } from "./top-up.ts";
export { debitWallet, creditWallet, ensureWallet, walletAgreesWithLedger, walletHistory, inTransaction, type DbOrTx, type TLedgerInput } from "./wallet.ts";
export { cardProcessor, isDemoPayments, processorFor } from "./processor.ts";
export { DEMO_LABEL } from "./demo-processor.ts";
export { checkCard, cardBrand, luhnValid } from "./card.ts";
export type { TAuthorizeInput, TCardDetails, TPaymentSource, TActor, TCardProcessor } from "./types.ts";
export { notifyInLanguage, recipientLocale } from "./notify-in-language.ts";
export { failureText } from "./failure-text.ts";
export { ZPaymentForm, paymentSource, withPayment, type TPaymentForm } from "./payment-form.ts";
export { collectRemainder, openBalances, assertNothingOutstanding, settleBalance, type TRemainderResult } from "./remainder.ts";
export { handleStripeWebhook, HANDLED_EVENTS, type TWebhookResult } from "./webhook.ts";
