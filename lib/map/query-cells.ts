// Country and continent zooms on a large map: aggregate the pre-computed 0.25°
// cells (materialized view station_map_cells, refreshed every 30 s) instead of
// reading every station. Used only where it is exact enough and worth it:
// no filters, a grid cell at least 1° wide, and a big map (a small map is
// read live, so a station added a second ago shows at once).
import { Prisma, type Db } from "../db/client.ts";
import type { Availability } from "../db/generated/enums.ts";
import type { TMapQuery } from "./filters.ts";

const { sql } = Prisma;
const FINE = 0.25;
/** Below this many stations, reading them live is fast anyway. */
export const CELLS_FROM_STATIONS = 20_000;

export type CellAggregate = {
  cx: number; cy: number; n: number; available: number; lat: number; lng: number; best: Availability;
  max_power_kw: number; west: number; south: number; east: number; north: number; one_id: string;
};

export function hasFilters(q: TMapQuery): boolean {
  return Boolean(
    q.connectors.length || q.minPowerKw !== undefined || q.availableNow || q.openNow || q.maxPricePerKwhMinor !== undefined ||
      q.amenities.length || q.operators.length || q.q,
  );
}

let sizeCache: { at: number; big: boolean } | undefined;

/** Whether the map is large, from the planner's row estimate (no count(*) scan), cached for a minute. */
export async function mapIsLarge(db: Db): Promise<boolean> {
  if (sizeCache && Date.now() - sizeCache.at < 60_000) return sizeCache.big;
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'stations'`;
  sizeCache = { at: Date.now(), big: (rows[0]?.n ?? 0) >= CELLS_FROM_STATIONS };
  return sizeCache.big;
}

export async function cellsFromView(db: Db, q: TMapQuery, cellLng: number, cellLat: number): Promise<CellAggregate[]> {
  const b = q.bbox;
  // A fine cell belongs to the coarse cell of its stations' mean position.
  const lngCond = b.west <= b.east
    ? sql`c.east >= ${b.west}::float8 AND c.west <= ${b.east}::float8`
    : sql`(c.east >= ${b.west}::float8 OR c.west <= ${b.east}::float8)`;
  return db.$queryRaw<CellAggregate[]>`
    SELECT floor((c.lng_sum / c.n) / ${cellLng}::float8)::int AS cx, floor((c.lat_sum / c.n) / ${cellLat}::float8)::int AS cy,
      sum(c.n)::int AS n, sum(c.available)::int AS available,
      sum(c.lat_sum) / sum(c.n) AS lat, sum(c.lng_sum) / sum(c.n) AS lng,
      min(c.best)::text AS best, max(c.max_power_kw) AS max_power_kw,
      min(c.west) AS west, min(c.south) AS south, max(c.east) AS east, max(c.north) AS north,
      min(c.one_id) AS one_id
    FROM station_map_cells c
    WHERE c.north >= ${b.south}::float8 AND c.south <= ${b.north}::float8 AND ${lngCond}
    GROUP BY 1, 2`;
}

export const usesCells = (q: TMapQuery, cellLng: number) => !hasFilters(q) && cellLng >= 4 * FINE;

/** Refreshes the cells and the per-station facts (query-facts.ts) without blocking readers. */
export async function refreshMapCells(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW CONCURRENTLY station_map_cells`);
  await db.$transaction(async (tx) => {
    // One runner at a time; a second one waits and then rebuilds the other copy.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(72707370)`);
    // Rebuild the copy nobody reads and point station_map_facts at it (see
    // the map_facts_double_buffer migration). One worker: this runs every
    // 30 s beside the requests, and parallel workers would each rebuild the
    // connector aggregate; the memory keeps its sorts and hashes off disk.
    const [{ active }] = await tx.$queryRaw<{ active: string }[]>`
      SELECT CASE WHEN definition LIKE '%station_map_facts_b%' THEN 'b' ELSE 'a' END AS active
      FROM pg_views WHERE viewname = 'station_map_facts'`;
    const next = active === "a" ? "station_map_facts_b" : "station_map_facts_a";
    await tx.$executeRawUnsafe(`SET LOCAL work_mem = '64MB'`);
    await tx.$executeRawUnsafe(`SET LOCAL max_parallel_workers_per_gather = 0`);
    await tx.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW ${next}`);
    // A copy never analysed (the second one, the first time) would leave the planner guessing.
    const analysed = await tx.$queryRaw<unknown[]>`SELECT 1 FROM pg_stats WHERE tablename = ${next} LIMIT 1`;
    if (!analysed.length) await tx.$executeRawUnsafe(`ANALYZE ${next}`);
    // Swapping the view waits for the requests reading it, and requests
    // arriving meanwhile queue behind the swap: wait at most 50 ms at a
    // time, so no request stalls longer than that.
    for (let attempt = 1; ; attempt++) {
      await tx.$executeRawUnsafe(`SAVEPOINT swap`);
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '50ms'`);
      try {
        await tx.$executeRawUnsafe(`CREATE OR REPLACE VIEW station_map_facts AS SELECT * FROM ${next}`);
        await tx.$executeRawUnsafe(`RELEASE SAVEPOINT swap`);
        break;
      } catch (err) {
        await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT swap`);
        if (attempt >= 40) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = 0`);
    await tx.$executeRawUnsafe(`REFRESH MATERIALIZED VIEW CONCURRENTLY station_map_facts_version`);
  }, { timeout: 120_000, maxWait: 120_000 });
}
