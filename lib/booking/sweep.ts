// runBookingSweep(db, now): the booking clock, run every 30 s by a worker.
//  - ReserveNow for bookings starting (within a minute); a refusal cancels and releases
//  - a booking whose driver started charging becomes ACTIVE (fee captured)
//  - no-show after the grace period: EXPIRED, reservation + no-show fee captured
//  - "ends in 15 minutes" notification
//  - ended bookings COMPLETED; unused charger reservations cancelled
//  - current or imminent bookings on a FAULTED connector cancelled and released
import type { Db } from "../db/client.ts";
import { formatDateTime } from "../format.ts";
import { logError } from "../log.ts";
import { notifyInLanguage, requestLocaleOf } from "../payments/notify-in-language.ts";
import { cancelOnCharger, reserveOnCharger } from "./charger-reservation.ts";
import { settleBooking } from "./settle-booking.ts";
import { releaseRefusedBooking, reservationRefusal } from "./refused-reservation.ts";

const MIN = 60_000;

export async function runBookingSweep(db: Db, now = new Date()) {
  const out = { reserved: 0, refused: 0, started: 0, expired: 0, endingSoon: 0, completed: 0, faultCancelled: 0, errors: 0 };
  const guard = async (fn: () => Promise<void>) => {
    try { await fn(); } catch (err) { out.errors++; logError("booking sweep step failed", err); }
  };

  // Faults first: a faulted connector is not reserved for anyone.
  const faulted = await db.booking.findMany({
    where: { status: { in: ["CONFIRMED", "PENDING"] }, endsAt: { gt: now }, startsAt: { lte: new Date(now.getTime() + 60 * MIN) }, connector: { status: "FAULTED" } },
    include: { station: { select: { name: true } } },
  });
  for (const b of faulted) {
    await guard(async () => {
      const r = await db.booking.updateMany({ where: { id: b.id, status: b.status }, data: { status: "CANCELLED", cancelledAt: now, cancelReason: "The connector is out of order" } });
      if (!r.count) return;
      await settleBooking(db, b.id, "FAULT");
      await cancelOnCharger(db, b);
      await notifyInLanguage(db, {
        userId: b.userId, type: "BOOKING",
        title: { en: "Booking cancelled: connector out of order", ru: "Бронирование отменено: разъём неисправен" },
        message: { en: `${b.station.name}. Nothing was charged.`, ru: `${b.station.name}. Деньги не списаны.` },
        data: { bookingId: b.id, href: "/bookings" }, dedupeKey: `booking:${b.id}:fault`,
      }, requestLocaleOf(b.billingDetails));
      out.faultCancelled++;
    });
  }

  const starting = await db.booking.findMany({
    where: { status: "CONFIRMED", reserveNowSentAt: null, startsAt: { lte: new Date(now.getTime() + MIN) }, endsAt: { gt: now }, station: { ocppIdentity: { not: null } } },
    include: { station: { select: { name: true } } },
  });
  for (const b of starting) {
    await guard(async () => {
      // The driver already charging on it (plugged in early) needs no hold.
      const charging = await db.chargingSession.count({ where: { connectorId: b.connectorId, userId: b.userId, status: { in: ["ACTIVE", "PENDING"] } } });
      if (charging) return;
      const cmd = await reserveOnCharger(db, b);
      const refusal = reservationRefusal(cmd);
      if (refusal) { if (await releaseRefusedBooking(db, b, refusal, b.station.name)) out.refused++; }
      else if (cmd?.status === "ANSWERED") out.reserved++;
    });
  }

  // Used: a session of this driver on this connector since shortly before the slot.
  const due = await db.booking.findMany({ where: { status: "CONFIRMED", startsAt: { lte: new Date(now.getTime() + 15 * MIN) } } });
  for (const b of due) {
    await guard(async () => {
      const session = await db.chargingSession.findFirst({
        where: {
          status: { in: ["ACTIVE", "COMPLETED"] },
          OR: [
            { bookingId: b.id },
            { stationId: b.stationId, reservationId: b.reservationId },
            { connectorId: b.connectorId, userId: b.userId, startedAt: { gte: new Date(b.startsAt.getTime() - 15 * MIN), lt: b.endsAt } },
          ],
        },
        select: { id: true, bookingId: true },
      });
      if (session) {
        if (!session.bookingId) await db.chargingSession.update({ where: { id: session.id }, data: { bookingId: b.id } });
        await db.booking.updateMany({ where: { id: b.id, status: "CONFIRMED" }, data: { status: "ACTIVE" } });
        out.started++;
        return;
      }
      if (b.startsAt.getTime() + b.graceMinutes * MIN <= now.getTime()) {
        const r = await db.booking.updateMany({ where: { id: b.id, status: "CONFIRMED" }, data: { status: "EXPIRED", cancelReason: "No-show" } });
        if (!r.count) return;
        await settleBooking(db, b.id, "NO_SHOW");
        await cancelOnCharger(db, b);
        out.expired++;
      }
    });
  }

  // Reservation fee of bookings in use (or used and ended).
  const toCapture = await db.booking.findMany({ where: { status: { in: ["ACTIVE", "COMPLETED"] }, paymentStatus: "AUTHORIZED" }, select: { id: true } });
  for (const b of toCapture) await guard(async () => { await settleBooking(db, b.id, "USED"); });

  const ending = await db.booking.findMany({
    where: { status: { in: ["CONFIRMED", "ACTIVE"] }, endsAt: { gt: now, lte: new Date(now.getTime() + 15 * MIN) } },
    include: { station: { select: { name: true, timeZone: true } } },
  });
  for (const b of ending) {
    await guard(async () => {
      const r = await notifyInLanguage(db, {
        userId: b.userId, type: "BOOKING", template: "booking-ending-15min",
        vars: (locale) => ({ station: `${b.station.name} (${formatDateTime(b.endsAt, locale, b.station.timeZone)})` }),
        data: { bookingId: b.id, href: "/bookings" }, dedupeKey: `booking:${b.id}:ending-soon`,
      }, requestLocaleOf(b.billingDetails));
      if (r.delivered) out.endingSoon++;
    });
  }

  const ended = await db.booking.findMany({ where: { status: "ACTIVE", endsAt: { lte: now } } });
  for (const b of ended) {
    await guard(async () => {
      const running = await db.chargingSession.count({ where: { bookingId: b.id, status: "ACTIVE" } });
      if (running) return; // the session, not the slot, ends it; finaliseSession completes the booking
      const r = await db.booking.updateMany({ where: { id: b.id, status: "ACTIVE" }, data: { status: "COMPLETED" } });
      if (r.count) out.completed++;
    });
  }
  return out;
}
