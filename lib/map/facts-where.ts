// The map's filters as tests on one row of station_map_facts (see the
// map_facts migration): the same stations as matchingStationsWhere in
// where.ts, but each filter a cheap test on a narrow row, with no join and
// no per-row lookup. tests/map/query-facts.test.ts checks both agree.
import { Prisma } from "../db/client.ts";
import { CONNECTOR_TYPES, type TBbox, type TMapFilters } from "./filters.ts";
import { textWords } from "./where.ts";

const { sql, join, raw } = Prisma;

/** The view's cell size: cx = floor(lng / 0.25), cy = floor(lat / 0.25). */
const CELL = 0.25;

// The cell range first, for the (cy, cx) index in the rows' own order; then
// the exact box.
export function factsBboxWhere(b: TBbox): Prisma.Sql {
  const [cw, cs, ce, cn] = [b.west, b.south, b.east, b.north].map((d) => Math.floor(d / CELL));
  const lat = sql`f.cy BETWEEN ${cs}::int AND ${cn}::int AND f.lat BETWEEN ${b.south}::float8 AND ${b.north}::float8`;
  const lng =
    b.west <= b.east
      ? sql`f.cx BETWEEN ${cw}::int AND ${ce}::int AND f.lng BETWEEN ${b.west}::float8 AND ${b.east}::float8`
      : sql`(f.cx >= ${cw}::int OR f.cx <= ${ce}::int) AND (f.lng >= ${b.west}::float8 OR f.lng <= ${b.east}::float8)`;
  return sql`${lat} AND ${lng}`;
}

/** 1-based position of each connector type in the enum, as in the view's kw / avail_kw arrays. */
const ordinal = (t: (typeof CONNECTOR_TYPES)[number]) => CONNECTOR_TYPES.indexOf(t) + 1;

/** The UTC minute of the week (Monday 00:00 = 0), matching open_local + utc_offset_min. */
export function utcMinuteOfWeek(now: Date): number {
  return ((now.getUTCDay() + 6) % 7) * 1440 + now.getUTCHours() * 60 + now.getUTCMinutes();
}

// "Same connector is type T, >= P kW and available": the greatest of the
// per-type maxima over the chosen types (all types if none is chosen). The
// subscripts are the enum's ordinals, written into the SQL as numbers.
function connectorFacts(f: TMapFilters): Prisma.Sql[] {
  const facets = [f.connectors.length > 0, f.minPowerKw !== undefined, f.availableNow].filter(Boolean).length;
  if (facets < 2) return [];
  const column = f.availableNow ? "f.avail_kw" : "f.kw";
  const types = f.connectors.length ? f.connectors : CONNECTOR_TYPES;
  const best = raw(`GREATEST(${types.map((t) => `${column}[${ordinal(t)}]`).join(", ")})`);
  return [f.minPowerKw !== undefined ? sql`${best} >= ${f.minPowerKw}::float8` : sql`${best} > '-Infinity'::float8`];
}

export function factsWhere(bbox: TBbox | undefined, f: TMapFilters, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = bbox ? [factsBboxWhere(bbox)] : [];
  if (f.connectors.length) {
    const mask = f.connectors.reduce((m, t) => m | (1 << (ordinal(t) - 1)), 0);
    parts.push(sql`f.plugs & ${mask}::int <> 0`);
  }
  if (f.minPowerKw !== undefined) parts.push(sql`f.max_power_kw >= ${f.minPowerKw}::float8`);
  if (f.availableNow) parts.push(sql`f.shown = 'AVAILABLE'`);
  parts.push(...connectorFacts(f));
  if (f.openNow) {
    // Local minute of the week = UTC minute + the zone's offset (kept by the refresh).
    parts.push(sql`(f.is_24x7 OR f.open_local @> ((${utcMinuteOfWeek(now)}::int + 10080 + f.utc_offset_min) % 10080))`);
  }
  if (f.maxPricePerKwhMinor !== undefined) {
    parts.push(sql`f.price <= ${f.maxPricePerKwhMinor}::int AND f.currency = ${f.currency ?? "EUR"}`);
  }
  if (f.amenities.length) parts.push(sql`f.amenities @> ${f.amenities}::text[]`);
  if (f.operators.length) parts.push(sql`f.operator_id = ANY(${f.operators}::uuid[])`);
  // search is stored lower-cased: the same test as ILIKE on each field (see the migration).
  if (f.q) for (const p of textWords(f.q)) parts.push(sql`f.search LIKE lower(${p}::text)`);
  return parts.length ? join(parts, " AND ") : sql`TRUE`;
}
