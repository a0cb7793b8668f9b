// Booking rules are platform settings (AppConfig booking_*), shown to the
// driver before paying and copied onto each booking, so a later change of
// the settings never changes a booking already made.
import type { Db } from "../db/client.ts";

export type TBookingRules = { reservationFeeMinor: number; noShowFeeMinor: number; graceMinutes: number; freeCancelMinutes: number; currency: string };

const DEFAULTS: TBookingRules = { reservationFeeMinor: 200, noShowFeeMinor: 500, graceMinutes: 15, freeCancelMinutes: 60, currency: "EUR" };

export async function bookingRules(db: Db): Promise<TBookingRules> {
  const rows = await db.appConfig.findMany({ where: { key: { startsWith: "booking_" }, isActive: true } });
  const get = (key: string, fallback: number) => {
    const v = Number(rows.find((r) => r.key === key)?.value);
    return Number.isInteger(v) && v >= 0 ? v : fallback;
  };
  const currency = (await db.appConfig.findUnique({ where: { key: "default_currency" } }))?.value ?? DEFAULTS.currency;
  return {
    reservationFeeMinor: get("booking_reservation_fee_minor", DEFAULTS.reservationFeeMinor),
    noShowFeeMinor: get("booking_no_show_fee_minor", DEFAULTS.noShowFeeMinor),
    graceMinutes: get("booking_grace_minutes", DEFAULTS.graceMinutes),
    freeCancelMinutes: get("booking_free_cancel_minutes", DEFAULTS.freeCancelMinutes),
    currency,
  };
}

export const SLOT_MINUTES = 15;
export const DURATIONS = [30, 60, 90, 120, 180, 240] as const;
/** Stripe holds last 7 days, and so does our booking horizon. */
export const MAX_DAYS_AHEAD = 6;

/** Start times offered: now, then every quarter hour for the next `hours`. */
export function slotStarts(now: Date, hours = 24): Date[] {
  const out = [new Date(Math.floor(now.getTime() / 60_000) * 60_000)];
  const q = SLOT_MINUTES * 60_000;
  for (let t = Math.ceil(now.getTime() / q) * q; t < now.getTime() + hours * 3_600_000; t += q) {
    if (t > out[0]!.getTime()) out.push(new Date(t));
  }
  return out;
}
