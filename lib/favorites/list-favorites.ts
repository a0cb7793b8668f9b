// The driver's favourites with alias, usage count and last use. The stored
// counters (recordFavoriteUse) are the record; the driver's own started
// sessions at the station are a floor, so the numbers stay right for sessions
// started by any path, including ones that did not call the hook.
import type { Db } from "../db/client.ts";

export async function listFavorites(db: Db, userId: string) {
  const favorites = await db.favorite.findMany({
    where: { userId },
    orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: {
      stationId: true, alias: true, usageCount: true, lastUsedAt: true, createdAt: true,
      station: { select: { name: true, address: true, city: true, availability: true, status: true, maxPowerKw: true, publish: true, timeZone: true } },
    },
  });
  if (favorites.length === 0) return [];
  const ids = favorites.map((f) => f.stationId);
  const usage = await db.$queryRaw<{ station_id: string; n: number; last: Date | null }[]>`
    SELECT station_id::text, count(*)::int AS n, max(started_at) AS last
    FROM charging_sessions
    WHERE user_id = ${userId}::uuid AND started_at IS NOT NULL AND station_id = ANY(${ids}::uuid[])
    GROUP BY station_id`;
  const byStation = new Map(usage.map((u) => [u.station_id, u]));
  return favorites.map((f) => {
    const u = byStation.get(f.stationId);
    const last = [f.lastUsedAt, u?.last ?? null].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    return {
      stationId: f.stationId,
      alias: f.alias,
      usageCount: Math.max(f.usageCount, u?.n ?? 0),
      lastUsedAt: last,
      createdAt: f.createdAt,
      station: {
        ...f.station,
        // A station taken off the map stays in the list, marked unavailable.
        visible: f.station.publish && (f.station.status === "ACTIVE" || f.station.status === "MAINTENANCE"),
      },
    };
  });
}

export type TFavoriteRow = Awaited<ReturnType<typeof listFavorites>>[number];
