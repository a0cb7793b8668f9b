// The accessible list view of the map: the same stations as the pins (same
// WHERE clause), one page at a time, nearest to the viewport centre first or
// by name. Keyset pagination, so a page never repeats or skips a row when
// the reader moves on.
import { z } from "zod";
import { Prisma, type Db } from "../db/client.ts";
import { InvalidMapQuery } from "./errors.ts";
import type { TMapQuery } from "./filters.ts";
import { bboxCentre } from "./grid.ts";
import { STATION_COLUMNS, toStationItem } from "./query-viewport.ts";
import type { TListItem, TListPage } from "./types.ts";
import { matchingStationsWhere } from "./where.ts";

const { sql, empty } = Prisma;

export const ZListOptions = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  sort: z.enum(["distance", "name"]).default("distance"),
});
export type TListOptions = z.input<typeof ZListOptions>;

const ZCursor = z.object({ k: z.union([z.number(), z.string()]), id: z.uuid() });

const encodeCursor = (k: number | string, id: string) => Buffer.from(JSON.stringify({ k, id })).toString("base64url");

function decodeCursor(cursor: string, sort: "distance" | "name") {
  try {
    const c = ZCursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if ((sort === "distance") !== (typeof c.k === "number")) throw new Error("cursor of another sort");
    return c;
  } catch {
    throw new InvalidMapQuery("The list cursor is not valid for this query; start again from the first page.");
  }
}

const KM_PER_DEGREE = 111.195;

export async function listViewport(
  db: Db,
  query: TMapQuery,
  options: TListOptions = {},
  opts: { now?: Date } = {},
): Promise<TListPage> {
  const { limit, cursor, sort } = ZListOptions.parse(options);
  const where = matchingStationsWhere(query.bbox, query, opts.now ?? new Date());
  const c = bboxCentre(query.bbox);
  // Equirectangular distance: plenty for ordering a viewport's stations.
  // The longitude difference wraps, so a box across the antimeridian works.
  const dLng = sql`(s.lng - ${c.lng}::float8 - 360 * round((s.lng - ${c.lng}::float8) / 360))`;
  const distance = sql`(${KM_PER_DEGREE}::float8 * sqrt(power(s.lat - ${c.lat}::float8, 2)
    + power(${dLng} * ${Math.cos((c.lat * Math.PI) / 180)}::float8, 2)))`;
  const key = sort === "distance" ? distance : sql`s.name`;

  let after = empty;
  if (cursor) {
    const k = decodeCursor(cursor, sort);
    after = sort === "distance"
      ? sql` AND (${distance}, s.id) > (${k.k}::float8, ${k.id}::uuid)`
      : sql` AND (s.name, s.id) > (${k.k}::text, ${k.id}::uuid)`;
  }

  const rows = await db.$queryRaw<(Parameters<typeof toStationItem>[0] & { address: string | null; city: string | null; k: number | string; distance_km: number })[]>`
    SELECT ${STATION_COLUMNS}, s.address, s.city, ${key} AS k, ${distance} AS distance_km
    FROM stations s LEFT JOIN operators o ON o.id = s.operator_id
    WHERE ${where}${after}
    ORDER BY k, s.id
    LIMIT ${limit + 1}::int`;

  const page = rows.slice(0, limit);
  const items: TListItem[] = page.map((r) => {
    const { type: _type, ...station } = toStationItem(r);
    return { ...station, address: r.address, city: r.city, distanceKm: Math.round(r.distance_km * 100) / 100 };
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.k, last.id) : null };
}
