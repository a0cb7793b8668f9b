// The WHERE clause shared by the map's clusters, pins and list, so all three
// always agree on which stations match. Every user value is a bound
// parameter (Prisma.sql), never concatenated into the SQL text.
import { Prisma } from "../db/client.ts";
import type { TBbox, TMapFilters } from "./filters.ts";
import { minuteOfWeekByZone } from "./local-time.ts";

const { sql, join, empty } = Prisma;

/** Published stations a driver may see; MAINTENANCE ones appear as out of order. */
export const VISIBLE = sql`s.publish AND s.status IN ('ACTIVE', 'MAINTENANCE')`;

/** Station availability as the map shows it. */
export const SHOWN_AVAILABILITY = sql`(CASE WHEN s.status = 'MAINTENANCE' THEN 'OUT_OF_ORDER'::"Availability" ELSE s.availability END)`;

export function bboxWhere(b: TBbox): Prisma.Sql {
  const lat = sql`s.lat BETWEEN ${b.south}::float8 AND ${b.north}::float8`;
  // Across the antimeridian the box is two longitude ranges.
  const lng =
    b.west <= b.east
      ? sql`s.lng BETWEEN ${b.west}::float8 AND ${b.east}::float8`
      : sql`(s.lng >= ${b.west}::float8 OR s.lng <= ${b.east}::float8)`;
  return sql`${lat} AND ${lng}`;
}

// "CCS >= 50 kW available now" means one connector that is all three, not a
// station with an available Type 2 and a busy CCS. The station's denormalised
// columns narrow the candidates cheaply; the connector check makes it exact.
// So a station listed without connector rows cannot match such a combined
// filter (a correlated "or has no connectors" fallback cost 40 ms at 100k).
function connectorWhere(f: TMapFilters): Prisma.Sql {
  const facets = [f.connectors.length > 0, f.minPowerKw !== undefined, f.availableNow].filter(Boolean).length;
  if (facets < 2) return empty;
  const conds = [sql`c.station_id = s.id AND c.publish AND NOT c.removed`];
  if (f.connectors.length) conds.push(sql`c.type = ANY(${f.connectors}::"ConnectorType"[])`);
  if (f.minPowerKw !== undefined) conds.push(sql`c.max_power_kw >= ${f.minPowerKw}::float8`);
  if (f.availableNow) conds.push(sql`c.status = 'AVAILABLE'`);
  return sql` AND EXISTS (SELECT 1 FROM connectors c WHERE ${join(conds, " AND ")})`;
}

// Working hours are kept by a database trigger as stations.open_week_minutes
// (a multirange of minutes of the week in the station's own time zone, see the
// map_viewport migration), so "open now" is one range test per row. The
// zone's current minute of the week comes from one JSON parameter.
// A station whose zone is unknown gets NULL and is not open (unless 24/7).
function openNowWhere(now: Date): Prisma.Sql {
  return sql` AND (s.is_24x7 OR s.open_week_minutes @> ((${minuteOfWeekByZone(now)}::jsonb ->> s.time_zone)::int))`;
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** The search text's words (at most 5) as ILIKE patterns: every one must match. */
export const textWords = (q: string): string[] =>
  q.split(/\s+/).filter(Boolean).slice(0, 5).map((w) => `%${likeEscape(w)}%`);

function textWhere(q: string): Prisma.Sql {
  // Every word must appear in the name, address or city ("tesla berlin").
  return join(textWords(q).map((p) => sql` AND (s.name ILIKE ${p} OR s.address ILIKE ${p} OR s.city ILIKE ${p})`), "");
}

export function matchingStationsWhere(bbox: TBbox, f: TMapFilters, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [sql`${VISIBLE} AND ${bboxWhere(bbox)}`];
  if (f.connectors.length) parts.push(sql` AND s.plug_types && ${f.connectors}::"ConnectorType"[]`);
  if (f.minPowerKw !== undefined) parts.push(sql` AND s.max_power_kw >= ${f.minPowerKw}::float8`);
  // "<> MAINTENANCE" rather than "= ACTIVE": same rows (see VISIBLE), but it
  // keeps the planner off the status index, a bad plan for a large box.
  if (f.availableNow) parts.push(sql` AND s.availability = 'AVAILABLE' AND s.status <> 'MAINTENANCE'`);
  parts.push(connectorWhere(f));
  if (f.openNow) parts.push(openNowWhere(now));
  if (f.maxPricePerKwhMinor !== undefined) {
    // Prices in another currency cannot be compared without exchange rates.
    parts.push(sql` AND s.price_per_kwh_minor <= ${f.maxPricePerKwhMinor}::int AND s.currency = ${f.currency ?? "EUR"}`);
  }
  if (f.amenities.length) {
    parts.push(sql` AND (SELECT count(*) FROM station_amenities sa JOIN amenities a ON a.id = sa.amenity_id
      WHERE sa.station_id = s.id AND sa.is_available AND a.is_active AND a.code = ANY(${f.amenities}::text[])) = ${f.amenities.length}::int`);
  }
  if (f.operators.length) parts.push(sql` AND s.operator_id = ANY(${f.operators}::uuid[])`);
  if (f.q) parts.push(textWhere(f.q));
  return join(parts, "");
}
