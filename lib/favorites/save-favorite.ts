// Adds a station to the driver's favourites or renames it (seed 004 alias).
// Saving again keeps usage count and last use.
import type { Db } from "../db/client.ts";
import { notFoundError } from "../errors/app-error.ts";
import { PUBLIC_STATION } from "../stations/visibility.ts";
import { ZRemoveFavorite, ZSaveFavorite, type TSaveFavorite } from "./schemas.ts";

export async function saveFavorite(db: Db, userId: string, raw: TSaveFavorite) {
  const input = ZSaveFavorite.parse(raw);
  // A favourite of a station the driver cannot see would be a way to probe ids.
  const station = await db.station.findFirst({ where: { id: input.stationId, ...PUBLIC_STATION }, select: { id: true } });
  if (!station) throw notFoundError("This station");
  return db.favorite.upsert({
    where: { userId_stationId: { userId, stationId: input.stationId } },
    create: { userId, stationId: input.stationId, alias: input.alias },
    update: { alias: input.alias },
    select: { stationId: true, alias: true, usageCount: true, lastUsedAt: true },
  });
}

/** Removing a favourite that is not there is not an error: the result is the same. */
export async function removeFavorite(db: Db, userId: string, raw: unknown): Promise<{ removed: boolean }> {
  const { stationId } = ZRemoveFavorite.parse(raw);
  const { count } = await db.favorite.deleteMany({ where: { userId, stationId } });
  return { removed: count > 0 };
}
