// Country and continent zooms on a large map read station_map_facts (one
// narrow row per visible station, refreshed with the cells every 30 s)
// instead of joining stations, connectors and amenities live: filtered views
// always, unfiltered ones where the 0.25° cells are too coarse (zoom 7-9).
// From FACTS_BELOW_ZOOM on, and for pins and the list, reading stays live,
// so a charger's status change shows at once where pins are drawn.
import { Prisma, type Db } from "../db/client.ts";
import { Availability } from "../db/generated/enums.ts";
import type { TBbox, TMapQuery } from "./filters.ts";
import { factsWhere } from "./facts-where.ts";
import type { CellAggregate } from "./query-cells.ts";

const { sql } = Prisma;

export const FACTS_BELOW_ZOOM = 10;
/** Coarse cells at least this wide are built from cached 0.25° cells (as the unfiltered view does). */
const FROM_FINE_CELLS = 1;

/** Per-station aggregation for zooms whose cells are narrower than a degree. */
function stationCells(db: Db, q: TMapQuery, cellLng: number, cellLat: number, now: Date): Promise<CellAggregate[]> {
  // One statement, no transaction: a country-sized box holds a few thousand
  // rows (the (cy, cx) index), so the default settings plan it well, and
  // every extra round trip costs a wake-up on a busy machine.
  return db.$queryRaw<CellAggregate[]>`
    SELECT floor(f.lng / ${cellLng}::float8)::int AS cx, floor(f.lat / ${cellLat}::float8)::int AS cy,
      count(*)::int AS n, (count(*) FILTER (WHERE f.shown = 'AVAILABLE'))::int AS available,
      sum(f.lat) / count(*) AS lat, sum(f.lng) / count(*) AS lng,
      min(f.shown)::text AS best, max(f.max_power_kw) AS max_power_kw,
      min(f.lng) AS west, min(f.lat) AS south, max(f.lng) AS east, max(f.lat) AS north,
      min(f.id::text) AS one_id
    FROM station_map_facts f
    WHERE ${factsWhere(q.bbox, q, now)}
    GROUP BY 1, 2`;
}

type FineCell = {
  cx: number; cy: number; n: number; available: number; lat_sum: number; lng_sum: number; best: Availability;
  max_power_kw: number; west: number; south: number; east: number; north: number;
  /** Only for a cell of one station (it is then drawn as that station). */
  one_id: string | null;
};

// The world's 0.25° cells for one set of filters, kept until the facts are
// refreshed (station_map_facts_version) or, with "open now", the minute
// changes: panning and zooming out with the same filters then costs no scan.
// When either changes, the request that notices gets the previous cells
// while new ones are computed for the next (stale while revalidating), so
// only the first use of a filter waits for the scan (~50-100 ms of database
// CPU at 100,000 stations). Clusters thus lag the stations by one refresh
// (30 s), or one minute for "open now", plus the scan; pins stay live.
// At most ~2.5 MB each (11,000 cells for 100,000 stations over Europe).
const CACHE_SIZE = 24;
type Entry = { version: string; pending?: Promise<FineCell[]>; cells?: FineCell[] };
const cache = new Map<string, Entry>();

function cacheKey(q: TMapQuery): string {
  const { bbox: _b, zoom: _z, ...f } = q;
  return JSON.stringify({ ...f, connectors: [...f.connectors].sort(), amenities: [...f.amenities].sort(), operators: [...f.operators].sort() });
}

async function scanFineCells(db: Db, q: TMapQuery, now: Date): Promise<FineCell[]> {
  const [, , rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL work_mem = '32MB'`,
    db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
    db.$queryRaw<FineCell[]>`
      SELECT f.cx, f.cy, count(*)::int AS n, (count(*) FILTER (WHERE f.shown = 'AVAILABLE'))::int AS available,
        sum(f.lat) AS lat_sum, sum(f.lng) AS lng_sum, min(f.shown)::text AS best, max(f.max_power_kw) AS max_power_kw,
        min(f.lng) AS west, min(f.lat) AS south, max(f.lng) AS east, max(f.lat) AS north,
        CASE WHEN count(*) = 1 THEN min(f.id::text) END AS one_id
      FROM station_map_facts f
      WHERE ${factsWhere(undefined, q, now)}
      GROUP BY f.cx, f.cy
      ORDER BY f.cy, f.cx`,
  ]);
  return rows;
}

// Which refresh the facts are at, asked at most once a second (a round trip saved per request).
let version: { at: number; value: Promise<string> } | undefined;
function factsVersion(db: Db): Promise<string> {
  if (version && Date.now() - version.at < 1000) return version.value;
  const value = db.$queryRaw<{ v: string }[]>`SELECT refreshed_at::text AS v FROM station_map_facts_version`.then((r) => r[0].v);
  version = { at: Date.now(), value };
  value.catch(() => { if (version?.value === value) version = undefined; });
  return value;
}

async function worldFineCells(db: Db, q: TMapQuery, now: Date): Promise<FineCell[]> {
  const refreshed = await factsVersion(db);
  const version = q.openNow ? `${refreshed} ${Math.floor(now.getTime() / 60_000)}` : refreshed;
  const key = cacheKey(q);
  let entry = cache.get(key);
  if (entry?.version === version && (entry.cells || entry.pending)) return entry.cells ?? entry.pending!;
  const stale = entry?.cells;
  entry = { version, cells: stale };
  const e = entry;
  e.pending = scanFineCells(db, q, now).then(
    (cells) => {
      e.cells = cells;
      e.pending = undefined;
      return cells;
    },
    (err) => {
      // Not kept: the next request tries again.
      if (cache.get(key) === e) cache.delete(key);
      throw err;
    },
  );
  cache.delete(key);
  cache.set(key, e);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  if (stale) {
    e.pending.catch(() => {}); // reported by the request that waits for it, if any
    return stale;
  }
  return e.pending;
}

const AVAILABILITY_ORDER = Object.values(Availability);

/** The same grouping as cellsFromView (query-cells.ts): a fine cell joins the coarse cell of its stations' mean position. */
export function coarsen(fine: FineCell[], b: TBbox, cellLng: number, cellLat: number): CellAggregate[] {
  const out = new Map<string, CellAggregate & { latSum: number; lngSum: number }>();
  const inLng = b.west <= b.east
    ? (c: FineCell) => c.east >= b.west && c.west <= b.east
    : (c: FineCell) => c.east >= b.west || c.west <= b.east;
  // Cells are sorted by cy (0.25° rows): skip straight to the box's first row.
  let lo = 0;
  let hi = fine.length;
  const firstRow = Math.floor(b.south / 0.25) - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fine[mid].cy < firstRow) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < fine.length; i++) {
    const c = fine[i];
    if (c.cy * 0.25 > b.north) break;
    if (c.north < b.south || !inLng(c)) continue;
    const cx = Math.floor(c.lng_sum / c.n / cellLng);
    const cy = Math.floor(c.lat_sum / c.n / cellLat);
    const k = `${cx}:${cy}`;
    const a = out.get(k);
    if (!a) {
      out.set(k, { cx, cy, n: c.n, available: c.available, lat: 0, lng: 0, latSum: c.lat_sum, lngSum: c.lng_sum, best: c.best,
        max_power_kw: c.max_power_kw, west: c.west, south: c.south, east: c.east, north: c.north, one_id: c.one_id ?? "" });
      continue;
    }
    a.n += c.n;
    a.available += c.available;
    a.latSum += c.lat_sum;
    a.lngSum += c.lng_sum;
    if (AVAILABILITY_ORDER.indexOf(c.best) < AVAILABILITY_ORDER.indexOf(a.best)) a.best = c.best;
    a.max_power_kw = Math.max(a.max_power_kw, c.max_power_kw);
    a.west = Math.min(a.west, c.west);
    a.south = Math.min(a.south, c.south);
    a.east = Math.max(a.east, c.east);
    a.north = Math.max(a.north, c.north);
  }
  return [...out.values()].map(({ latSum, lngSum, ...a }) => ({ ...a, lat: latSum / a.n, lng: lngSum / a.n }));
}

export async function cellsFromFacts(db: Db, q: TMapQuery, cellLng: number, cellLat: number, now: Date): Promise<CellAggregate[]> {
  if (cellLng < FROM_FINE_CELLS) return stationCells(db, q, cellLng, cellLat, now);
  return coarsen(await worldFineCells(db, q, now), q.bbox, cellLng, cellLat);
}

/** Below FACTS_BELOW_ZOOM; unfiltered views take station_map_cells first where it fits (query-viewport.ts). */
export const usesFacts = (q: TMapQuery) => q.zoom < FACTS_BELOW_ZOOM;

/** Waits for cell scans in flight and forgets the facts' version (tests: "the next request sees the refresh"). */
export async function factsCacheSettled(): Promise<void> {
  await Promise.allSettled([...cache.values()].map((e) => e.pending));
  version = undefined;
}
