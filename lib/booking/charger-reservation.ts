// ReserveNow at the slot start, CancelReservation when a booking ends unused or
// is cancelled. The reservation carries the driver's app idTag (RemoteStart)
// and the driver's group as parentIdTag: the charger accepts any card whose
// Authorize answer names that parent, i.e. every card of the driver
// (lib/charging/authorize-token.ts driverGroupTag), and the server refuses
// other drivers' cards on the booked connector.
import type { Booking, Db } from "../db/client.ts";
import { sendCommand } from "../ocpp/commands.ts";
import { logWarn } from "../log.ts";
import { appIdTagFor } from "../sessions/app-token.ts";
import { driverGroupTag } from "../charging/authorize-token.ts";

export async function reserveOnCharger(db: Db, booking: Pick<Booking, "id" | "userId" | "stationId" | "connectorId" | "endsAt" | "reservationId">, timeoutMs = 15_000) {
  const [station, connector] = await Promise.all([
    db.station.findUnique({ where: { id: booking.stationId }, select: { ocppIdentity: true } }),
    db.connector.findUnique({ where: { id: booking.connectorId }, select: { connectorId: true } }),
  ]);
  if (!station?.ocppIdentity || !connector) return null;
  const { idTag } = await appIdTagFor(db, booking.userId);
  const cmd = await sendCommand(db, {
    stationId: booking.stationId,
    action: "ReserveNow",
    payload: { connectorId: connector.connectorId, expiryDate: booking.endsAt.toISOString(), idTag, parentIdTag: driverGroupTag(booking.userId), reservationId: booking.reservationId },
    timeoutMs,
  }).catch((err: Error) => ({ status: "FAILED" as const, response: null, error: err.message }));
  // An answer of any kind counts as sent (Occupied/Faulted are the charger's say);
  // no answer (offline, timeout) is retried by the next sweep.
  if (cmd.status === "ANSWERED") await db.booking.update({ where: { id: booking.id }, data: { reserveNowSentAt: new Date() } });
  else logWarn("ReserveNow not delivered", { bookingId: booking.id, status: cmd.status, error: cmd.error });
  return cmd;
}

export async function cancelOnCharger(db: Db, booking: Pick<Booking, "id" | "stationId" | "reservationId" | "reserveNowSentAt">) {
  if (!booking.reserveNowSentAt) return null;
  return sendCommand(db, { stationId: booking.stationId, action: "CancelReservation", payload: { reservationId: booking.reservationId }, timeoutMs: 15_000 }).catch((err: Error) => {
    logWarn("CancelReservation not delivered", { bookingId: booking.id, error: err.message });
    return null;
  });
}
