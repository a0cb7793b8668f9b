// capture / release / refund. Each locks the Payment row for the whole
// operation (processor call included), so two finalisers racing on one
// payment cannot both take money; a repeat of a finished capture is a no-op.
import type { Db, Payment, Prisma, Refund } from "../db/client.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { formatMoney } from "../format.ts";
import { processorFor } from "./processor.ts";
import type { TActor } from "./types.ts";
import { creditWallet } from "./wallet.ts";

type Tx = Prisma.TransactionClient;

async function locked(tx: Tx, paymentId: string): Promise<Payment> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM payments WHERE id = ${paymentId}::uuid FOR UPDATE`;
  if (!rows.length) throw notFoundError("This payment");
  return tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

const merge = (prev: unknown, key: string, value: unknown) =>
  ({ ...((prev && typeof prev === "object" ? prev : {}) as object), [key]: value }) as Prisma.InputJsonValue;

/**
 * Takes amountMinor (0 ≤ amount ≤ authorised) and releases the rest.
 * Capturing 0 is a release (status CANCELLED). Capturing again with the same
 * amount returns the payment unchanged; a different amount is a CONFLICT.
 */
export async function capture(
  db: Db,
  paymentId: string,
  amountMinor: number,
  /** The platform's share of what is captured (owner stations): the fee set at hold time was for the hold. */
  opts: { platformFeeMinor?: number } = {},
): Promise<Payment> {
  if (!Number.isInteger(amountMinor) || amountMinor < 0) throw new AppError("INVALID_INPUT", "The amount to capture must be a whole number ≥ 0.");
  return db.$transaction(
    async (tx) => {
      const p = await locked(tx, paymentId);
      if (p.status === "CAPTURED" || p.status === "PARTIALLY_REFUNDED" || p.status === "REFUNDED") {
        if (p.capturedMinor === amountMinor) return p;
        throw new AppError("CONFLICT", `This payment was already captured (${p.capturedMinor}).`);
      }
      if (p.status === "CANCELLED" && amountMinor === 0) return p;
      if (p.status !== "AUTHORIZED") throw new AppError("CONFLICT", `A ${p.status.toLowerCase()} payment cannot be captured.`);
      if (amountMinor > p.authorizedMinor) {
        throw new AppError("PAYMENT_FAILED", `The amount due (${formatMoney(amountMinor, p.currency)}) is more than the authorised ${formatMoney(p.authorizedMinor, p.currency)}.`);
      }
      if (amountMinor === 0) return releaseLocked(tx, p, "Nothing to pay");
      let response: Record<string, unknown> = { wallet: true };
      if (p.provider === "WALLET") {
        const unused = p.authorizedMinor - amountMinor;
        if (unused > 0) await creditWallet(tx, { userId: p.userId, amountMinor: unused, currency: p.currency, description: "Unused hold returned", paymentId: p.id });
      } else {
        response = await processorFor(p.provider).capture(p.externalId!, amountMinor, p.id);
      }
      return tx.payment.update({
        where: { id: p.id },
        data: {
          status: "CAPTURED", capturedMinor: amountMinor, processedAt: new Date(), gatewayResponse: merge(p.gatewayResponse, "capture", response),
          ...(opts.platformFeeMinor !== undefined && { platformFeeMinor: Math.min(opts.platformFeeMinor, amountMinor) }),
        },
      });
    },
    { timeout: 30_000 },
  );
}

/** Releases the whole hold (nothing is charged). Releasing twice is a no-op. */
export async function release(db: Db, paymentId: string, reason = "Released"): Promise<Payment> {
  return db.$transaction(
    async (tx) => {
      const p = await locked(tx, paymentId);
      if (p.status === "CANCELLED" || p.status === "FAILED") return p;
      if (p.status !== "AUTHORIZED" && p.status !== "PENDING") throw new AppError("CONFLICT", `A ${p.status.toLowerCase()} payment cannot be released; refund it instead.`);
      return releaseLocked(tx, p, reason);
    },
    { timeout: 30_000 },
  );
}

async function releaseLocked(tx: Tx, p: Payment, reason: string): Promise<Payment> {
  let response: Record<string, unknown> = { wallet: true };
  if (p.status === "AUTHORIZED") {
    if (p.provider === "WALLET") {
      await creditWallet(tx, { userId: p.userId, amountMinor: p.authorizedMinor, currency: p.currency, description: "Hold released", paymentId: p.id });
    } else if (p.externalId) {
      response = await processorFor(p.provider).cancel(p.externalId, p.id);
    }
  }
  return tx.payment.update({
    where: { id: p.id },
    data: { status: "CANCELLED", failureReason: reason, processedAt: new Date(), gatewayResponse: merge(p.gatewayResponse, "release", response) },
  });
}

/**
 * Returns money of a captured payment (≤ captured − already refunded), recorded
 * as a Refund row and, when an actor is given, in the audit log.
 */
export async function refund(db: Db, paymentId: string, amountMinor: number, reason: string, actor: TActor): Promise<Refund> {
  if (!Number.isInteger(amountMinor) || amountMinor <= 0) throw new AppError("INVALID_INPUT", "The refund must be a positive whole number of minor units.", { amount: ["Enter an amount above zero."] });
  if (!reason.trim()) throw new AppError("INVALID_INPUT", "Say why the money is refunded.", { reason: ["Required."] });
  return db.$transaction(
    async (tx) => {
      const p = await locked(tx, paymentId);
      if (!["CAPTURED", "PARTIALLY_REFUNDED"].includes(p.status)) throw new AppError("CONFLICT", "Only a captured payment can be refunded.");
      const refundable = p.capturedMinor - p.refundedMinor;
      if (amountMinor > refundable) {
        const most = formatMoney(refundable, p.currency);
        throw new AppError("INVALID_INPUT", `At most ${most} can still be refunded.`, { amount: [`At most ${most}.`] });
      }
      const row = await tx.refund.create({
        data: { paymentId: p.id, amountMinor, reason: reason.trim(), status: "APPROVED", requestedById: actor?.id, approvedById: actor?.id },
      });
      let externalId: string | null = null;
      let response: Record<string, unknown> = { wallet: true };
      if (p.provider === "WALLET") {
        await creditWallet(tx, { userId: p.userId, amountMinor, currency: p.currency, description: `Refund: ${reason.trim()}`, paymentId: p.id, metadata: { refundId: row.id } });
      } else {
        const r = await processorFor(p.provider).refund(p.externalId!, amountMinor, row.id);
        externalId = r.externalId;
        response = r.response;
      }
      const refunded = p.refundedMinor + amountMinor;
      await tx.payment.update({
        where: { id: p.id },
        data: { refundedMinor: refunded, status: refunded === p.capturedMinor ? "REFUNDED" : "PARTIALLY_REFUNDED", gatewayResponse: merge(p.gatewayResponse, `refund:${row.id}`, response) },
      });
      const done = await tx.refund.update({ where: { id: row.id }, data: { status: "PROCESSED", externalId, processedAt: new Date() } });
      if (actor) {
        await recordAudit(tx, { actor, action: "payment.refund", entityType: "Payment", entityId: p.id, before: { refundedMinor: p.refundedMinor }, after: { refundedMinor: refunded, refundId: row.id, amountMinor, reason } });
      }
      return done;
    },
    { timeout: 30_000 },
  );
}
