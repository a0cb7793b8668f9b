-- AlterTable
ALTER TABLE "owner_station_days" ADD COLUMN     "unpaid_energy_wh" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "unpaid_sessions" INTEGER NOT NULL DEFAULT 0;

-- Days stored before this rule counted refused-but-charged sessions as sales:
-- drop them; the owner-rollup job recomputes them (the money rows cascade).
DELETE FROM "owner_station_days";
