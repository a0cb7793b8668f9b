// A session can cost more than its hold (the charger overshoots the cap, an
// idle fee runs on). The hold is captured in full by the finaliser; the rest
// is collected here: from the wallet when the session was wallet-paid or the
// balance covers it, else as an off-session charge on the same card. When
// that fails too, the driver owes it: an OutstandingBalance they see and must
// settle before their next start or booking, and a "payment failed" notice.
// Every attempt is a Payment row of the session, so nothing is lost and the
// session's captured total equals its cost once collected or settled.
import type { Db, OutstandingBalance, Payment, Prisma } from "../db/client.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { formatMoney } from "../format.ts";
import { notifyInLanguage, requestLocaleOf } from "./notify-in-language.ts";
import { failureText } from "./failure-text.ts";
import { authorize } from "./authorize.ts";
import { processorFor } from "./processor.ts";
import { capture, refund } from "./settle.ts";
import type { TPaymentSource } from "./types.ts";
import { debitWallet } from "./wallet.ts";
import { payoutRouteFor } from "../owner/payouts/destination.ts";

const SETTLED = ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
/** A PENDING remainder older than this belongs to a finaliser that died: retry it (same payment id, same idempotency key). */
const PENDING_RETRY_AFTER_MS = 2 * 60_000;

export type TRemainderResult =
  | { status: "COLLECTED"; payment: Payment }
  | { status: "OUTSTANDING"; balance: OutstandingBalance }
  | { status: "ALREADY_DONE" };

/**
 * Collects `amountMinor` (> 0) of a session beyond its captured hold. Safe to
 * run any number of times: a session is collected or recorded as owed once.
 */
export async function collectRemainder(
  db: Db,
  input: { sessionId: string; holdPaymentId: string; amountMinor: number; description: string; platformFeeMinor?: number; destinationAccountId?: string },
): Promise<TRemainderResult> {
  if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) throw new AppError("INVALID_INPUT", "The remainder must be a positive whole number of minor units.");
  // 1. Claim, in a short transaction: the wallet path completes here; the card
  //    path commits a PENDING payment first, so a charge made by the processor
  //    always has a row, and a retry reuses that row's id (the processor's
  //    idempotency key) instead of charging the card a second time.
  const claim = await db.$transaction(async (tx) => {
    // The hold's row lock serialises two finalisers of the same session.
    await tx.$queryRaw`SELECT id FROM payments WHERE id = ${input.holdPaymentId}::uuid FOR UPDATE`;
    const hold = await tx.payment.findUniqueOrThrow({ where: { id: input.holdPaymentId } });
    const done = await tx.payment.findFirst({ where: { sessionId: input.sessionId, purpose: "SESSION", id: { not: hold.id }, status: { in: [...SETTLED] } } });
    const owed = await tx.outstandingBalance.findUnique({ where: { sessionId: input.sessionId } });
    if (done || owed) return { kind: "done" as const };
    const links = { userId: hold.userId, purpose: "SESSION" as const, currency: hold.currency, sessionId: input.sessionId, platformFeeMinor: Math.min(input.platformFeeMinor ?? 0, input.amountMinor) };

    const wallet = await tx.wallet.findUnique({ where: { userId: hold.userId } });
    const walletCovers = !!wallet && wallet.isActive && wallet.currency === hold.currency && wallet.balanceMinor >= input.amountMinor;
    if (walletCovers) {
      const payment = await tx.payment.create({
        data: { ...links, provider: "WALLET", status: "CAPTURED", authorizedMinor: input.amountMinor, capturedMinor: input.amountMinor, processedAt: new Date(), gatewayResponse: { wallet: true, remainderOf: hold.id } },
      });
      await debitWallet(tx, { userId: hold.userId, amountMinor: input.amountMinor, currency: hold.currency, description: input.description, paymentId: payment.id });
      return { kind: "collected" as const, payment };
    }
    const methodRef = await methodRefOf(tx, hold);
    if (hold.provider === "WALLET" || !methodRef) return { kind: "owed" as const, hold, reason: "Your wallet balance does not cover it." };
    const pending = await tx.payment.findFirst({ where: { sessionId: input.sessionId, purpose: "SESSION", id: { not: hold.id }, status: "PENDING" } });
    // Another finaliser is charging right now; one that died left its row for a retry.
    if (pending && Date.now() - pending.createdAt.getTime() < PENDING_RETRY_AFTER_MS) return { kind: "done" as const };
    const payment = pending ?? await tx.payment.create({ data: { ...links, provider: hold.provider, status: "PENDING", paymentMethodId: hold.paymentMethodId, gatewayResponse: { remainderOf: hold.id } } });
    return { kind: "charge" as const, hold, provider: hold.provider, payment, methodRef, platformFeeMinor: links.platformFeeMinor };
  });
  if (claim.kind === "done") return { status: "ALREADY_DONE" };
  if (claim.kind === "collected") return { status: "COLLECTED", payment: claim.payment };

  // 2. The off-session charge, outside any transaction (a slow processor cannot roll a charge's record back).
  let reason = claim.kind === "owed" ? claim.reason : "";
  const hold = claim.hold;
  if (claim.kind === "charge") {
    const processor = processorFor(claim.provider);
    const { payment } = claim;
    let heldId: string | undefined;
    const charged = await processor
      .hold({ paymentId: payment.id, amountMinor: input.amountMinor, currency: hold.currency, card: { externalMethodId: claim.methodRef }, offSession: true, platformFeeMinor: claim.platformFeeMinor, destinationAccountId: input.destinationAccountId })
      .then(async (h) => {
        if (!h.ok) return h;
        heldId = h.externalId;
        return { ...h, capture: await processor.capture(h.externalId, input.amountMinor, payment.id) };
      })
      .catch(async (err: Error) => {
        // Held but not captured: let the authorisation go rather than leave it on the card.
        if (heldId) await processor.cancel(heldId, payment.id).catch(() => undefined);
        // Unreachable processor: the driver owes it rather than the session losing it.
        return { ok: false as const, code: "processor_error", message: "The payment could not be processed.", externalId: heldId, response: { error: err.message } };
      });
    if (charged.ok) {
      const collected = await db.payment.update({
        where: { id: payment.id },
        data: {
          status: "CAPTURED", authorizedMinor: input.amountMinor, capturedMinor: input.amountMinor, externalId: charged.externalId, processedAt: new Date(),
          gatewayResponse: { card: (hold.gatewayResponse as { card?: unknown } | null)?.card ?? null, processor: charged.response, capture: charged.capture, remainderOf: hold.id } as Prisma.InputJsonValue,
        },
      });
      return { status: "COLLECTED", payment: collected };
    }
    reason = charged.message;
    await db.payment.update({
      where: { id: payment.id },
      data: { status: "FAILED", failureReason: charged.message, processedAt: new Date(), ...(charged.externalId && { externalId: charged.externalId }), gatewayResponse: { processor: charged.response ?? null, code: charged.code, remainderOf: hold.id } as Prisma.InputJsonValue },
    });
  }

  // 3. Not collected: the driver owes it (once per session).
  const existing = await db.outstandingBalance.findUnique({ where: { sessionId: input.sessionId } });
  if (existing) return { status: "ALREADY_DONE" };
  const balance = await db.outstandingBalance.create({
    data: { userId: hold.userId, sessionId: input.sessionId, amountMinor: input.amountMinor, currency: hold.currency, reason },
  }).catch(async (err) => {
    if ((err as { code?: string }).code === "P2002") return null; // another finaliser recorded it first
    throw err;
  });
  if (!balance) return { status: "ALREADY_DONE" };
  const outcome = { status: "OUTSTANDING" as const, balance };
  if (outcome.status === "OUTSTANDING") {
    const b = outcome.balance;
    // The template's message is "{reason}": the whole sentence, in the driver's language.
    const text = (locale: "en" | "ru") => locale === "ru"
      ? `${failureText(b.reason, "ru")} ${formatMoney(b.amountMinor, b.currency, "ru")} за зарядку не оплачено. Оплатите долг в кошельке до следующей зарядки.`
      : `${b.reason} ${formatMoney(b.amountMinor, b.currency, "en")} of your charging session is unpaid. Please settle it in your wallet before your next charge.`;
    const session = await db.chargingSession.findUnique({ where: { id: b.sessionId }, select: { sessionData: true } });
    await notifyInLanguage(db, {
      userId: b.userId, type: "PAYMENT", template: "payment-failed", vars: (locale) => ({ reason: text(locale) }),
      title: { en: "Payment failed", ru: "Платёж не прошёл" }, message: { en: text("en"), ru: text("ru") },
      data: { sessionId: b.sessionId, balanceId: b.id, href: "/account/wallet" }, dedupeKey: `balance:${b.id}:unpaid`,
    }, requestLocaleOf(session?.sessionData));
  }
  return outcome;
}

/** The reusable card reference of a hold: kept at authorisation, or the saved card it was made with. */
async function methodRefOf(tx: Prisma.TransactionClient, hold: Payment): Promise<string | null> {
  const ref = (hold.gatewayResponse as { methodRef?: unknown } | null)?.methodRef;
  if (typeof ref === "string" && ref) return ref;
  if (!hold.paymentMethodId) return null;
  return (await tx.paymentMethod.findUnique({ where: { id: hold.paymentMethodId }, select: { externalId: true } }))?.externalId ?? null;
}

/** The driver's unpaid balances, oldest first, with the session's station for the message. */
export async function openBalances(db: Db | Prisma.TransactionClient, userId: string) {
  return db.outstandingBalance.findMany({
    where: { userId, settledAt: null },
    orderBy: { createdAt: "asc" },
    include: { session: { select: { id: true, transactionId: true, endedAt: true, station: { select: { name: true } } } } },
  });
}

/** Refuses a new start or booking while the driver owes money, with what and where. */
export async function assertNothingOutstanding(db: Db, userId: string): Promise<void> {
  const open = await openBalances(db, userId);
  if (!open.length) return;
  const b = open[0]!;
  const total = open.filter((x) => x.currency === b.currency).reduce((s, x) => s + x.amountMinor, 0);
  throw new AppError(
    "PRECONDITION",
    `You have an unpaid balance of ${formatMoney(total, b.currency)} from charging at ${b.session.station.name}. Please settle it in your wallet (Account → Wallet) before you start or book again.`,
  );
}

/** The driver pays an open balance now (card typed, saved card or wallet): captured at once. */
export async function settleBalance(db: Db, user: { id: string }, balanceId: string, source: TPaymentSource): Promise<{ payment: Payment; balance: OutstandingBalance }> {
  const b = await db.outstandingBalance.findFirst({ where: { id: balanceId, userId: user.id }, include: { session: { select: { stationId: true, station: { select: { name: true } } } } } });
  if (!b) throw notFoundError("This unpaid balance");
  if (b.settledAt) throw new AppError("CONFLICT", "This balance is already paid.");
  // The debt is part of the session's price: the owner's share and the platform fee follow it as they would have.
  const route = await payoutRouteFor(db, b.session.stationId, b.amountMinor);
  const held = await authorize(db, {
    userId: user.id, purpose: "SESSION", amountMinor: b.amountMinor, currency: b.currency, card: source, sessionId: b.sessionId,
    description: `Unpaid charging at ${b.session.station.name}`,
    platformFeeMinor: route.platformFeeMinor, destinationAccountId: route.destinationAccountId,
  });
  const payment = await capture(db, held.id, b.amountMinor);
  const claimed = await db.outstandingBalance.updateMany({ where: { id: b.id, settledAt: null }, data: { settledAt: new Date(), settledPaymentId: payment.id } });
  if (!claimed.count) {
    // Paid twice at the same moment (two tabs): the second payment goes back at once.
    await refund(db, payment.id, payment.capturedMinor, "This balance was already paid", null);
    throw new AppError("CONFLICT", "This balance was already paid; the second payment was refunded.");
  }
  return { payment, balance: await db.outstandingBalance.findUniqueOrThrow({ where: { id: b.id } }) };
}
