// The charger said no to ReserveNow (Occupied, Faulted, Unavailable,
// Rejected): it cannot hold the connector, so the booking cannot be honoured.
// Rule: the booking is cancelled, its whole hold released (the reservation fee
// is not kept: the driver is not at fault) and the driver is told at once.
// An answer we never got (offline, timeout) is not a refusal: the sweep retries.
import type { Booking, Db, OcppCommand } from "../db/client.ts";
import { notifyInLanguage, requestLocaleOf } from "../payments/notify-in-language.ts";
import { settleBooking } from "./settle-booking.ts";

export const REFUSAL_REASON: Record<string, { en: string; ru: string }> = {
  Occupied: { en: "the connector is in use", ru: "разъём занят" },
  Faulted: { en: "the connector is out of order", ru: "разъём неисправен" },
  Unavailable: { en: "the connector is out of service", ru: "разъём не обслуживается" },
  Rejected: { en: "the charger does not accept reservations", ru: "станция не принимает бронирования" },
};

/** The charger's refusal ("Occupied", …), or null when it accepted or did not answer. */
export function reservationRefusal(cmd: Pick<OcppCommand, "status" | "response"> | { status: string; response: unknown } | null): string | null {
  if (!cmd || cmd.status !== "ANSWERED") return null;
  const status = (cmd.response as { status?: string } | null)?.status;
  return status && status !== "Accepted" ? status : null;
}

/** Cancels and releases a booking the charger refused; false if it had already changed. */
export async function releaseRefusedBooking(db: Db, booking: Pick<Booking, "id" | "userId" | "status" | "billingDetails">, refusal: string, stationName: string, locale?: "en" | "ru"): Promise<boolean> {
  const why = REFUSAL_REASON[refusal] ?? { en: `the charger answered ${refusal}`, ru: `станция ответила ${refusal}` };
  const r = await db.booking.updateMany({
    where: { id: booking.id, status: { in: ["CONFIRMED", "PENDING"] } },
    data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: `The charger refused the reservation (${refusal})` },
  });
  if (!r.count) return false;
  await settleBooking(db, booking.id, "FAULT");
  await notifyInLanguage(db, {
    userId: booking.userId, type: "BOOKING",
    title: { en: "Booking cancelled: the charger cannot hold the connector", ru: "Бронирование отменено: станция не может удержать разъём" },
    message: { en: `${stationName}: ${why.en}. Nothing was charged.`, ru: `${stationName}: ${why.ru}. Деньги не списаны.` },
    data: { bookingId: booking.id, href: "/bookings" }, dedupeKey: `booking:${booking.id}:refused`,
  }, locale ?? requestLocaleOf(booking.billingDetails));
  return true;
}
