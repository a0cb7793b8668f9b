-- One row per MeterValue element instead of one per sampled value. Existing
-- readings are regrouped (same station, connector, transaction and timestamp)
-- into one row whose sampled_values keep every field as it was stored.
CREATE TEMP TABLE meter_readings_regrouped AS
SELECT min(id) AS id, station_id, connector_id, session_id, transaction_id, "timestamp",
       jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
         'value', value, 'measurand', measurand, 'phase', phase, 'unit', unit,
         'context', context, 'location', location, 'format', format)) ORDER BY id) AS sampled_values,
       (array_agg(context ORDER BY id))[1] AS context,
       max(CASE WHEN measurand = 'Energy.Active.Import.Register' AND phase IS NULL AND numeric_value IS NOT NULL
                THEN round(numeric_value * CASE WHEN unit = 'kWh' THEN 1000 ELSE 1 END)::bigint END) AS energy_wh,
       COALESCE(
         max(CASE WHEN measurand = 'Power.Active.Import' AND phase IS NULL
                  THEN numeric_value * CASE WHEN unit = 'kW' THEN 1000 ELSE 1 END END),
         sum(CASE WHEN measurand = 'Power.Active.Import' AND phase IS NOT NULL
                  THEN numeric_value * CASE WHEN unit = 'kW' THEN 1000 ELSE 1 END END)) AS power_w,
       min(received_at) AS received_at
  FROM meter_readings
 GROUP BY station_id, connector_id, session_id, transaction_id, "timestamp";

DELETE FROM meter_readings;

-- AlterTable
ALTER TABLE "meter_readings" DROP COLUMN "format",
DROP COLUMN "location",
DROP COLUMN "measurand",
DROP COLUMN "numeric_value",
DROP COLUMN "phase",
DROP COLUMN "unit",
DROP COLUMN "value",
ADD COLUMN     "energy_wh" BIGINT,
ADD COLUMN     "power_w" DOUBLE PRECISION,
ADD COLUMN     "sampled_values" JSONB NOT NULL;

INSERT INTO meter_readings (id, station_id, connector_id, session_id, transaction_id, "timestamp", sampled_values, context, energy_wh, power_w, received_at)
SELECT id, station_id, connector_id, session_id, transaction_id, "timestamp", sampled_values, context, energy_wh, power_w, received_at
  FROM meter_readings_regrouped;

DROP TABLE meter_readings_regrouped;
