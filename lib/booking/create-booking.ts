// A driver books a connector for a slot. The row goes in first (PENDING), so
// the database's exclusion constraint decides a race before anyone pays; then
// the hold (reservation fee + no-show fee) is placed and the booking confirmed.
import { z } from "zod";
import type { Booking, Db } from "../db/client.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { formatDateTime } from "../format.ts";
import { assertNothingOutstanding, authorize, notifyInLanguage, type TPaymentSource } from "../payments/index.ts";
import { reserveOnCharger } from "./charger-reservation.ts";
import { REFUSAL_REASON, releaseRefusedBooking, reservationRefusal } from "./refused-reservation.ts";
import { bookingRules, DURATIONS, MAX_DAYS_AHEAD } from "./rules.ts";

export const ZCreateBooking = z.object({
  stationId: z.string().uuid(),
  connectorId: z.string().uuid({ message: "Choose a connector." }),
  startsAt: z.coerce.date({ message: "Choose a start time." }),
  durationMinutes: z.coerce.number().int().refine((m) => (DURATIONS as readonly number[]).includes(m), "Choose a duration."),
});
export type TCreateBooking = z.infer<typeof ZCreateBooking>;

export const SLOT_TAKEN = "This slot was just taken. Please choose another time or connector.";

/** PostgreSQL 23P01 from bookings_no_overlap, however the driver adapter wraps it. */
export function isOverlapViolation(err: unknown): boolean {
  const text = JSON.stringify(err, Object.getOwnPropertyNames(err ?? {})) + String((err as Error)?.message ?? "");
  return text.includes("bookings_no_overlap") || text.includes("23P01");
}

export async function createBooking(
  db: Db,
  /** locale: the language of the request, for notices to a driver without a saved language. */
  user: { id: string; name?: string; email?: string; locale?: "en" | "ru" },
  input: TCreateBooking,
  payment: TPaymentSource,
  now = new Date(),
): Promise<Booking> {
  const station = await db.station.findFirst({
    where: { id: input.stationId, status: "ACTIVE", publish: true },
    select: { id: true, name: true, timeZone: true, ocppIdentity: true, isOnline: true, connectors: { where: { id: input.connectorId, removed: false } } },
  });
  if (!station) throw notFoundError("This station");
  const connector = station.connectors[0];
  if (!connector) throw new AppError("INVALID_INPUT", "Choose a connector of this station.", { connectorId: ["Choose a connector."] });
  if (connector.status === "FAULTED" || connector.status === "UNAVAILABLE") {
    throw new AppError("PRECONDITION", "This connector is out of order. Choose another one.", { connectorId: ["Out of order."] });
  }
  if (input.startsAt.getTime() < now.getTime() - 2 * 60_000) throw new AppError("INVALID_INPUT", "This start time has passed.", { startsAt: ["Choose a later time."] });
  if (input.startsAt.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000) {
    throw new AppError("INVALID_INPUT", `Bookings can be made up to ${MAX_DAYS_AHEAD} days ahead.`, { startsAt: ["Too far ahead."] });
  }
  // A slot starting now must be free now: the charger is asked to hold it at once
  // and would refuse (Occupied) a connector that is in use or finishing.
  const startsNow = input.startsAt.getTime() <= now.getTime() + 60_000;
  if (startsNow && station.ocppIdentity) {
    if (!station.isOnline) throw new AppError("CHARGER_OFFLINE", "The charger is offline, so it cannot hold a connector from now. Choose a later start.", { startsAt: ["Choose a later time."] });
    if (connector.status !== "AVAILABLE") {
      throw new AppError("PRECONDITION", `This connector is ${connector.status.toLowerCase().replace("_", " ")} right now, so it cannot be booked from now. Choose a later start or another connector.`, { startsAt: ["Choose a later time."] });
    }
  }
  await assertNothingOutstanding(db, user.id);
  const rules = await bookingRules(db);
  const startsAt = input.startsAt;
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);

  let booking: Booking;
  try {
    booking = await db.booking.create({
      data: {
        userId: user.id, stationId: station.id, connectorId: connector.id, startsAt, endsAt, status: "PENDING", currency: rules.currency,
        reservationFeeMinor: rules.reservationFeeMinor, noShowFeeMinor: rules.noShowFeeMinor, graceMinutes: rules.graceMinutes,
        freeCancelUntil: new Date(startsAt.getTime() - rules.freeCancelMinutes * 60_000),
        billingDetails: { ...(user.email && { name: user.name, email: user.email }), ...(user.locale && { locale: user.locale }) },
      },
    });
  } catch (err) {
    if (isOverlapViolation(err)) throw new AppError("CONFLICT", SLOT_TAKEN);
    throw err;
  }

  const holdMinor = rules.reservationFeeMinor + rules.noShowFeeMinor;
  if (holdMinor > 0) {
    try {
      const p = await authorize(db, { userId: user.id, purpose: "BOOKING", amountMinor: holdMinor, currency: rules.currency, card: payment, bookingId: booking.id, description: `Booking at ${station.name}`, locale: user.locale });
      booking = await db.booking.update({ where: { id: booking.id }, data: { status: "CONFIRMED", paymentStatus: "AUTHORIZED", paymentIntentId: p.externalId } });
    } catch (err) {
      // The slot is freed at once: the exclusion constraint ignores cancelled bookings.
      await db.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", paymentStatus: "FAILED", cancelledAt: new Date(), cancelReason: "Payment failed" } });
      throw err;
    }
  } else {
    booking = await db.booking.update({ where: { id: booking.id }, data: { status: "CONFIRMED", paymentStatus: "CAPTURED" } });
  }

  // A slot starting now is reserved on the charger at once rather than at the next sweep;
  // a refusal cancels the booking (hold released) before the driver leaves the page.
  if (station.ocppIdentity && startsNow) {
    const refusal = reservationRefusal(await reserveOnCharger(db, booking));
    if (refusal) {
      await releaseRefusedBooking(db, booking, refusal, station.name, user.locale);
      const why = REFUSAL_REASON[refusal]?.en ?? `it answered ${refusal}`;
      throw new AppError("CHARGER_REJECTED", `The charger cannot hold this connector (${why}). The booking was cancelled and nothing was charged.`);
    }
  }
  await notifyInLanguage(db, {
    userId: user.id, type: "BOOKING", template: "booking-confirmed",
    vars: (locale) => ({ station: station.name, start: formatDateTime(startsAt, locale, station.timeZone), end: formatDateTime(endsAt, locale, station.timeZone) }),
    data: { bookingId: booking.id, href: `/bookings` }, dedupeKey: `booking:${booking.id}:confirmed`,
  }, user.locale);
  return booking;
}
