// The driver cancels: free until the cut-off (hold released), afterwards the
// reservation fee is kept. The charger's reservation is cancelled too.
import type { Db } from "../db/client.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { isUuid } from "../stations/visibility.ts";
import { cancelOnCharger } from "./charger-reservation.ts";
import { settleBooking } from "./settle-booking.ts";

export async function cancelBooking(db: Db, user: { id: string }, bookingId: string, now = new Date()) {
  if (!isUuid(bookingId)) throw notFoundError("This booking");
  const b = await db.booking.findFirst({ where: { id: bookingId, userId: user.id } });
  if (!b) throw notFoundError("This booking");
  if (b.status !== "CONFIRMED" && b.status !== "PENDING") throw new AppError("CONFLICT", `A ${b.status.toLowerCase()} booking cannot be cancelled.`);
  const claimed = await db.booking.updateMany({ where: { id: b.id, status: b.status }, data: { status: "CANCELLED", cancelledAt: now, cancelReason: "Cancelled by the driver" } });
  if (!claimed.count) throw new AppError("CONFLICT", "This booking changed meanwhile. Please reload.");
  const free = !b.freeCancelUntil || now <= b.freeCancelUntil;
  const charged = await settleBooking(db, b.id, free ? "CANCELLED_FREE" : "CANCELLED_LATE");
  await cancelOnCharger(db, b);
  return { free, chargedMinor: charged };
}
