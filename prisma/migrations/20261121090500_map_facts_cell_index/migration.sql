-- Hand-written: the facts are stored in 0.25° cell order (cy, cx); an index
-- in the same order lets a country-sized box read only its cells' pages
-- (lib/map/facts-where.ts adds the cell range to the box). The latitude index
-- walked a whole band of latitude in random page order: 4x slower at zoom 8.
DROP INDEX "station_map_facts_a_lat_idx";
DROP INDEX "station_map_facts_b_lat_idx";
CREATE INDEX "station_map_facts_a_cell_idx" ON "station_map_facts_a" (cy, cx);
CREATE INDEX "station_map_facts_b_cell_idx" ON "station_map_facts_b" (cy, cx);
