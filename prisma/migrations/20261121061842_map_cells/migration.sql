-- Hand-written: the map at country and continent zoom reads pre-aggregated
-- 0.25° cells instead of every station (see lib/map/query-cells.ts). The view
-- is refreshed by the platform's periodic jobs (lib/jobs/jobs.ts); live
-- availability is exact again from zoom 8 on, where stations are read directly.
CREATE MATERIALIZED VIEW "station_map_cells" AS
SELECT
  floor(s.lng / 0.25)::int AS cx,
  floor(s.lat / 0.25)::int AS cy,
  count(*)::int AS n,
  (count(*) FILTER (WHERE s.availability = 'AVAILABLE' AND s.status <> 'MAINTENANCE'))::int AS available,
  sum(s.lat) AS lat_sum,
  sum(s.lng) AS lng_sum,
  min(CASE WHEN s.status = 'MAINTENANCE' THEN 'OUT_OF_ORDER'::"Availability" ELSE s.availability END) AS best,
  max(s.max_power_kw) AS max_power_kw,
  min(s.lng) AS west, min(s.lat) AS south, max(s.lng) AS east, max(s.lat) AS north,
  min(s.id::text) AS one_id
FROM stations s
WHERE s.publish AND s.status IN ('ACTIVE', 'MAINTENANCE')
GROUP BY 1, 2;

-- Unique, so the view can be refreshed CONCURRENTLY (readers never wait).
CREATE UNIQUE INDEX "station_map_cells_cell_key" ON "station_map_cells" (cx, cy);
