// Charging started from the browser: check the connector, size and place the
// payment hold, record the attempt (a PENDING session), and ask the charger
// to start with the driver's app idTag. The charger's StartTransaction then
// creates the real session, which adopt-started-session.ts links to the attempt.
import { payoutRouteFor } from "../owner/payouts/destination.ts";
import { z } from "zod";
import type { Db, Prisma } from "../db/client.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { sendCommand } from "../ocpp/commands.ts";
import { assertNothingOutstanding, authorize, release, type TPaymentSource } from "../payments/index.ts";
import { currencyExponent, holdAmountFor } from "../tariffs/index.ts";
import { bookingOnConnector } from "../booking/availability.ts";
import { appIdTagFor } from "./app-token.ts";
import { connectorPricing } from "./pricing.ts";
import { MAX_TARGET_VALUE } from "./target-bounds.ts";

export const ZStartCharging = z.object({
  stationId: z.string().uuid(),
  connectorNumber: z.coerce.number().int().min(1),
  targetKind: z.enum(["energy", "amount"]),
  /** kWh for "energy", major currency units for "amount" */
  targetValue: z.coerce.number().positive("Enter a positive number.").max(MAX_TARGET_VALUE, "That is more than any car can take."),
  bookingId: z.string().uuid().optional(),
});
export type TStartCharging = z.infer<typeof ZStartCharging>;

/** Connector states in which a start makes sense (a plugged car shows PREPARING). */
const STARTABLE = new Set(["AVAILABLE", "PREPARING", "RESERVED", "FINISHING", "SUSPENDED_EV", "UNKNOWN"]);

export async function startCharging(
  db: Db,
  /** locale: the language of the request, for notices to a driver without a saved language. */
  user: { id: string; locale?: "en" | "ru" },
  input: TStartCharging,
  payment: TPaymentSource,
  opts: { now?: Date; commandTimeoutMs?: number } = {},
): Promise<{ sessionId: string }> {
  const now = opts.now ?? new Date();
  const station = await db.station.findFirst({
    // Only public stations: a garage's private chargers are for its renters' cards.
    where: { id: input.stationId, status: "ACTIVE", publish: true },
    select: { id: true, name: true, ocppIdentity: true, isOnline: true, connectors: { where: { connectorId: input.connectorNumber, removed: false } } },
  });
  if (!station) throw notFoundError("This station");
  const connector = station.connectors[0];
  if (!connector) throw new AppError("INVALID_INPUT", "This connector does not exist.", { connectorNumber: ["Choose a connector."] });
  if (!station.ocppIdentity) throw new AppError("PRECONDITION", "This station cannot be started from the app. Use the station's own payment.");
  if (!station.isOnline) throw new AppError("CHARGER_OFFLINE", "The charger is offline right now. Please try again later.");
  if (!STARTABLE.has(connector.status)) throw new AppError("PRECONDITION", `This connector is ${connector.status.toLowerCase().replace("_", " ")}. Choose another one.`);
  const busy = await db.chargingSession.findFirst({
    where: { OR: [{ connectorId: connector.id, status: { in: ["ACTIVE", "PENDING"] } }, { userId: user.id, status: { in: ["ACTIVE", "PENDING"] } }] },
    select: { userId: true },
  });
  if (busy) throw new AppError("CONFLICT", busy.userId === user.id ? "You already have a charging session running." : "Someone is charging on this connector.");
  await assertNothingOutstanding(db, user.id);

  const booking = await bookingOnConnector(db, connector.id, now);
  if (booking && booking.userId !== user.id) throw new AppError("CONFLICT", "This connector is reserved for another driver right now.");
  const ownBooking = input.bookingId ? await db.booking.findFirst({ where: { id: input.bookingId, userId: user.id, status: { in: ["CONFIRMED", "ACTIVE"] } } }) : null;
  if (input.bookingId && !ownBooking) throw notFoundError("This booking");

  const pricing = await connectorPricing(db, station.id, input.connectorNumber);
  if (!pricing) throw new AppError("PRECONDITION", "This station has no price yet, so it cannot be started from the app.");
  const exp = currencyExponent(pricing.currency);
  const target = input.targetKind === "energy"
    ? { energyWh: Math.round(input.targetValue * 1000) }
    : { amountMinor: Math.round(input.targetValue * 10 ** exp) };
  const hold = holdAmountFor(pricing.tariff, target, pricing.powerKw, { startAt: now, timeZone: pricing.timeZone });
  if (hold.energyCapWh === 0) throw new AppError("INVALID_INPUT", "This amount does not cover the station's minimum price.", { targetValue: ["Enter a larger amount."] });

  const { idTag, tokenId } = await appIdTagFor(db, user.id);
  // At an owner's station the charge carries the platform fee (a Stripe destination charge when the owner has onboarded).
  const route = await payoutRouteFor(db, station.id, hold.amountMinor);
  const held = await authorize(db, {
    userId: user.id, purpose: "SESSION", amountMinor: hold.amountMinor, currency: hold.currency, card: payment,
    platformFeeMinor: route.platformFeeMinor, destinationAccountId: route.destinationAccountId, locale: user.locale,
  });

  const attempt = await db.chargingSession.create({
    data: {
      stationId: station.id, connectorId: connector.id, connectorNumber: input.connectorNumber, connectorType: connector.type,
      idTag, tokenId, userId: user.id, bookingId: ownBooking?.id, status: "PENDING",
      tariffId: pricing.tariffId, tariffSnapshot: pricing.tariff as unknown as Prisma.InputJsonValue, currency: hold.currency,
      paymentMethod: payment === "wallet" ? "WALLET" : "CARD",
      targetWh: hold.energyCapWh ?? undefined, targetAmountMinor: "amountMinor" in target ? target.amountMinor : undefined,
      sessionData: { startRequestedAt: now.toISOString(), holdMinor: hold.amountMinor, estimateMinor: hold.estimateInclVat, ...(user.locale && { locale: user.locale }) },
    },
  });
  await db.payment.update({ where: { id: held.id }, data: { sessionId: attempt.id } });

  const cmd = await sendCommand(db, {
    stationId: station.id, action: "RemoteStartTransaction", payload: { connectorId: input.connectorNumber, idTag }, requestedById: user.id,
    timeoutMs: opts.commandTimeoutMs ?? 30_000,
  }).catch((err: Error) => ({ status: "FAILED" as const, error: err.message, response: null }));
  const accepted = cmd.status === "ANSWERED" && (cmd.response as { status?: string } | null)?.status === "Accepted";
  if (!accepted) {
    const reason = cmd.status === "ANSWERED" ? "The charger refused to start." : cmd.status === "TIMED_OUT" ? "The charger did not answer." : `The charger could not be reached (${cmd.error ?? "offline"}).`;
    await failAttempt(db, attempt.id, reason);
    throw new AppError("CHARGER_REJECTED", `${reason} Nothing was charged.`);
  }
  return { sessionId: attempt.id };
}

/** A start that never happened: shown as failed, and its hold released. */
export async function failAttempt(db: Db, sessionId: string, reason: string): Promise<void> {
  const r = await db.chargingSession.updateMany({ where: { id: sessionId, status: "PENDING" }, data: { status: "FAILED", failureReason: reason, endedAt: new Date() } });
  if (!r.count) return;
  const payments = await db.payment.findMany({ where: { sessionId, status: "AUTHORIZED" }, select: { id: true } });
  for (const p of payments) await release(db, p.id, reason);
}
