// Seed 004 usage_count / last_used: call when a driver's charging session
// starts at a station (the charging flow does). A station that is not among
// the driver's favourites is left alone.
import type { Db, Prisma } from "../db/client.ts";

type DbOrTx = Db | Prisma.TransactionClient;

export async function recordFavoriteUse(db: DbOrTx, userId: string, stationId: string, at: Date = new Date()): Promise<boolean> {
  const { count } = await db.favorite.updateMany({
    where: { userId, stationId },
    data: { usageCount: { increment: 1 }, lastUsedAt: at },
  });
  return count > 0;
}
