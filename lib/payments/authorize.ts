// authorize(): places a hold for a session, booking, top-up or mobile request
// and returns the Payment row (AUTHORIZED). A refusal is kept as a FAILED
// Payment, notified to the driver, and thrown as AppError("PAYMENT_FAILED").
import type { Db, Payment, Prisma } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { notifyInLanguage } from "./notify-in-language.ts";
import { failureText } from "./failure-text.ts";
import { checkCard, isCardDetails } from "./card.ts";
import { cardProcessor } from "./processor.ts";
import type { TAuthorizeInput } from "./types.ts";
import { debitWallet } from "./wallet.ts";

function links(input: TAuthorizeInput) {
  return {
    userId: input.userId,
    purpose: input.purpose,
    currency: input.currency.toUpperCase(),
    sessionId: input.sessionId,
    bookingId: input.bookingId,
    mobileRequestId: input.mobileRequestId,
    platformFeeMinor: input.platformFeeMinor ?? 0,
  };
}

export async function authorize(db: Db, input: TAuthorizeInput): Promise<Payment> {
  if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new AppError("INVALID_INPUT", "The amount to authorise must be a positive whole number of minor units.");
  }
  if (input.card === "wallet") return authorizeFromWallet(db, input);

  let card: Parameters<ReturnType<typeof cardProcessor>["hold"]>[0]["card"];
  let paymentMethodId: string | undefined;
  let known: { brand: string | null; last4: string | null } = { brand: null, last4: null };
  const processor = cardProcessor();
  if (isCardDetails(input.card)) {
    const checked = checkCard(input.card);
    card = { ...input.card, number: checked.digits };
    known = { brand: checked.brand, last4: checked.last4 };
  } else {
    const saved = await db.paymentMethod.findFirst({ where: { id: input.card.paymentMethodId, userId: input.userId } });
    if (!saved) throw new AppError("NOT_FOUND", "This saved card was not found.");
    if (saved.provider !== processor.provider) throw new AppError("PAYMENT_FAILED", "This saved card cannot be used with the current payment processor. Please enter the card again.");
    card = { externalMethodId: saved.externalId };
    paymentMethodId = saved.id;
    known = { brand: saved.brand, last4: saved.last4 };
  }

  const payment = await db.payment.create({
    data: { ...links(input), provider: processor.provider, status: "PENDING", paymentMethodId },
  });
  const result = await processor.hold({
    paymentId: payment.id,
    amountMinor: input.amountMinor,
    currency: payment.currency,
    card,
    platformFeeMinor: input.platformFeeMinor,
    destinationAccountId: input.destinationAccountId,
  });
  if (!result.ok) {
    await failPayment(db, payment.id, input.userId, result.message, input.locale, {
      card: known,
      processor: result.response ?? null,
      code: result.code,
    }, result.externalId);
    throw new AppError("PAYMENT_FAILED", result.message);
  }
  return db.payment.update({
    where: { id: payment.id },
    data: {
      status: "AUTHORIZED",
      authorizedMinor: input.amountMinor,
      externalId: result.externalId,
      processedAt: new Date(),
      gatewayResponse: {
        card: { brand: result.brand ?? known.brand, last4: result.last4 ?? known.last4 }, processor: result.response,
        // Kept to charge a session's remainder above the hold on the same card (lib/payments/remainder.ts).
        ...(result.methodRef && { methodRef: result.methodRef }),
      } as Prisma.InputJsonValue,
    },
  });
}

async function authorizeFromWallet(db: Db, input: TAuthorizeInput): Promise<Payment> {
  const data = { ...links(input), provider: "WALLET" as const };
  try {
    return await db.$transaction(async (tx) => {
      const payment = await tx.payment.create({
        data: { ...data, status: "AUTHORIZED", authorizedMinor: input.amountMinor, processedAt: new Date(), gatewayResponse: { wallet: true } },
      });
      // The hold leaves the balance now, so it can never be spent twice; capture returns the unused part.
      await debitWallet(tx, {
        userId: input.userId,
        amountMinor: input.amountMinor,
        currency: payment.currency,
        description: input.description ?? holdDescription(input.purpose),
        paymentId: payment.id,
      });
      return payment;
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "PAYMENT_FAILED") {
      const failed = await db.payment.create({ data: { ...data, status: "FAILED", failureReason: err.message } });
      await notifyFailure(db, input.userId, err.message, failed.id, input.locale);
    }
    throw err;
  }
}

export function holdDescription(purpose: TAuthorizeInput["purpose"]): string {
  switch (purpose) {
    case "SESSION": return "Charging session (hold)";
    case "BOOKING": return "Booking";
    case "NO_SHOW_FEE": return "No-show fee";
    case "MOBILE_REQUEST": return "Mobile charging (hold)";
    default: return "Payment";
  }
}

async function failPayment(db: Db, paymentId: string, userId: string, reason: string, locale: "en" | "ru" | undefined, response: Record<string, unknown>, externalId?: string) {
  await db.payment.update({
    where: { id: paymentId },
    data: { status: "FAILED", failureReason: reason, processedAt: new Date(), gatewayResponse: response as Prisma.InputJsonValue, ...(externalId && { externalId }) },
  });
  await notifyFailure(db, userId, reason, paymentId, locale);
}

export async function notifyFailure(db: Db, userId: string, reason: string, paymentId: string, locale?: "en" | "ru") {
  // The template gives the wording; the fallback keeps the notice when it is missing.
  await notifyInLanguage(db, {
    userId, type: "PAYMENT", template: "payment-failed", vars: (lang) => ({ reason: failureText(reason, lang) }), data: { paymentId }, dedupeKey: `payment:${paymentId}:failed`,
    title: { en: "Payment failed", ru: "Платёж не прошёл" }, message: { en: reason, ru: failureText(reason, "ru") },
  }, locale);
}
