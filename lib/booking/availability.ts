// Which bookings hold a connector. Live bookings are PENDING, CONFIRMED and
// ACTIVE: exactly the statuses the database's exclusion constraint covers.
import type { Db, Prisma } from "../db/client.ts";

type DbOrTx = Db | Prisma.TransactionClient;
export const LIVE_BOOKING = ["PENDING", "CONFIRMED", "ACTIVE"] as const;

/** The live booking covering `at` on a connector, if any. */
export async function bookingOnConnector(db: DbOrTx, connectorId: string, at: Date) {
  return db.booking.findFirst({
    where: { connectorId, status: { in: [...LIVE_BOOKING] }, startsAt: { lte: at }, endsAt: { gt: at } },
    select: { id: true, userId: true, startsAt: true, endsAt: true, status: true },
  });
}

/** Live bookings of a station's connectors overlapping [from, to), for the slot picker. */
export async function bookedPeriods(db: DbOrTx, stationId: string, from: Date, to: Date) {
  return db.booking.findMany({
    where: { stationId, status: { in: [...LIVE_BOOKING] }, startsAt: { lt: to }, endsAt: { gt: from } },
    select: { connectorId: true, startsAt: true, endsAt: true, userId: true },
    orderBy: { startsAt: "asc" },
  });
}
