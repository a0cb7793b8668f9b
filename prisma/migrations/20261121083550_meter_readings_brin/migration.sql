-- DropIndex
DROP INDEX "meter_readings_station_id_timestamp_idx";

-- CreateIndex
CREATE INDEX "meter_readings_timestamp_idx" ON "meter_readings" USING BRIN ("timestamp");
