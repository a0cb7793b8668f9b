-- Hand-written: the facts' search text is stored lower-cased (see below and
-- lib/map/facts-where.ts); both copies are rebuilt so whichever is read has it.
CREATE OR REPLACE VIEW "station_map_facts_source" AS
WITH conn AS (
  -- Per type the most powerful connector, and the most powerful AVAILABLE
  -- one; -Infinity where there is none. "CCS >= 50 kW available" is then
  -- avail_kw[3] >= 50: one connector that is all three, exactly.
  SELECT c.station_id,
    ARRAY[
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'TYPE1'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'TYPE2'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'CCS'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'CHADEMO'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'GBT'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'TESLA'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'SCHUKO'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'OTHER'), '-Infinity')
    ]::float8[] AS kw,
    ARRAY[
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'TYPE1' AND c.status = 'AVAILABLE'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'TYPE2' AND c.status = 'AVAILABLE'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'CCS' AND c.status = 'AVAILABLE'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'CHADEMO' AND c.status = 'AVAILABLE'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'GBT' AND c.status = 'AVAILABLE'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'TESLA' AND c.status = 'AVAILABLE'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'SCHUKO' AND c.status = 'AVAILABLE'), '-Infinity'),
      coalesce(max(c.max_power_kw) FILTER (WHERE c.type = 'OTHER' AND c.status = 'AVAILABLE'), '-Infinity')
    ]::float8[] AS avail_kw
  FROM connectors c
  WHERE c.publish AND NOT c.removed
  GROUP BY 1
), amen AS (
  SELECT sa.station_id, array_agg(a.code ORDER BY a.code) AS codes
  FROM station_amenities sa JOIN amenities a ON a.id = sa.amenity_id
  WHERE sa.is_available AND a.is_active
  GROUP BY 1
), zones AS (
  -- Each zone's UTC offset as of this refresh: "open now" is then
  -- open_local @> (UTC minute of the week + utc_offset_min), one parameter
  -- for every station. Across a DST change the offset is right again after
  -- the next refresh (every 30 s). An unknown zone joins to NULL, so such a
  -- station is never open unless 24/7, as on the live path.
  SELECT name, (extract(epoch FROM utc_offset) / 60)::int AS offset_min FROM pg_timezone_names
)
SELECT
  s.id,
  floor(s.lng / 0.25)::int AS cx,
  floor(s.lat / 0.25)::int AS cy,
  s.lat,
  s.lng,
  s.max_power_kw,
  (CASE WHEN s.status = 'MAINTENANCE' THEN 'OUT_OF_ORDER'::"Availability" ELSE s.availability END) AS shown,
  ((('TYPE1' = ANY(s.plug_types))::int << 0) |
    (('TYPE2' = ANY(s.plug_types))::int << 1) |
    (('CCS' = ANY(s.plug_types))::int << 2) |
    (('CHADEMO' = ANY(s.plug_types))::int << 3) |
    (('GBT' = ANY(s.plug_types))::int << 4) |
    (('TESLA' = ANY(s.plug_types))::int << 5) |
    (('SCHUKO' = ANY(s.plug_types))::int << 6) |
    (('OTHER' = ANY(s.plug_types))::int << 7)) AS plugs,
  s.price_per_kwh_minor AS price,
  s.is_24x7,
  z.offset_min AS utc_offset_min,
  s.operator_id,
  s.currency,
  CASE WHEN s.is_24x7 THEN NULL ELSE s.open_week_minutes END AS open_local,
  conn.kw,
  conn.avail_kw,
  coalesce(amen.codes, '{}') AS amenities,
  -- Lower-cased once here: PostgreSQL's ILIKE (UTF-8) is lower(text) LIKE
  -- lower(pattern), so "search LIKE lower(pattern)" is the same test at a
  -- third of the CPU. Words never contain a newline, so one test here is
  -- the same as one on each field.
  lower(s.name || E'\n' || coalesce(s.address, '') || E'\n' || coalesce(s.city, '')) AS search
FROM stations s
LEFT JOIN conn ON conn.station_id = s.id
LEFT JOIN amen ON amen.station_id = s.id
LEFT JOIN zones z ON z.name = s.time_zone
WHERE s.publish AND s.status IN ('ACTIVE', 'MAINTENANCE');

REFRESH MATERIALIZED VIEW "station_map_facts_a";
REFRESH MATERIALIZED VIEW "station_map_facts_b";
ANALYZE "station_map_facts_a";
ANALYZE "station_map_facts_b";
