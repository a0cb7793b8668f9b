// Messages kept as they came (DataTransfer, firmware and diagnostics progress),
// plus the station's current firmware/diagnostics status for the admin pages.
import type { Db } from "../db/client.ts";
import type { TChargerRef } from "./types.ts";

export async function recordChargerEvent(
  db: Db,
  input: TChargerRef & { action: string; payload: unknown; firmwareStatus?: string; diagnosticsStatus?: string },
): Promise<void> {
  const ops = [
    db.chargerEvent.create({ data: { stationId: input.stationId, action: input.action, payload: JSON.parse(JSON.stringify(input.payload ?? {})) } }),
  ];
  if (input.firmwareStatus !== undefined || input.diagnosticsStatus !== undefined) {
    ops.push(
      db.station.update({
        where: { id: input.stationId },
        data: { firmwareStatus: input.firmwareStatus, diagnosticsStatus: input.diagnosticsStatus },
      }) as never,
    );
  }
  await db.$transaction(ops);
}
