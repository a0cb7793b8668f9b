-- CreateTable
CREATE TABLE "owner_station_days" (
    "station_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "day_start" TIMESTAMPTZ(3) NOT NULL,
    "day_end" TIMESTAMPTZ(3) NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "energy_wh" BIGINT NOT NULL DEFAULT 0,
    "duration_ms" BIGINT NOT NULL DEFAULT 0,
    "bookings" INTEGER NOT NULL DEFAULT 0,
    "occupied_ms" BIGINT NOT NULL DEFAULT 0,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "owner_station_days_pkey" PRIMARY KEY ("station_id","time_zone","day")
);

-- CreateTable
CREATE TABLE "owner_station_day_money" (
    "station_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "currency" TEXT NOT NULL,
    "gross" BIGINT NOT NULL DEFAULT 0,
    "fees" BIGINT NOT NULL DEFAULT 0,
    "refunds" BIGINT NOT NULL DEFAULT 0,
    "payments" INTEGER NOT NULL DEFAULT 0,
    "refund_lines" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "owner_station_day_money_pkey" PRIMARY KEY ("station_id","time_zone","day","currency")
);

-- CreateIndex
CREATE INDEX "owner_station_days_station_id_day_start_idx" ON "owner_station_days"("station_id", "day_start");

-- AddForeignKey
ALTER TABLE "owner_station_days" ADD CONSTRAINT "owner_station_days_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "owner_station_day_money" ADD CONSTRAINT "owner_station_day_money_station_id_time_zone_day_fkey" FOREIGN KEY ("station_id", "time_zone", "day") REFERENCES "owner_station_days"("station_id", "time_zone", "day") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: invalidation of the owner roll-up (lib/owner/rollup-fill.ts).
-- Any change that alters what a closed day of a station shows DELETEs that
-- day's rows (every time zone; money rows cascade). The dashboard computes
-- days without a row live, and the "owner-rollup" job fills them again.
--
-- Race-freedom: each invalidation first takes a SHARED transaction-level
-- advisory lock on the station; the filler takes the EXCLUSIVE one in its own
-- statement before it reads anything (READ COMMITTED: its next statements see
-- everything committed before the lock was granted). So either a writer
-- committed before the filler's lock (the filler sees the change), or the
-- writer's trigger waits for the filler to commit and then deletes the row it
-- has just written (the DELETE runs in a new statement snapshot of this
-- VOLATILE function, so it sees that row). Writers must run in READ COMMITTED
-- (Prisma's default): a REPEATABLE READ writer would not see the new row.
-- Lock key: (1869573999, hashtext(station id)); a collision only means waiting.
CREATE FUNCTION owner_rollup_forget(p_station uuid, p_from timestamptz, p_to timestamptz) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF p_station IS NULL OR p_from IS NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock_shared(1869573999, hashtext(p_station::text));
  DELETE FROM owner_station_days
  WHERE station_id = p_station AND day_start <= coalesce(p_to, p_from) AND day_end > p_from
    AND day_start > p_from - interval '2 days';
END $$;

-- The refunds of a payment are dated when processed, at the payment's station.
CREATE FUNCTION owner_rollup_forget_refunds(p_payment uuid, p_session uuid, p_booking uuid) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM owner_rollup_forget(coalesce(s.station_id, b.station_id), r.processed_at, r.processed_at)
  FROM refunds r
  LEFT JOIN charging_sessions s ON s.id = p_session
  LEFT JOIN bookings b ON b.id = p_booking AND p_session IS NULL
  WHERE r.payment_id = p_payment AND r.status = 'PROCESSED';
END $$;

-- A session counts on the day it started (failed starts without a start time:
-- the day it was created) and occupies every day up to its end.
CREATE FUNCTION owner_rollup_session_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM owner_rollup_forget(OLD.station_id, least(OLD.started_at, OLD.created_at),
      greatest(coalesce(OLD.ended_at, clock_timestamp()), OLD.started_at, OLD.created_at));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM owner_rollup_forget(NEW.station_id, least(NEW.started_at, NEW.created_at),
      greatest(coalesce(NEW.ended_at, clock_timestamp()), NEW.started_at, NEW.created_at));
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.station_id IS DISTINCT FROM NEW.station_id THEN
    PERFORM owner_rollup_forget(st, r.processed_at, r.processed_at)
    FROM payments p JOIN refunds r ON r.payment_id = p.id AND r.status = 'PROCESSED', unnest(ARRAY[OLD.station_id, NEW.station_id]) st
    WHERE p.session_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;

-- Only finished sessions and their start, end, energy and place matter; the
-- OCPP server's meter updates of ACTIVE sessions do not fire this at all.
CREATE TRIGGER owner_rollup_session_insert AFTER INSERT ON charging_sessions FOR EACH ROW
  WHEN (NEW.status IN ('ACTIVE', 'COMPLETED', 'FAILED')) EXECUTE FUNCTION owner_rollup_session_changed();
CREATE TRIGGER owner_rollup_session_delete AFTER DELETE ON charging_sessions FOR EACH ROW
  WHEN (OLD.status IN ('ACTIVE', 'COMPLETED', 'FAILED')) EXECUTE FUNCTION owner_rollup_session_changed();
CREATE TRIGGER owner_rollup_session_update AFTER UPDATE ON charging_sessions FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status
    OR (NEW.status IN ('ACTIVE', 'COMPLETED', 'FAILED') AND (
      OLD.started_at IS DISTINCT FROM NEW.started_at OR OLD.ended_at IS DISTINCT FROM NEW.ended_at
      OR OLD.station_id IS DISTINCT FROM NEW.station_id OR OLD.connector_number IS DISTINCT FROM NEW.connector_number
      OR OLD.created_at IS DISTINCT FROM NEW.created_at))
    OR (NEW.status IN ('COMPLETED', 'FAILED') AND OLD.energy_wh IS DISTINCT FROM NEW.energy_wh))
  EXECUTE FUNCTION owner_rollup_session_changed();

-- Payments are dated by the service: the session's start, or the booking's
-- start for a booking paid without a session.
CREATE FUNCTION owner_rollup_forget_payment(p_session uuid, p_booking uuid) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF p_session IS NOT NULL THEN
    PERFORM owner_rollup_forget(s.station_id, s.started_at, s.started_at) FROM charging_sessions s WHERE s.id = p_session;
  ELSIF p_booking IS NOT NULL THEN
    PERFORM owner_rollup_forget(b.station_id, b.starts_at, b.starts_at) FROM bookings b WHERE b.id = p_booking;
  END IF;
END $$;

CREATE FUNCTION owner_rollup_payment_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM owner_rollup_forget_payment(OLD.session_id, OLD.booking_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM owner_rollup_forget_payment(NEW.session_id, NEW.booking_id); END IF;
  IF TG_OP = 'UPDATE' AND (OLD.session_id IS DISTINCT FROM NEW.session_id OR OLD.booking_id IS DISTINCT FROM NEW.booking_id
      OR OLD.currency IS DISTINCT FROM NEW.currency) THEN
    PERFORM owner_rollup_forget_refunds(OLD.id, OLD.session_id, OLD.booking_id);
    PERFORM owner_rollup_forget_refunds(NEW.id, NEW.session_id, NEW.booking_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER owner_rollup_payment_insert AFTER INSERT ON payments FOR EACH ROW
  WHEN (NEW.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')) EXECUTE FUNCTION owner_rollup_payment_changed();
CREATE TRIGGER owner_rollup_payment_delete AFTER DELETE ON payments FOR EACH ROW
  EXECUTE FUNCTION owner_rollup_payment_changed();
CREATE TRIGGER owner_rollup_payment_update AFTER UPDATE ON payments FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.captured_minor IS DISTINCT FROM NEW.captured_minor
    OR OLD.platform_fee_minor IS DISTINCT FROM NEW.platform_fee_minor OR OLD.currency IS DISTINCT FROM NEW.currency
    OR OLD.session_id IS DISTINCT FROM NEW.session_id OR OLD.booking_id IS DISTINCT FROM NEW.booking_id)
  EXECUTE FUNCTION owner_rollup_payment_changed();

-- Refunds are dated when the money went back (processed_at).
CREATE FUNCTION owner_rollup_refund_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'PROCESSED' THEN
    PERFORM owner_rollup_forget(coalesce(s.station_id, b.station_id), OLD.processed_at, OLD.processed_at)
    FROM payments p LEFT JOIN charging_sessions s ON s.id = p.session_id LEFT JOIN bookings b ON b.id = p.booking_id AND p.session_id IS NULL
    WHERE p.id = OLD.payment_id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'PROCESSED' THEN
    PERFORM owner_rollup_forget(coalesce(s.station_id, b.station_id), NEW.processed_at, NEW.processed_at)
    FROM payments p LEFT JOIN charging_sessions s ON s.id = p.session_id LEFT JOIN bookings b ON b.id = p.booking_id AND p.session_id IS NULL
    WHERE p.id = NEW.payment_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER owner_rollup_refund_insert AFTER INSERT ON refunds FOR EACH ROW
  WHEN (NEW.status = 'PROCESSED') EXECUTE FUNCTION owner_rollup_refund_changed();
CREATE TRIGGER owner_rollup_refund_delete AFTER DELETE ON refunds FOR EACH ROW
  WHEN (OLD.status = 'PROCESSED') EXECUTE FUNCTION owner_rollup_refund_changed();
CREATE TRIGGER owner_rollup_refund_update AFTER UPDATE ON refunds FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.amount_minor IS DISTINCT FROM NEW.amount_minor
    OR OLD.processed_at IS DISTINCT FROM NEW.processed_at OR OLD.payment_id IS DISTINCT FROM NEW.payment_id)
  EXECUTE FUNCTION owner_rollup_refund_changed();

-- Bookings count on the day they start, and date the payments made without a session.
CREATE FUNCTION owner_rollup_booking_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM owner_rollup_forget(OLD.station_id, OLD.starts_at, OLD.starts_at); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM owner_rollup_forget(NEW.station_id, NEW.starts_at, NEW.starts_at); END IF;
  IF TG_OP = 'UPDATE' AND OLD.station_id IS DISTINCT FROM NEW.station_id THEN
    PERFORM owner_rollup_forget(st, r.processed_at, r.processed_at)
    FROM payments p JOIN refunds r ON r.payment_id = p.id AND r.status = 'PROCESSED', unnest(ARRAY[OLD.station_id, NEW.station_id]) st
    WHERE p.booking_id = NEW.id AND p.session_id IS NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER owner_rollup_booking_insert AFTER INSERT ON bookings FOR EACH ROW EXECUTE FUNCTION owner_rollup_booking_changed();
CREATE TRIGGER owner_rollup_booking_delete AFTER DELETE ON bookings FOR EACH ROW EXECUTE FUNCTION owner_rollup_booking_changed();
CREATE TRIGGER owner_rollup_booking_update AFTER UPDATE ON bookings FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.station_id IS DISTINCT FROM NEW.station_id)
  EXECUTE FUNCTION owner_rollup_booking_changed();

-- A station that moves to another time zone: its rows in the old zone are
-- still right for that zone but no page asks for them any more.
CREATE FUNCTION owner_rollup_station_zone_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1869573999, hashtext(NEW.id::text));
  DELETE FROM owner_station_days WHERE station_id = NEW.id AND time_zone = OLD.time_zone AND time_zone <> 'UTC';
  RETURN NULL;
END $$;

CREATE TRIGGER owner_rollup_station_zone AFTER UPDATE OF time_zone ON stations FOR EACH ROW
  WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION owner_rollup_station_zone_changed();
