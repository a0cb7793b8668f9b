// An admin adopting a charger that registered itself as Pending: give it a
// place, a password (security profile 1) and accept it. The charger learns
// at its next BootNotification; a TriggerMessage makes that immediate.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { hashChargerPassword } from "./charger-registration.ts";

export const ZAdoptCharger = z.object({
  stationId: z.string().uuid(),
  name: z.string().trim().min(1).max(120).optional(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  siteId: z.string().uuid().optional(),
  ownerId: z.string().uuid().optional(),
  password: z.string().min(8, "The charger password needs at least 8 characters").max(40),
  publish: z.boolean().default(true),
});
export type TAdoptCharger = z.input<typeof ZAdoptCharger>;

export async function adoptCharger(db: Db, input: TAdoptCharger) {
  const data = ZAdoptCharger.parse(input);
  const station = await db.station.findUnique({ where: { id: data.stationId }, select: { ocppIdentity: true, registrationStatus: true } });
  if (!station?.ocppIdentity) throw new Error("No OCPP charger with this id");
  return db.station.update({
    where: { id: data.stationId },
    data: {
      name: data.name,
      lat: data.lat,
      lng: data.lng,
      siteId: data.siteId,
      ownerId: data.ownerId,
      publish: data.publish,
      status: "ACTIVE",
      registrationStatus: "ACCEPTED",
      ocppPasswordHash: await hashChargerPassword(data.password),
    },
  });
}

/** Sets or replaces a charger's OCPP password (the charger must then use it on its next connection). */
export async function setChargerPassword(db: Db, stationId: string, password: string) {
  const hash = await hashChargerPassword(password);
  await db.station.update({ where: { id: stationId }, data: { ocppPasswordHash: hash } });
}
