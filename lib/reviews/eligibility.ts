// A driver may review a station only after charging there: a COMPLETED
// charging session of theirs, or a COMPLETED booking (seed 002).
import type { Db } from "../db/client.ts";

export async function mayReview(db: Db, userId: string, stationId: string): Promise<boolean> {
  const [session, booking] = await Promise.all([
    db.chargingSession.findFirst({ where: { userId, stationId, status: "COMPLETED" }, select: { id: true } }),
    db.booking.findFirst({ where: { userId, stationId, status: "COMPLETED" }, select: { id: true } }),
  ]);
  return !!(session || booking);
}

/** Stations the driver may review but has not yet: for the reviews page. */
export async function stationsAwaitingReview(db: Db, userId: string) {
  return db.station.findMany({
    where: {
      publish: true,
      status: { in: ["ACTIVE", "MAINTENANCE"] },
      reviews: { none: { userId } },
      OR: [{ sessions: { some: { userId, status: "COMPLETED" } } }, { bookings: { some: { userId, status: "COMPLETED" } } }],
    },
    orderBy: { name: "asc" },
    take: 50,
    select: { id: true, name: true, city: true },
  });
}
