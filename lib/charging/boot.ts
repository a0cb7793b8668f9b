// BootNotification: what the hardware says about itself goes on the station
// and into the boot log; the registration status decides the answer.
import type { Db, RegistrationStatus } from "../db/client.ts";
import { hotQuery } from "./hot-sql.ts";
import type { TChargerRef } from "./types.ts";

export type TBootInput = TChargerRef & {
  vendor: string;
  model: string;
  firmwareVersion?: string;
  serialNumber?: string;
  chargeBoxSerial?: string;
  iccid?: string;
  imsi?: string;
  meterType?: string;
  meterSerialNumber?: string;
  ipAddress?: string;
};

export async function recordBoot(db: Db, input: TBootInput): Promise<{ registrationStatus: RegistrationStatus; at: Date }> {
  const at = new Date();
  const hw = {
    vendor: input.vendor,
    model: input.model,
    firmwareVersion: input.firmwareVersion ?? null,
    serialNumber: input.serialNumber ?? null,
    chargeBoxSerial: input.chargeBoxSerial ?? null,
    iccid: input.iccid ?? null,
    imsi: input.imsi ?? null,
    meterType: input.meterType ?? null,
    meterSerialNumber: input.meterSerialNumber ?? null,
  };
  const [row] = await hotQuery<{ answer: RegistrationStatus }>(db, BOOT_SQL, [
    input.stationId, hw.vendor, hw.model, hw.firmwareVersion, hw.serialNumber, hw.chargeBoxSerial, hw.iccid, hw.imsi,
    hw.meterType, hw.meterSerialNumber, at.toISOString(), input.ipAddress ?? null,
  ]);
  if (!row) throw new Error(`Station ${input.stationId} not found`);
  return { registrationStatus: row.answer, at };
}

// One statement (a reconnect storm boots thousands of chargers at once). A
// station an admin removed or suspended is refused even if its row still has ACCEPTED.
const BOOT_SQL = `
WITH st AS (
  UPDATE stations SET vendor = $2, model = $3, firmware_version = $4, serial_number = $5, charge_box_serial = $6, iccid = $7, imsi = $8,
         meter_type = $9, meter_serial_number = $10, last_boot_at = $11::timestamptz, last_heartbeat_at = $11::timestamptz, updated_at = now()
   WHERE id = $1::uuid
  RETURNING CASE WHEN status::text IN ('REMOVED', 'SUSPENDED') THEN 'REJECTED' ELSE registration_status::text END AS answer
),
log AS (
  INSERT INTO boot_logs (station_id, boot_time, vendor, model, firmware_version, serial_number, charge_box_serial, iccid, imsi, meter_type, meter_serial_number, ip_address, answer)
  SELECT $1::uuid, $11::timestamptz, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, answer::"RegistrationStatus" FROM st
  RETURNING 1
)
SELECT answer FROM st`;
