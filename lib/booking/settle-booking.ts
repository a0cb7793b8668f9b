// The booking's money. At booking time we hold reservation fee + no-show fee.
// Used: the reservation fee is captured (the rest released). No-show: both.
// Cancelled before the free-cancellation cut-off, or by a charger fault:
// everything released. Cancelled later: the reservation fee.
import type { Db } from "../db/client.ts";
import { payoutRouteFor } from "../owner/payouts/destination.ts";
import { capture, release } from "../payments/index.ts";

export type TBookingOutcome = "USED" | "NO_SHOW" | "CANCELLED_FREE" | "CANCELLED_LATE" | "FAULT";

export async function settleBooking(db: Db, bookingId: string, outcome: TBookingOutcome) {
  const b = await db.booking.findUniqueOrThrow({ where: { id: bookingId }, include: { payments: { where: { purpose: "BOOKING", status: "AUTHORIZED" } } } });
  const due = outcome === "USED" || outcome === "CANCELLED_LATE" ? b.reservationFeeMinor : outcome === "NO_SHOW" ? b.reservationFeeMinor + b.noShowFeeMinor : 0;
  for (const p of b.payments) {
    const take = Math.min(due, p.authorizedMinor);
    const fee = (await payoutRouteFor(db, b.stationId, take)).platformFeeMinor;
    const settled = due > 0 ? await capture(db, p.id, take, { platformFeeMinor: fee }) : await release(db, p.id, outcome === "FAULT" ? "Connector faulted" : "Cancelled in time");
    await db.booking.update({
      where: { id: b.id },
      data: { paymentStatus: settled.status, totalAmountMinor: settled.capturedMinor },
    });
  }
  return due;
}
