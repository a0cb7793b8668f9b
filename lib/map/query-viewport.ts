// The map's one query: what to draw for a bounding box at a zoom level.
// Clustering happens in PostgreSQL (snap to a grid cell, GROUP BY cell), so
// 100,000 stations never leave the database and a response holds at most
// MAX_ITEMS pins.
import { Prisma, type Db } from "../db/client.ts";
import type { Availability, ConnectorType } from "../db/generated/enums.ts";
import type { TMapQuery } from "./filters.ts";
import { gridFor, MAX_ITEMS } from "./grid.ts";
import type { TClusterItem, TStationItem, TViewportResult } from "./types.ts";
import { matchingStationsWhere, SHOWN_AVAILABILITY } from "./where.ts";
import { cellsFromView, mapIsLarge, usesCells } from "./query-cells.ts";
import { cellsFromFacts, usesFacts } from "./query-facts.ts";

const { sql } = Prisma;

/** From this zoom on, every station is its own pin (if they fit in MAX_ITEMS). */
export const STATIONS_FROM_ZOOM = 14;


type StationRow = {
  id: string;
  name: string;
  lat: number;
  lng: number;
  availability: Availability;
  max_power_kw: number;
  plug_types: ConnectorType[] | null;
  price_per_kwh_minor: number | null;
  price_per_hour_minor: number | null;
  currency: string;
  operator_name: string | null;
};

export const STATION_COLUMNS = sql`s.id::text AS id, s.name, s.lat, s.lng, ${SHOWN_AVAILABILITY}::text AS availability,
  s.max_power_kw, s.plug_types::text[] AS plug_types, s.price_per_kwh_minor, s.price_per_hour_minor, s.currency, o.name AS operator_name`;

/** 6 decimals is 0.1 m: more digits only make a phone download more. */
const deg = (x: number) => Math.round(x * 1e6) / 1e6;

export function toStationItem(r: StationRow): TStationItem {
  return {
    type: "station",
    id: r.id,
    name: r.name,
    lat: deg(r.lat),
    lng: deg(r.lng),
    availability: r.availability,
    maxPowerKw: r.max_power_kw,
    plugTypes: r.plug_types ?? [],
    pricePerKwhMinor: r.price_per_kwh_minor,
    // Only when there is one: most stations price by energy alone, and phones pay for every byte.
    ...(r.price_per_hour_minor ? { pricePerHourMinor: r.price_per_hour_minor } : {}),
    currency: r.currency,
    ...(r.operator_name ? { operatorName: r.operator_name } : {}),
  };
}

type CellRow = {
  cx: number;
  cy: number;
  n: number;
  available: number;
  lat: number;
  lng: number;
  best: Availability;
  max_power_kw: number;
  west: number;
  south: number;
  east: number;
  north: number;
  one_id: string;
};

export async function queryViewport(
  db: Db,
  query: TMapQuery,
  /** cells: force (true) or forbid (false) the pre-aggregated cells and facts; default decides by map size. */
  opts: { now?: Date; cells?: boolean } = {},
): Promise<TViewportResult> {
  const now = opts.now ?? new Date();
  const where = matchingStationsWhere(query.bbox, query, now);

  if (query.zoom >= STATIONS_FROM_ZOOM) {
    const rows = await db.$queryRaw<StationRow[]>`
      SELECT ${STATION_COLUMNS}
      FROM stations s LEFT JOIN operators o ON o.id = s.operator_id
      WHERE ${where}
      ORDER BY s.id
      LIMIT ${MAX_ITEMS + 1}::int`;
    if (rows.length <= MAX_ITEMS) return { mode: "stations", total: rows.length, items: rows.map(toStationItem) };
  }

  const { cellLng, cellLat } = gridFor(query.bbox, query.zoom);
  // The planner cannot estimate how many cells there are (it guesses one per
  // station), so with the default work_mem it sorts 100k rows on disk
  // instead of hashing a few hundred groups: give this statement the memory.
  // With the stations in memory a random page costs about what a sequential
  // one does; at the default 4 the planner prefers reading the wide table
  // over the narrow covering index (stations_map_idx), 2-3x slower.
  // The cluster colour is the best availability inside, in the enum's order
  // (AVAILABLE, BUSY, OUT_OF_ORDER, OFFLINE, UNKNOWN).
  // Below FACTS_BELOW_ZOOM a large map reads the pre-aggregated cells
  // (unfiltered, cells >= 1°) or else the per-station facts (query-facts.ts).
  const preAggregated = (usesCells(query, cellLng) || usesFacts(query)) && (opts.cells ?? (await mapIsLarge(db)));
  const cells = !preAggregated
    ? await liveCells(db, where, cellLng, cellLat)
    : usesCells(query, cellLng)
      ? await cellsFromView(db, query, cellLng, cellLat)
      : await cellsFromFacts(db, query, cellLng, cellLat, now);

  // A cell holding one station is drawn as that station.
  const singleIds = cells.filter((c) => c.n === 1).map((c) => c.one_id);
  const singles = singleIds.length
    ? await db.$queryRaw<StationRow[]>`
        SELECT ${STATION_COLUMNS}
        FROM stations s LEFT JOIN operators o ON o.id = s.operator_id
        WHERE s.id = ANY(${singleIds}::uuid[])`
    : [];
  const byId = new Map(singles.map((r) => [r.id, r]));

  const items: (TStationItem | TClusterItem)[] = [];
  let total = 0;
  for (const c of cells) {
    total += c.n;
    const single = c.n === 1 ? byId.get(c.one_id) : undefined;
    if (single) {
      items.push(toStationItem(single));
      continue;
    }
    items.push({
      type: "cluster",
      id: `${query.zoom | 0}:${c.cx}:${c.cy}`,
      count: c.n,
      available: c.available,
      lat: deg(c.lat),
      lng: deg(c.lng),
      availability: c.best,
      maxPowerKw: c.max_power_kw,
      bounds: [deg(c.west), deg(c.south), deg(c.east), deg(c.north)],
    });
  }
  return { mode: "clusters", total, items };
}

async function liveCells(db: Db, where: Prisma.Sql, cellLng: number, cellLat: number): Promise<CellRow[]> {
  const [, , cells] = await db.$transaction([
    db.$executeRaw`SET LOCAL work_mem = '32MB'`,
    db.$executeRaw`SET LOCAL random_page_cost = 1.1`,
    db.$queryRaw<CellRow[]>`
      SELECT floor(s.lng / ${cellLng}::float8)::int AS cx, floor(s.lat / ${cellLat}::float8)::int AS cy,
        count(*)::int AS n,
        (count(*) FILTER (WHERE s.availability = 'AVAILABLE' AND s.status <> 'MAINTENANCE'))::int AS available,
        sum(s.lat) / count(*) AS lat, sum(s.lng) / count(*) AS lng,
        min(${SHOWN_AVAILABILITY})::text AS best, max(s.max_power_kw) AS max_power_kw,
        min(s.lng) AS west, min(s.lat) AS south, max(s.lng) AS east, max(s.lat) AS north,
        min(s.id::text) AS one_id
      FROM stations s
      WHERE ${where}
      GROUP BY 1, 2`,
  ]);

  return cells;
}
