// Writes the driver's one review of a station (1–5 stars and text), or edits
// it. Owners reply elsewhere; editing keeps their reply.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { AppError, isUniqueViolation, notFoundError } from "../errors/app-error.ts";
import { PUBLIC_STATION } from "../stations/visibility.ts";
import { mayReview } from "./eligibility.ts";

export const ZReview = z.object({
  stationId: z.uuid({ error: "Unknown station." }),
  rating: z.coerce
    .number({ error: "Choose 1 to 5 stars." })
    .int("Choose 1 to 5 stars.")
    .min(1, "Choose 1 to 5 stars.")
    .max(5, "Choose 1 to 5 stars."),
  comment: z
    .string()
    .trim()
    .max(2000, "The review is at most 2000 characters.")
    .nullish()
    .transform((s) => (s ? s : null)),
});
export type TReviewInput = z.input<typeof ZReview>;

export const NOT_ELIGIBLE = "You can review a station after you have completed a charging session or a booking there.";

export async function saveReview(db: Db, userId: string, raw: TReviewInput) {
  const input = ZReview.parse(raw);
  const station = await db.station.findFirst({ where: { id: input.stationId, ...PUBLIC_STATION }, select: { id: true } });
  if (!station) throw notFoundError("This station");
  if (!(await mayReview(db, userId, input.stationId))) throw new AppError("PRECONDITION", NOT_ELIGIBLE);
  const where = { userId_stationId: { userId, stationId: input.stationId } };
  const data = { rating: input.rating, comment: input.comment };
  try {
    const existing = await db.review.findUnique({ where, select: { id: true } });
    const review = existing
      ? await db.review.update({ where, data })
      : await db.review.create({ data: { userId, stationId: input.stationId, ...data } });
    return { id: review.id, created: !existing };
  } catch (err) {
    // Two tabs submitting at once: the second becomes an edit.
    if (isUniqueViolation(err)) {
      const review = await db.review.update({ where, data });
      return { id: review.id, created: false };
    }
    throw err;
  }
}

export async function deleteReview(db: Db, userId: string, stationId: string): Promise<{ deleted: boolean }> {
  const { count } = await db.review.deleteMany({ where: { userId, stationId } });
  return { deleted: count > 0 };
}
