// Reviews of the owner's stations, and the owner's one reply to each.
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { actorOf, ownedBy, type TOwnerUser, type TRequestMeta } from "./context.ts";

export const REVIEWS_PAGE = 20;

export async function listReviews(db: Db, user: TOwnerUser, input: { stationId?: string | null; unanswered?: boolean; page?: number }) {
  const where = {
    station: ownedBy(user),
    ...(input.stationId ? { stationId: input.stationId } : {}),
    ...(input.unanswered ? { ownerReply: null } : {}),
  };
  const page = Math.max(1, input.page ?? 1);
  const [rows, total, avg] = await Promise.all([
    db.review.findMany({
      where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * REVIEWS_PAGE, take: REVIEWS_PAGE,
      select: { id: true, rating: true, comment: true, ownerReply: true, ownerRepliedAt: true, createdAt: true, user: { select: { name: true } }, station: { select: { id: true, name: true } } },
    }),
    db.review.count({ where }),
    db.review.aggregate({ where: { station: ownedBy(user), ...(input.stationId ? { stationId: input.stationId } : {}) }, _avg: { rating: true }, _count: { _all: true } }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, author: r.user.name.split(" ")[0] })),
    total, page, pages: Math.max(1, Math.ceil(total / REVIEWS_PAGE)),
    average: avg._avg.rating, count: avg._count._all,
  };
}

/** One reply per review: the update only matches a review of the owner's station without a reply. */
export async function replyToReview(db: Db, user: TOwnerUser, input: { reviewId: string; reply: string }, meta: TRequestMeta) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const done = await tx.review.updateMany({
      where: { id: input.reviewId, station: ownedBy(user), ownerReply: null },
      data: { ownerReply: input.reply, ownerRepliedAt: now },
    });
    if (done.count === 0) {
      const exists = await tx.review.findFirst({ where: { id: input.reviewId, station: ownedBy(user) }, select: { id: true } });
      if (!exists) throw notFoundError("This review");
      throw new AppError("CONFLICT", "owner.err.alreadyReplied");
    }
    await recordAudit(tx, { actor: actorOf(user), action: "REVIEW_REPLIED", entityType: "Review", entityId: input.reviewId, after: { reply: input.reply }, ...meta });
    return { repliedAt: now };
  });
}
