// Bookings: a connector for a slot, enforced by the database against overlaps.
export { createBooking, ZCreateBooking, SLOT_TAKEN, isOverlapViolation, type TCreateBooking } from "./create-booking.ts";
export { cancelBooking } from "./cancel-booking.ts";
export { runBookingSweep } from "./sweep.ts";
export { settleBooking, type TBookingOutcome } from "./settle-booking.ts";
export { bookingRules, slotStarts, DURATIONS, SLOT_MINUTES, MAX_DAYS_AHEAD, type TBookingRules } from "./rules.ts";
export { bookingOnConnector, bookedPeriods, LIVE_BOOKING } from "./availability.ts";
export { reserveOnCharger, cancelOnCharger } from "./charger-reservation.ts";
export { driverBookings } from "./driver-bookings.ts";
