-- AlterTable
ALTER TABLE "stations" ADD COLUMN     "open_week_minutes" int4multirange;

-- ───────── Hand-written: the map's viewport query (see lib/map, npm run bench:map) ─────────

-- Opening hours as minutes of the week, so "open now" is one range test.
-- Malformed entries are skipped (a station with bad hours counts as closed).
CREATE FUNCTION station_open_week_minutes(hours jsonb) RETURNS int4multirange
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE days text[] := '{mon,tue,wed,thu,fri,sat,sun}'; result int4multirange := '{}'; r jsonb; o int; c int;
BEGIN
  IF jsonb_typeof(hours) IS DISTINCT FROM 'object' THEN RETURN result; END IF;
  FOR i IN 1..7 LOOP
    IF jsonb_typeof(hours -> days[i]) = 'array' THEN
      FOR r IN SELECT * FROM jsonb_array_elements(hours -> days[i]) LOOP
        BEGIN
          o := (i-1)*1440 + split_part(r->>0,':',1)::int*60 + split_part(r->>0,':',2)::int;
          c := (i-1)*1440 + split_part(r->>1,':',1)::int*60 + split_part(r->>1,':',2)::int;
          IF r->>1 <= r->>0 THEN c := c + 1440; END IF;
          IF c > 10080 THEN result := result + int4multirange(int4range(o,10080), int4range(0,c-10080));
          ELSE result := result + int4multirange(int4range(o,c)); END IF;
        EXCEPTION WHEN others THEN NULL;
        END;
      END LOOP;
    END IF;
  END LOOP;
  RETURN result;
END $fn$;

CREATE FUNCTION stations_set_open_week_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.open_week_minutes := CASE WHEN NEW.is_24x7 THEN NULL ELSE station_open_week_minutes(NEW.working_hours) END;
  RETURN NEW;
END $$;

CREATE TRIGGER stations_open_week_minutes BEFORE INSERT OR UPDATE OF working_hours, is_24x7 ON stations
  FOR EACH ROW EXECUTE FUNCTION stations_set_open_week_minutes();

UPDATE stations SET open_week_minutes = station_open_week_minutes(working_hours) WHERE NOT is_24x7;

-- Covering, partial indexes: the viewport query reads only these columns of
-- the stations that can appear on the map.
CREATE INDEX "stations_map_idx" ON "stations" ("lat", "lng")
  INCLUDE ("id", "availability", "status", "max_power_kw", "plug_types")
  WHERE "publish" AND "status" IN ('ACTIVE', 'MAINTENANCE');
CREATE INDEX "connectors_map_idx" ON "connectors" ("type", "max_power_kw")
  INCLUDE ("station_id", "status") WHERE "publish" AND NOT "removed";
