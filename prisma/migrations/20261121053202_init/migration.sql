-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('DRIVER', 'OWNER', 'GARAGE_ADMIN', 'MOBILE_PROVIDER', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'INACTIVE');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE', 'OTHER');

-- CreateEnum
CREATE TYPE "SiteKind" AS ENUM ('GARAGE', 'PUBLIC');

-- CreateEnum
CREATE TYPE "SyncSource" AS ENUM ('URL', 'FILE');

-- CreateEnum
CREATE TYPE "SyncMode" AS ENUM ('FULL', 'INCREMENTAL');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "StationStatus" AS ENUM ('PENDING_APPROVAL', 'ACTIVE', 'INACTIVE', 'MAINTENANCE', 'SUSPENDED', 'REMOVED');

-- CreateEnum
CREATE TYPE "Availability" AS ENUM ('AVAILABLE', 'BUSY', 'OUT_OF_ORDER', 'OFFLINE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('ACCEPTED', 'PENDING', 'REJECTED');

-- CreateEnum
CREATE TYPE "ChargingSpeed" AS ENUM ('SLOW', 'FAST', 'SUPERFAST');

-- CreateEnum
CREATE TYPE "ConnectorType" AS ENUM ('TYPE1', 'TYPE2', 'CCS', 'CHADEMO', 'GBT', 'TESLA', 'SCHUKO', 'OTHER');

-- CreateEnum
CREATE TYPE "PowerType" AS ENUM ('AC_1_PHASE', 'AC_3_PHASE', 'DC');

-- CreateEnum
CREATE TYPE "ConnectorStatus" AS ENUM ('AVAILABLE', 'PREPARING', 'CHARGING', 'SUSPENDED_EVSE', 'SUSPENDED_EV', 'FINISHING', 'RESERVED', 'UNAVAILABLE', 'FAULTED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "MediaType" AS ENUM ('IMAGE', 'VIDEO', 'VIEW_360', 'FLOOR_PLAN');

-- CreateEnum
CREATE TYPE "ConnectionEvent" AS ENUM ('CONNECTED', 'DISCONNECTED', 'REPLACED');

-- CreateEnum
CREATE TYPE "IncidentKind" AS ENUM ('UNKNOWN_TRANSACTION', 'TRANSACTION_ALREADY_STOPPED', 'PLACEHOLDER_TRANSACTION', 'CLOCK_SKEW', 'METER_DECREASE', 'UNKNOWN_TOKEN', 'PROTOCOL_ERROR', 'UNKNOWN_CHARGER');

-- CreateEnum
CREATE TYPE "CommandStatus" AS ENUM ('QUEUED', 'SENT', 'ANSWERED', 'FAILED', 'TIMED_OUT');

-- CreateEnum
CREATE TYPE "TokenStatus" AS ENUM ('ACCEPTED', 'BLOCKED', 'EXPIRED', 'INVALID');

-- CreateEnum
CREATE TYPE "TokenType" AS ENUM ('RFID', 'APP', 'OTHER');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('PENDING', 'ACTIVE', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentMethodKind" AS ENUM ('CARD', 'WALLET', 'RFID_ACCOUNT', 'INVOICE', 'FREE');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('PENDING', 'CONFIRMED', 'ACTIVE', 'COMPLETED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentProvider" AS ENUM ('STRIPE', 'DEMO', 'WALLET');

-- CreateEnum
CREATE TYPE "PaymentPurpose" AS ENUM ('SESSION', 'BOOKING', 'NO_SHOW_FEE', 'WALLET_TOPUP', 'MOBILE_REQUEST');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'PROCESSED', 'FAILED');

-- CreateEnum
CREATE TYPE "WebhookStatus" AS ENUM ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED');

-- CreateEnum
CREATE TYPE "LedgerType" AS ENUM ('CREDIT', 'DEBIT', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('DRAFT', 'ISSUED', 'PAID');

-- CreateEnum
CREATE TYPE "PointsTxType" AS ENUM ('EARNED', 'SPENT', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('PENDING', 'COMPLETED');

-- CreateEnum
CREATE TYPE "IssueType" AS ENUM ('OFFLINE', 'DAMAGED', 'DIRTY', 'LOCATION_WRONG', 'CONNECTOR_ERROR', 'PAYMENT_PROBLEM', 'AMENITY_ISSUE', 'OTHER');

-- CreateEnum
CREATE TYPE "IssuePriority" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "IssueStatus" AS ENUM ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED');

-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('BOOKING', 'SESSION', 'PAYMENT', 'ISSUE', 'MOBILE', 'PROMOTION', 'SYSTEM', 'SECURITY');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'PUSH', 'SMS', 'EMAIL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ConfigType" AS ENUM ('STRING', 'INTEGER', 'DECIMAL', 'BOOLEAN', 'JSON');

-- CreateEnum
CREATE TYPE "LogLevel" AS ENUM ('DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL');

-- CreateEnum
CREATE TYPE "ServiceStatus" AS ENUM ('PENDING_REVIEW', 'ACTIVE', 'INACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "TravelFeeType" AS ENUM ('FLAT', 'PER_KM');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('BUSINESS_LICENSE', 'INSURANCE', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "MobileRequestStatus" AS ENUM ('PENDING', 'CONFIRMED', 'EN_ROUTE', 'CHARGING', 'COMPLETED', 'CANCELLED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "role" "UserRole" NOT NULL DEFAULT 'DRIVER',
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "email_verified_at" TIMESTAMPTZ(3),
    "phone_verified_at" TIMESTAMPTZ(3),
    "address" TEXT,
    "vehicle" JSONB,
    "avatar_url" TEXT,
    "referral_code" TEXT NOT NULL,
    "referred_by_id" UUID,
    "last_lat" DOUBLE PRECISION,
    "last_lng" DOUBLE PRECISION,
    "last_location_at" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_settings" (
    "user_id" UUID NOT NULL,
    "preferred_language" TEXT NOT NULL DEFAULT 'en',
    "preferred_currency" TEXT NOT NULL DEFAULT 'EUR',
    "notification_preferences" JSONB NOT NULL DEFAULT '{}',
    "search_filters" JSONB NOT NULL DEFAULT '{}',
    "app_settings" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_settings_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "user_profiles" (
    "user_id" UUID NOT NULL,
    "city" TEXT,
    "date_of_birth" DATE,
    "gender" "Gender",
    "emergency_contact" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_profiles_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "user_devices" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "device_id" TEXT NOT NULL,
    "device_name" TEXT,
    "device_type" TEXT,
    "os_version" TEXT,
    "app_version" TEXT,
    "push_token" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "last_verified" TIMESTAMPTZ(3),
    "last_active_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_devices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sites" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SiteKind" NOT NULL DEFAULT 'GARAGE',
    "address" TEXT,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "energy_price_per_kwh_minor" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_admins" (
    "site_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_admins_pkey" PRIMARY KEY ("site_id","user_id")
);

-- CreateTable
CREATE TABLE "renters" (
    "id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "user_id" UUID,
    "name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "phone_number" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "renters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "parking_spots" (
    "id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "floor_level" TEXT,
    "renter_id" UUID,
    "station_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "parking_spots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operators" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "api_base_url" TEXT,
    "ocpi_version" TEXT,
    "country_code" TEXT,
    "party_id" TEXT,
    "config" JSONB NOT NULL DEFAULT '{}',
    "support_phone" TEXT,
    "website" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "sync_interval_minutes" INTEGER,
    "last_synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "operators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operator_syncs" (
    "id" UUID NOT NULL,
    "operator_id" UUID NOT NULL,
    "source" "SyncSource" NOT NULL,
    "mode" "SyncMode" NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'RUNNING',
    "file_name" TEXT,
    "date_from" TIMESTAMPTZ(3),
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "corrected" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "operator_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stations" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "site_id" UUID,
    "owner_id" UUID,
    "operator_id" UUID,
    "external_id" TEXT,
    "status" "StationStatus" NOT NULL DEFAULT 'ACTIVE',
    "availability" "Availability" NOT NULL DEFAULT 'UNKNOWN',
    "publish" BOOLEAN NOT NULL DEFAULT true,
    "address" TEXT,
    "city" TEXT,
    "postal_code" TEXT,
    "country" TEXT,
    "landmark" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "is_24x7" BOOLEAN NOT NULL DEFAULT true,
    "working_hours" JSONB,
    "contact_info" JSONB,
    "description" TEXT,
    "charging_types" "ChargingSpeed"[],
    "plug_types" "ConnectorType"[],
    "max_power_kw" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "tariff_id" UUID,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "price_per_kwh_minor" INTEGER,
    "price_per_hour_minor" INTEGER,
    "tariff_text" TEXT,
    "ocpp_identity" TEXT,
    "ocpp_password_hash" TEXT,
    "registration_status" "RegistrationStatus" NOT NULL DEFAULT 'ACCEPTED',
    "vendor" TEXT,
    "model" TEXT,
    "firmware_version" TEXT,
    "serial_number" TEXT,
    "charge_box_serial" TEXT,
    "iccid" TEXT,
    "imsi" TEXT,
    "meter_type" TEXT,
    "meter_serial_number" TEXT,
    "hardware_info" JSONB,
    "is_online" BOOLEAN NOT NULL DEFAULT false,
    "ocpp_instance_id" TEXT,
    "connected_at" TIMESTAMPTZ(3),
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "last_boot_at" TIMESTAMPTZ(3),
    "charger_status" TEXT,
    "charger_error_code" TEXT,
    "firmware_status" TEXT,
    "diagnostics_status" TEXT,
    "local_list_version" INTEGER NOT NULL DEFAULT 0,
    "last_synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connectors" (
    "id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "connector_id" INTEGER NOT NULL,
    "external_id" TEXT,
    "evse_uid" TEXT,
    "type" "ConnectorType" NOT NULL,
    "power_type" "PowerType" NOT NULL DEFAULT 'AC_3_PHASE',
    "max_power_kw" DOUBLE PRECISION NOT NULL,
    "max_voltage" INTEGER,
    "max_amperage" INTEGER,
    "status" "ConnectorStatus" NOT NULL DEFAULT 'UNKNOWN',
    "error_code" TEXT,
    "vendor_error_code" TEXT,
    "status_info" TEXT,
    "status_updated_at" TIMESTAMPTZ(3),
    "tariff_id" UUID,
    "publish" BOOLEAN NOT NULL DEFAULT true,
    "removed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "connectors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amenities" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "icon" TEXT,
    "description" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "amenities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "station_amenities" (
    "station_id" UUID NOT NULL,
    "amenity_id" UUID NOT NULL,
    "is_available" BOOLEAN NOT NULL DEFAULT true,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "station_amenities_pkey" PRIMARY KEY ("station_id","amenity_id")
);

-- CreateTable
CREATE TABLE "media_uploads" (
    "id" UUID NOT NULL,
    "uploaded_by_id" UUID,
    "file_type" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "file_size" INTEGER NOT NULL,
    "data" BYTEA,
    "url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_uploads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "station_media" (
    "id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "media_upload_id" UUID NOT NULL,
    "media_type" "MediaType" NOT NULL DEFAULT 'IMAGE',
    "title" TEXT,
    "description" TEXT,
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "station_media_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tariffs" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "owner_id" UUID,
    "operator_id" UUID,
    "external_id" TEXT,
    "currency" TEXT NOT NULL,
    "elements" JSONB NOT NULL,
    "min_price_minor" INTEGER,
    "max_price_minor" INTEGER,
    "alt_text" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tariffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "station_configuration_keys" (
    "station_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT,
    "readonly" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "station_configuration_keys_pkey" PRIMARY KEY ("station_id","key")
);

-- CreateTable
CREATE TABLE "boot_logs" (
    "id" SERIAL NOT NULL,
    "station_id" UUID NOT NULL,
    "boot_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "vendor" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "firmware_version" TEXT,
    "serial_number" TEXT,
    "charge_box_serial" TEXT,
    "iccid" TEXT,
    "imsi" TEXT,
    "meter_type" TEXT,
    "meter_serial_number" TEXT,
    "ip_address" TEXT,
    "answer" "RegistrationStatus" NOT NULL,

    CONSTRAINT "boot_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "station_status_logs" (
    "id" BIGSERIAL NOT NULL,
    "station_id" UUID NOT NULL,
    "connector_id" INTEGER NOT NULL,
    "previous_status" TEXT,
    "new_status" TEXT NOT NULL,
    "error_code" TEXT,
    "reason" TEXT,
    "additional_data" JSONB,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "station_status_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "station_connection_logs" (
    "id" BIGSERIAL NOT NULL,
    "station_id" UUID NOT NULL,
    "event" "ConnectionEvent" NOT NULL,
    "ip_address" TEXT,
    "instance_id" TEXT,
    "reason" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "station_connection_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "charger_events" (
    "id" BIGSERIAL NOT NULL,
    "station_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charger_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ocpp_incidents" (
    "id" BIGSERIAL NOT NULL,
    "station_id" UUID,
    "identity" TEXT NOT NULL,
    "kind" "IncidentKind" NOT NULL,
    "action" TEXT,
    "detail" TEXT,
    "payload" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "ocpp_incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ocpp_commands" (
    "id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "CommandStatus" NOT NULL DEFAULT 'QUEUED',
    "response" JSONB,
    "error" TEXT,
    "requested_by_id" UUID,
    "instance_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "answered_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ocpp_commands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_tokens" (
    "id" UUID NOT NULL,
    "id_tag" VARCHAR(36) NOT NULL,
    "type" "TokenType" NOT NULL DEFAULT 'RFID',
    "status" "TokenStatus" NOT NULL DEFAULT 'ACCEPTED',
    "expires_at" TIMESTAMPTZ(3),
    "parent_id_tag" TEXT,
    "site_id" UUID,
    "renter_id" UUID,
    "user_id" UUID,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "charging_sessions" (
    "id" UUID NOT NULL,
    "transaction_id" SERIAL NOT NULL,
    "station_id" UUID NOT NULL,
    "connector_id" UUID,
    "connector_number" INTEGER NOT NULL,
    "connector_type" "ConnectorType",
    "id_tag" TEXT,
    "token_id" UUID,
    "user_id" UUID,
    "renter_id" UUID,
    "parking_spot_id" UUID,
    "booking_id" UUID,
    "reservation_id" INTEGER,
    "status" "SessionStatus" NOT NULL DEFAULT 'PENDING',
    "auth_status" "TokenStatus",
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "meter_start_wh" BIGINT,
    "meter_stop_wh" BIGINT,
    "energy_wh" INTEGER,
    "last_meter_wh" BIGINT,
    "last_power_w" INTEGER,
    "last_soc_percent" INTEGER,
    "last_meter_at" TIMESTAMPTZ(3),
    "stop_reason" TEXT,
    "failure_reason" TEXT,
    "flags" TEXT[],
    "tariff_id" UUID,
    "tariff_snapshot" JSONB,
    "cost_minor" INTEGER,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "payment_method" "PaymentMethodKind",
    "target_wh" INTEGER,
    "target_amount_minor" INTEGER,
    "start_key" TEXT,
    "session_data" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "charging_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meter_readings" (
    "id" BIGSERIAL NOT NULL,
    "station_id" UUID NOT NULL,
    "connector_id" INTEGER NOT NULL,
    "session_id" UUID,
    "transaction_id" INTEGER,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "measurand" TEXT NOT NULL DEFAULT 'Energy.Active.Import.Register',
    "value" TEXT NOT NULL,
    "numeric_value" DOUBLE PRECISION,
    "unit" TEXT,
    "phase" TEXT,
    "context" TEXT,
    "location" TEXT,
    "format" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meter_readings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bookings" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "connector_id" UUID NOT NULL,
    "reservation_id" SERIAL NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "BookingStatus" NOT NULL DEFAULT 'PENDING',
    "payment_status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "currency" TEXT NOT NULL,
    "reservation_fee_minor" INTEGER NOT NULL DEFAULT 0,
    "no_show_fee_minor" INTEGER NOT NULL DEFAULT 0,
    "total_amount_minor" INTEGER NOT NULL DEFAULT 0,
    "grace_minutes" INTEGER NOT NULL DEFAULT 15,
    "free_cancel_until" TIMESTAMPTZ(3),
    "billing_details" JSONB,
    "payment_intent_id" TEXT,
    "reserve_now_sent_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_methods" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "external_id" TEXT NOT NULL,
    "brand" TEXT,
    "last4" TEXT,
    "exp_month" INTEGER,
    "exp_year" INTEGER,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_methods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_gateways" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "gateway" "PaymentProvider" NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "configuration" JSONB NOT NULL DEFAULT '{}',
    "min_amount_minor" INTEGER,
    "max_amount_minor" INTEGER,
    "supported_currencies" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_gateways_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "purpose" "PaymentPurpose" NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "currency" TEXT NOT NULL,
    "authorized_minor" INTEGER NOT NULL DEFAULT 0,
    "captured_minor" INTEGER NOT NULL DEFAULT 0,
    "refunded_minor" INTEGER NOT NULL DEFAULT 0,
    "platform_fee_minor" INTEGER NOT NULL DEFAULT 0,
    "external_id" TEXT,
    "payment_method_id" UUID,
    "session_id" UUID,
    "booking_id" UUID,
    "mobile_request_id" UUID,
    "failure_reason" TEXT,
    "gateway_response" JSONB,
    "processed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'REQUESTED',
    "external_id" TEXT,
    "requested_by_id" UUID,
    "approved_by_id" UUID,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookStatus" NOT NULL DEFAULT 'RECEIVED',
    "result" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wallets" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "balance_minor" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wallets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wallet_transactions" (
    "id" UUID NOT NULL,
    "wallet_id" UUID NOT NULL,
    "type" "LedgerType" NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "balance_before_minor" INTEGER NOT NULL,
    "balance_after_minor" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "metadata" JSONB,
    "payment_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wallet_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_accounts" (
    "user_id" UUID NOT NULL,
    "stripe_account_id" TEXT,
    "charges_enabled" BOOLEAN NOT NULL DEFAULT false,
    "payouts_enabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payout_accounts_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "payout_statements" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "period_start" DATE NOT NULL,
    "currency" TEXT NOT NULL,
    "gross_minor" INTEGER NOT NULL,
    "fees_minor" INTEGER NOT NULL,
    "refunds_minor" INTEGER NOT NULL,
    "net_minor" INTEGER NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'DRAFT',
    "external_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payout_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_points" (
    "user_id" UUID NOT NULL,
    "current_points" INTEGER NOT NULL DEFAULT 0,
    "total_points" INTEGER NOT NULL DEFAULT 0,
    "last_updated" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_points_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "points_transactions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" "PointsTxType" NOT NULL,
    "amount" INTEGER NOT NULL,
    "balance_before" INTEGER NOT NULL,
    "balance_after" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "session_id" UUID,
    "metadata" JSONB,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referrals" (
    "id" UUID NOT NULL,
    "referrer_id" UUID NOT NULL,
    "referred_user_id" UUID NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'PENDING',
    "referrer_points_awarded" INTEGER NOT NULL DEFAULT 0,
    "referred_points_awarded" INTEGER NOT NULL DEFAULT 0,
    "signed_up_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "first_session_at" TIMESTAMPTZ(3),
    "triggering_session_id" UUID,
    "points_awarded_at" TIMESTAMPTZ(3),

    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "favorites" (
    "user_id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "alias" TEXT,
    "usage_count" INTEGER NOT NULL DEFAULT 0,
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "favorites_pkey" PRIMARY KEY ("user_id","station_id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "rating" SMALLINT NOT NULL,
    "comment" TEXT,
    "owner_reply" TEXT,
    "owner_replied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "station_issues" (
    "id" UUID NOT NULL,
    "station_id" UUID NOT NULL,
    "reported_by_id" UUID NOT NULL,
    "type" "IssueType" NOT NULL,
    "description" TEXT NOT NULL,
    "images" JSONB,
    "priority" "IssuePriority" NOT NULL DEFAULT 'MEDIUM',
    "status" "IssueStatus" NOT NULL DEFAULT 'REPORTED',
    "assigned_to_id" UUID,
    "resolution_note" TEXT,
    "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "station_issues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_templates" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "title_template" JSONB NOT NULL,
    "message_template" JSONB NOT NULL,
    "description" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_rules" (
    "type" "NotificationType" NOT NULL,
    "send_in_app" BOOLEAN NOT NULL DEFAULT true,
    "send_push" BOOLEAN NOT NULL DEFAULT false,
    "send_sms" BOOLEAN NOT NULL DEFAULT false,
    "send_email" BOOLEAN NOT NULL DEFAULT false,
    "is_critical" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_rules_pkey" PRIMARY KEY ("type")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "template_id" UUID,
    "type" "NotificationType" NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "data" JSONB,
    "dedupe_key" TEXT,
    "is_read" BOOLEAN NOT NULL DEFAULT false,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_deliveries" (
    "id" UUID NOT NULL,
    "notification_id" UUID,
    "user_id" UUID,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "response" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "actor_role" "UserRole",
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_config" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "data_type" "ConfigType" NOT NULL,
    "description" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_config_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "system_logs" (
    "id" BIGSERIAL NOT NULL,
    "level" "LogLevel" NOT NULL,
    "service" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "context" JSONB,
    "trace_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "system_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_services" (
    "id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "company_name" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "description" TEXT,
    "center_lat" DOUBLE PRECISION NOT NULL,
    "center_lng" DOUBLE PRECISION NOT NULL,
    "radius_km" DOUBLE PRECISION NOT NULL,
    "charging_types" "ChargingSpeed"[],
    "plug_types" "ConnectorType"[],
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "price_per_hour_minor" INTEGER NOT NULL,
    "price_per_kwh_minor" INTEGER NOT NULL,
    "minimum_charge_minor" INTEGER NOT NULL DEFAULT 0,
    "travel_fee_type" "TravelFeeType" NOT NULL DEFAULT 'FLAT',
    "travel_fee_minor" INTEGER NOT NULL DEFAULT 0,
    "max_distance_km" DOUBLE PRECISION NOT NULL,
    "response_time_minutes" INTEGER NOT NULL,
    "is_24x7" BOOLEAN NOT NULL DEFAULT true,
    "working_hours" JSONB,
    "contact_info" JSONB,
    "vehicle_info" JSONB,
    "status" "ServiceStatus" NOT NULL DEFAULT 'PENDING_REVIEW',
    "is_premium" BOOLEAN NOT NULL DEFAULT false,
    "rating_avg" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rating_count" INTEGER NOT NULL DEFAULT 0,
    "total_services" INTEGER NOT NULL DEFAULT 0,
    "total_earnings_minor" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mobile_services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_documents" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "media_upload_id" UUID NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
    "rejection_reason" TEXT,
    "reviewed_by_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "provider_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_requests" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "address" TEXT,
    "vehicle_type" TEXT,
    "vehicle_plate" TEXT,
    "battery_level" INTEGER,
    "plug_type" "ConnectorType" NOT NULL,
    "charging_type" "ChargingSpeed",
    "energy_wanted_wh" INTEGER,
    "duration_minutes" INTEGER,
    "urgency" "Urgency" NOT NULL DEFAULT 'MEDIUM',
    "scheduled_at" TIMESTAMPTZ(3),
    "status" "MobileRequestStatus" NOT NULL DEFAULT 'PENDING',
    "distance_km" DOUBLE PRECISION NOT NULL,
    "currency" TEXT NOT NULL,
    "base_price_minor" INTEGER NOT NULL,
    "travel_fee_minor" INTEGER NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "final_energy_wh" INTEGER,
    "final_price_minor" INTEGER,
    "contact_phone" TEXT,
    "contact_email" TEXT,
    "notes" TEXT,
    "provider_lat" DOUBLE PRECISION,
    "provider_lng" DOUBLE PRECISION,
    "eta_minutes" INTEGER,
    "tracking_updated_at" TIMESTAMPTZ(3),
    "cancelled_by_id" UUID,
    "cancel_reason" TEXT,
    "refund_status" TEXT,
    "rating" SMALLINT,
    "rating_comment" TEXT,
    "rated_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mobile_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mobile_request_locations" (
    "id" BIGSERIAL NOT NULL,
    "request_id" UUID NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accuracy" DOUBLE PRECISION,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mobile_request_locations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_referral_code_key" ON "users"("referral_code");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE INDEX "users_status_idx" ON "users"("status");

-- CreateIndex
CREATE INDEX "users_referred_by_id_idx" ON "users"("referred_by_id");

-- CreateIndex
CREATE INDEX "users_created_at_idx" ON "users"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "user_devices_device_id_key" ON "user_devices"("device_id");

-- CreateIndex
CREATE INDEX "user_devices_user_id_idx" ON "user_devices"("user_id");

-- CreateIndex
CREATE INDEX "login_attempts_email_created_at_idx" ON "login_attempts"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempts_ip_created_at_idx" ON "login_attempts"("ip", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_created_by_id_idx" ON "api_keys"("created_by_id");

-- CreateIndex
CREATE INDEX "site_admins_user_id_idx" ON "site_admins"("user_id");

-- CreateIndex
CREATE INDEX "renters_site_id_is_active_idx" ON "renters"("site_id", "is_active");

-- CreateIndex
CREATE INDEX "renters_user_id_idx" ON "renters"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "parking_spots_station_id_key" ON "parking_spots"("station_id");

-- CreateIndex
CREATE INDEX "parking_spots_renter_id_idx" ON "parking_spots"("renter_id");

-- CreateIndex
CREATE UNIQUE INDEX "parking_spots_site_id_label_key" ON "parking_spots"("site_id", "label");

-- CreateIndex
CREATE UNIQUE INDEX "operators_name_key" ON "operators"("name");

-- CreateIndex
CREATE INDEX "operator_syncs_operator_id_started_at_idx" ON "operator_syncs"("operator_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "stations_ocpp_identity_key" ON "stations"("ocpp_identity");

-- CreateIndex
CREATE INDEX "stations_site_id_idx" ON "stations"("site_id");

-- CreateIndex
CREATE INDEX "stations_tariff_id_idx" ON "stations"("tariff_id");

-- CreateIndex
CREATE INDEX "stations_status_idx" ON "stations"("status");

-- CreateIndex
CREATE INDEX "stations_lat_lng_idx" ON "stations"("lat", "lng");

-- CreateIndex
CREATE UNIQUE INDEX "stations_operator_id_external_id_key" ON "stations"("operator_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "stations_owner_id_name_key" ON "stations"("owner_id", "name");

-- CreateIndex
CREATE INDEX "connectors_tariff_id_idx" ON "connectors"("tariff_id");

-- CreateIndex
CREATE INDEX "connectors_type_max_power_kw_idx" ON "connectors"("type", "max_power_kw");

-- CreateIndex
CREATE UNIQUE INDEX "connectors_station_id_connector_id_key" ON "connectors"("station_id", "connector_id");

-- CreateIndex
CREATE UNIQUE INDEX "amenities_code_key" ON "amenities"("code");

-- CreateIndex
CREATE INDEX "station_amenities_amenity_id_station_id_idx" ON "station_amenities"("amenity_id", "station_id");

-- CreateIndex
CREATE INDEX "media_uploads_uploaded_by_id_idx" ON "media_uploads"("uploaded_by_id");

-- CreateIndex
CREATE INDEX "station_media_station_id_idx" ON "station_media"("station_id");

-- CreateIndex
CREATE INDEX "station_media_media_upload_id_idx" ON "station_media"("media_upload_id");

-- CreateIndex
CREATE INDEX "tariffs_owner_id_idx" ON "tariffs"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "tariffs_operator_id_external_id_key" ON "tariffs"("operator_id", "external_id");

-- CreateIndex
CREATE INDEX "boot_logs_station_id_boot_time_idx" ON "boot_logs"("station_id", "boot_time");

-- CreateIndex
CREATE INDEX "station_status_logs_station_id_received_at_idx" ON "station_status_logs"("station_id", "received_at");

-- CreateIndex
CREATE INDEX "station_connection_logs_station_id_at_idx" ON "station_connection_logs"("station_id", "at");

-- CreateIndex
CREATE INDEX "charger_events_station_id_received_at_idx" ON "charger_events"("station_id", "received_at");

-- CreateIndex
CREATE INDEX "ocpp_incidents_station_id_created_at_idx" ON "ocpp_incidents"("station_id", "created_at");

-- CreateIndex
CREATE INDEX "ocpp_incidents_kind_created_at_idx" ON "ocpp_incidents"("kind", "created_at");

-- CreateIndex
CREATE INDEX "ocpp_commands_station_id_created_at_idx" ON "ocpp_commands"("station_id", "created_at");

-- CreateIndex
CREATE INDEX "ocpp_commands_status_created_at_idx" ON "ocpp_commands"("status", "created_at");

-- CreateIndex
CREATE INDEX "ocpp_commands_requested_by_id_idx" ON "ocpp_commands"("requested_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_tokens_id_tag_key" ON "auth_tokens"("id_tag");

-- CreateIndex
CREATE INDEX "auth_tokens_site_id_idx" ON "auth_tokens"("site_id");

-- CreateIndex
CREATE INDEX "auth_tokens_renter_id_idx" ON "auth_tokens"("renter_id");

-- CreateIndex
CREATE INDEX "auth_tokens_user_id_idx" ON "auth_tokens"("user_id");

-- CreateIndex
CREATE INDEX "auth_tokens_parent_id_tag_idx" ON "auth_tokens"("parent_id_tag");

-- CreateIndex
CREATE UNIQUE INDEX "charging_sessions_transaction_id_key" ON "charging_sessions"("transaction_id");

-- CreateIndex
CREATE UNIQUE INDEX "charging_sessions_start_key_key" ON "charging_sessions"("start_key");

-- CreateIndex
CREATE INDEX "charging_sessions_station_id_started_at_idx" ON "charging_sessions"("station_id", "started_at");

-- CreateIndex
CREATE INDEX "charging_sessions_connector_id_idx" ON "charging_sessions"("connector_id");

-- CreateIndex
CREATE INDEX "charging_sessions_token_id_started_at_idx" ON "charging_sessions"("token_id", "started_at");

-- CreateIndex
CREATE INDEX "charging_sessions_user_id_started_at_idx" ON "charging_sessions"("user_id", "started_at");

-- CreateIndex
CREATE INDEX "charging_sessions_renter_id_started_at_idx" ON "charging_sessions"("renter_id", "started_at");

-- CreateIndex
CREATE INDEX "charging_sessions_parking_spot_id_idx" ON "charging_sessions"("parking_spot_id");

-- CreateIndex
CREATE INDEX "charging_sessions_booking_id_idx" ON "charging_sessions"("booking_id");

-- CreateIndex
CREATE INDEX "charging_sessions_tariff_id_idx" ON "charging_sessions"("tariff_id");

-- CreateIndex
CREATE INDEX "charging_sessions_status_idx" ON "charging_sessions"("status");

-- CreateIndex
CREATE INDEX "meter_readings_session_id_timestamp_idx" ON "meter_readings"("session_id", "timestamp");

-- CreateIndex
CREATE INDEX "meter_readings_station_id_timestamp_idx" ON "meter_readings"("station_id", "timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "bookings_reservation_id_key" ON "bookings"("reservation_id");

-- CreateIndex
CREATE INDEX "bookings_user_id_starts_at_idx" ON "bookings"("user_id", "starts_at");

-- CreateIndex
CREATE INDEX "bookings_station_id_starts_at_idx" ON "bookings"("station_id", "starts_at");

-- CreateIndex
CREATE INDEX "bookings_connector_id_starts_at_idx" ON "bookings"("connector_id", "starts_at");

-- CreateIndex
CREATE INDEX "bookings_status_starts_at_idx" ON "bookings"("status", "starts_at");

-- CreateIndex
CREATE INDEX "payment_methods_user_id_idx" ON "payment_methods"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_methods_provider_external_id_key" ON "payment_methods"("provider", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_gateways_name_key" ON "payment_gateways"("name");

-- CreateIndex
CREATE UNIQUE INDEX "payments_external_id_key" ON "payments"("external_id");

-- CreateIndex
CREATE INDEX "payments_user_id_created_at_idx" ON "payments"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "payments_payment_method_id_idx" ON "payments"("payment_method_id");

-- CreateIndex
CREATE INDEX "payments_session_id_idx" ON "payments"("session_id");

-- CreateIndex
CREATE INDEX "payments_booking_id_idx" ON "payments"("booking_id");

-- CreateIndex
CREATE INDEX "payments_mobile_request_id_idx" ON "payments"("mobile_request_id");

-- CreateIndex
CREATE INDEX "payments_status_created_at_idx" ON "payments"("status", "created_at");

-- CreateIndex
CREATE INDEX "refunds_payment_id_idx" ON "refunds"("payment_id");

-- CreateIndex
CREATE INDEX "refunds_requested_by_id_idx" ON "refunds"("requested_by_id");

-- CreateIndex
CREATE INDEX "refunds_approved_by_id_idx" ON "refunds"("approved_by_id");

-- CreateIndex
CREATE INDEX "webhook_events_received_at_idx" ON "webhook_events"("received_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_events_provider_event_id_key" ON "webhook_events"("provider", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "wallets_user_id_key" ON "wallets"("user_id");

-- CreateIndex
CREATE INDEX "wallet_transactions_wallet_id_created_at_idx" ON "wallet_transactions"("wallet_id", "created_at");

-- CreateIndex
CREATE INDEX "wallet_transactions_payment_id_idx" ON "wallet_transactions"("payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "payout_accounts_stripe_account_id_key" ON "payout_accounts"("stripe_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "payout_statements_user_id_period_start_currency_key" ON "payout_statements"("user_id", "period_start", "currency");

-- CreateIndex
CREATE INDEX "points_transactions_user_id_created_at_idx" ON "points_transactions"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "referrals_referred_user_id_key" ON "referrals"("referred_user_id");

-- CreateIndex
CREATE INDEX "referrals_referrer_id_idx" ON "referrals"("referrer_id");

-- CreateIndex
CREATE INDEX "favorites_station_id_idx" ON "favorites"("station_id");

-- CreateIndex
CREATE INDEX "reviews_station_id_created_at_idx" ON "reviews"("station_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_user_id_station_id_key" ON "reviews"("user_id", "station_id");

-- CreateIndex
CREATE INDEX "station_issues_station_id_reported_at_idx" ON "station_issues"("station_id", "reported_at");

-- CreateIndex
CREATE INDEX "station_issues_reported_by_id_idx" ON "station_issues"("reported_by_id");

-- CreateIndex
CREATE INDEX "station_issues_assigned_to_id_idx" ON "station_issues"("assigned_to_id");

-- CreateIndex
CREATE INDEX "station_issues_status_priority_idx" ON "station_issues"("status", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "notification_templates_name_key" ON "notification_templates"("name");

-- CreateIndex
CREATE UNIQUE INDEX "notification_templates_slug_key" ON "notification_templates"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications"("dedupe_key");

-- CreateIndex
CREATE INDEX "notifications_user_id_is_read_created_at_idx" ON "notifications"("user_id", "is_read", "created_at");

-- CreateIndex
CREATE INDEX "notifications_template_id_idx" ON "notifications"("template_id");

-- CreateIndex
CREATE INDEX "notification_deliveries_notification_id_idx" ON "notification_deliveries"("notification_id");

-- CreateIndex
CREATE INDEX "notification_deliveries_user_id_idx" ON "notification_deliveries"("user_id");

-- CreateIndex
CREATE INDEX "notification_deliveries_status_created_at_idx" ON "notification_deliveries"("status", "created_at");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_created_at_idx" ON "audit_logs"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at");

-- CreateIndex
CREATE INDEX "app_config_updated_by_id_idx" ON "app_config"("updated_by_id");

-- CreateIndex
CREATE INDEX "system_logs_level_created_at_idx" ON "system_logs"("level", "created_at");

-- CreateIndex
CREATE INDEX "mobile_services_provider_id_idx" ON "mobile_services"("provider_id");

-- CreateIndex
CREATE INDEX "mobile_services_status_center_lat_center_lng_idx" ON "mobile_services"("status", "center_lat", "center_lng");

-- CreateIndex
CREATE INDEX "provider_documents_service_id_idx" ON "provider_documents"("service_id");

-- CreateIndex
CREATE INDEX "provider_documents_media_upload_id_idx" ON "provider_documents"("media_upload_id");

-- CreateIndex
CREATE INDEX "provider_documents_reviewed_by_id_idx" ON "provider_documents"("reviewed_by_id");

-- CreateIndex
CREATE INDEX "mobile_requests_user_id_status_idx" ON "mobile_requests"("user_id", "status");

-- CreateIndex
CREATE INDEX "mobile_requests_service_id_status_idx" ON "mobile_requests"("service_id", "status");

-- CreateIndex
CREATE INDEX "mobile_requests_cancelled_by_id_idx" ON "mobile_requests"("cancelled_by_id");

-- CreateIndex
CREATE INDEX "mobile_request_locations_request_id_recorded_at_idx" ON "mobile_request_locations"("request_id", "recorded_at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_referred_by_id_fkey" FOREIGN KEY ("referred_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_settings" ADD CONSTRAINT "user_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_devices" ADD CONSTRAINT "user_devices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_admins" ADD CONSTRAINT "site_admins_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_admins" ADD CONSTRAINT "site_admins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "renters" ADD CONSTRAINT "renters_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "renters" ADD CONSTRAINT "renters_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parking_spots" ADD CONSTRAINT "parking_spots_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parking_spots" ADD CONSTRAINT "parking_spots_renter_id_fkey" FOREIGN KEY ("renter_id") REFERENCES "renters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parking_spots" ADD CONSTRAINT "parking_spots_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operator_syncs" ADD CONSTRAINT "operator_syncs_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stations" ADD CONSTRAINT "stations_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stations" ADD CONSTRAINT "stations_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stations" ADD CONSTRAINT "stations_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stations" ADD CONSTRAINT "stations_tariff_id_fkey" FOREIGN KEY ("tariff_id") REFERENCES "tariffs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_tariff_id_fkey" FOREIGN KEY ("tariff_id") REFERENCES "tariffs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_amenities" ADD CONSTRAINT "station_amenities_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_amenities" ADD CONSTRAINT "station_amenities_amenity_id_fkey" FOREIGN KEY ("amenity_id") REFERENCES "amenities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_uploads" ADD CONSTRAINT "media_uploads_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_media" ADD CONSTRAINT "station_media_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_media" ADD CONSTRAINT "station_media_media_upload_id_fkey" FOREIGN KEY ("media_upload_id") REFERENCES "media_uploads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_configuration_keys" ADD CONSTRAINT "station_configuration_keys_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "boot_logs" ADD CONSTRAINT "boot_logs_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_status_logs" ADD CONSTRAINT "station_status_logs_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_connection_logs" ADD CONSTRAINT "station_connection_logs_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charger_events" ADD CONSTRAINT "charger_events_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ocpp_incidents" ADD CONSTRAINT "ocpp_incidents_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ocpp_commands" ADD CONSTRAINT "ocpp_commands_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ocpp_commands" ADD CONSTRAINT "ocpp_commands_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_renter_id_fkey" FOREIGN KEY ("renter_id") REFERENCES "renters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "auth_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_renter_id_fkey" FOREIGN KEY ("renter_id") REFERENCES "renters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_parking_spot_id_fkey" FOREIGN KEY ("parking_spot_id") REFERENCES "parking_spots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_tariff_id_fkey" FOREIGN KEY ("tariff_id") REFERENCES "tariffs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "charging_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_payment_method_id_fkey" FOREIGN KEY ("payment_method_id") REFERENCES "payment_methods"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "charging_sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_mobile_request_id_fkey" FOREIGN KEY ("mobile_request_id") REFERENCES "mobile_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wallet_transactions" ADD CONSTRAINT "wallet_transactions_wallet_id_fkey" FOREIGN KEY ("wallet_id") REFERENCES "wallets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wallet_transactions" ADD CONSTRAINT "wallet_transactions_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_statements" ADD CONSTRAINT "payout_statements_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_points" ADD CONSTRAINT "user_points_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_transactions" ADD CONSTRAINT "points_transactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_id_fkey" FOREIGN KEY ("referrer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referred_user_id_fkey" FOREIGN KEY ("referred_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "favorites" ADD CONSTRAINT "favorites_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "favorites" ADD CONSTRAINT "favorites_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_issues" ADD CONSTRAINT "station_issues_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_issues" ADD CONSTRAINT "station_issues_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "station_issues" ADD CONSTRAINT "station_issues_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "notification_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_config" ADD CONSTRAINT "app_config_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_services" ADD CONSTRAINT "mobile_services_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_documents" ADD CONSTRAINT "provider_documents_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "mobile_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_documents" ADD CONSTRAINT "provider_documents_media_upload_id_fkey" FOREIGN KEY ("media_upload_id") REFERENCES "media_uploads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_documents" ADD CONSTRAINT "provider_documents_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_requests" ADD CONSTRAINT "mobile_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_requests" ADD CONSTRAINT "mobile_requests_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "mobile_services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_requests" ADD CONSTRAINT "mobile_requests_cancelled_by_id_fkey" FOREIGN KEY ("cancelled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mobile_request_locations" ADD CONSTRAINT "mobile_request_locations_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "mobile_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────── Hand-written: rules Prisma's schema language cannot express ─────────

-- Two live bookings of one connector can never overlap, even when requests race.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("connector_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('PENDING', 'CONFIRMED', 'ACTIVE'));
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_period_valid" CHECK ("ends_at" > "starts_at");

-- Money and ratings stay in range whatever code writes them.
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_balance_not_negative" CHECK ("balance_minor" >= 0);
ALTER TABLE "wallet_transactions" ADD CONSTRAINT "wallet_transactions_balance_consistent"
  CHECK ("balance_after_minor" >= 0 AND "balance_after_minor" = "balance_before_minor" +
         CASE WHEN "type" = 'DEBIT' THEN -"amount_minor" ELSE "amount_minor" END);
ALTER TABLE "payments" ADD CONSTRAINT "payments_amounts_consistent"
  CHECK ("authorized_minor" >= 0 AND "captured_minor" >= 0 AND "refunded_minor" >= 0
         AND "refunded_minor" <= "captured_minor" AND "platform_fee_minor" >= 0);
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "mobile_requests" ADD CONSTRAINT "mobile_requests_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "mobile_requests" ADD CONSTRAINT "mobile_requests_battery_range" CHECK ("battery_level" IS NULL OR "battery_level" BETWEEN 0 AND 100);
ALTER TABLE "mobile_services" ADD CONSTRAINT "mobile_services_area_valid"
  CHECK ("center_lat" BETWEEN -90 AND 90 AND "center_lng" BETWEEN -180 AND 180 AND "radius_km" > 0);
ALTER TABLE "stations" ADD CONSTRAINT "stations_position_valid" CHECK ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180);

-- The audit log is append-only: history cannot be edited or erased.
CREATE FUNCTION "audit_logs_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only';
END $$;
CREATE TRIGGER "audit_logs_no_update" BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "audit_logs_append_only"();
CREATE TRIGGER "audit_logs_no_truncate" BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_logs_append_only"();
