// BootNotification: what the hardware says about itself goes on the station
// and into the boot log; the registration status decides the answer.
import { TX_OPTIONS } from "./types.ts";
import type { Db, RegistrationStatus } from "../db/client.ts";
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
  return db.$transaction(async (tx) => {
    const station = await tx.station.update({
      where: { id: input.stationId },
      data: { ...hw, lastBootAt: at, lastHeartbeatAt: at },
      select: { registrationStatus: true, status: true },
    });
    // A station an admin removed or suspended is refused even if its row still has ACCEPTED.
    const registrationStatus: RegistrationStatus =
      station.status === "REMOVED" || station.status === "SUSPENDED" ? "REJECTED" : station.registrationStatus;
    await tx.bootLog.create({ data: { stationId: input.stationId, bootTime: at, ...hw, ipAddress: input.ipAddress ?? null, answer: registrationStatus } });
    return { registrationStatus, at };
  }, TX_OPTIONS);
}
