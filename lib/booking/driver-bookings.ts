// The driver's bookings page: upcoming and current bookings first, soonest
// first (what the driver acts on), then the past ones, newest first. Each
// with its money: the hold on a confirmed booking, what was charged on others.
import type { Db } from "../db/client.ts";

const CURRENT = ["CONFIRMED", "ACTIVE"] as const;

export async function driverBookings(db: Db, userId: string, now = new Date(), pastLimit = 50) {
  const include = {
    station: { select: { name: true, timeZone: true } },
    connector: { select: { connectorId: true, type: true } },
    payments: { where: { purpose: "BOOKING" as const }, select: { status: true, authorizedMinor: true, capturedMinor: true, refundedMinor: true } },
  };
  const [upcoming, past] = await Promise.all([
    db.booking.findMany({ where: { userId, status: { in: [...CURRENT] }, endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, include }),
    db.booking.findMany({
      where: { userId, status: { not: "PENDING" }, NOT: { status: { in: [...CURRENT] }, endsAt: { gt: now } } },
      orderBy: { startsAt: "desc" }, take: pastLimit, include,
    }),
  ]);
  const withMoney = (b: (typeof upcoming)[number]) => {
    const held = b.payments.filter((p) => p.status === "AUTHORIZED").reduce((s, p) => s + p.authorizedMinor, 0);
    const charged = b.payments.reduce((s, p) => s + p.capturedMinor - p.refundedMinor, 0);
    return { ...b, heldMinor: held, chargedMinor: charged };
  };
  return { upcoming: upcoming.map(withMoney), past: past.map(withMoney) };
}
