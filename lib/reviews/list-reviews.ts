// Reviews as the public and the driver see them.
import type { Db } from "../db/client.ts";

/** Average rating (one decimal), count, and the latest reviews of a station. */
export async function stationReviews(db: Db, stationId: string, take = 20) {
  const [agg, reviews] = await Promise.all([
    db.review.aggregate({ where: { stationId }, _avg: { rating: true }, _count: { _all: true } }),
    db.review.findMany({
      where: { stationId },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take,
      select: {
        id: true, userId: true, rating: true, comment: true, ownerReply: true, ownerRepliedAt: true, createdAt: true, updatedAt: true,
        user: { select: { name: true } },
      },
    }),
  ]);
  const average = agg._avg.rating == null ? null : Math.round(agg._avg.rating * 10) / 10;
  return {
    average,
    count: agg._count._all,
    // Only the first name is public.
    reviews: reviews.map(({ user, ...r }) => ({ ...r, author: user.name.split(/\s+/)[0] ?? "" })),
  };
}

export async function myReviews(db: Db, userId: string) {
  return db.review.findMany({
    where: { userId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true, stationId: true, rating: true, comment: true, ownerReply: true, updatedAt: true,
      station: { select: { name: true, city: true } },
    },
  });
}
