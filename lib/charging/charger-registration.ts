// Which chargers may connect. Known chargers prove themselves with their
// password (OCPP security profile 1); unknown ones are refused, listed as
// Pending for an admin to adopt, or registered outright, as configured.
import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "../db/client.ts";

export const ZUnknownChargerPolicy = z.enum(["reject", "pending", "auto"]);
export type TUnknownChargerPolicy = z.infer<typeof ZUnknownChargerPolicy>;

// The AppConfig key admins edit (seeded by lib/seed/reference-data.ts).
export const UNKNOWN_CHARGERS_SETTING = "ocpp_unknown_chargers";

export type TChargerAccount = {
  id: string;
  ocppIdentity: string;
  ocppPasswordHash: string | null;
  registrationStatus: "ACCEPTED" | "PENDING" | "REJECTED";
  status: string;
};

const accountSelect = { id: true, ocppIdentity: true, ocppPasswordHash: true, registrationStatus: true, status: true } as const;

export async function findCharger(db: Db, identity: string): Promise<TChargerAccount | null> {
  return (await db.station.findUnique({ where: { ocppIdentity: identity }, select: accountSelect })) as TChargerAccount | null;
}

/** The admin's setting (AppConfig) wins over the environment; default Pending. */
export async function unknownChargerPolicy(db: Db, fallback = process.env.OCPP_UNKNOWN_CHARGERS): Promise<TUnknownChargerPolicy> {
  const row = await db.appConfig.findUnique({ where: { key: UNKNOWN_CHARGERS_SETTING } });
  const fromDb = row?.isActive ? ZUnknownChargerPolicy.safeParse(row.value.trim().toLowerCase()) : null;
  if (fromDb?.success) return fromDb.data;
  const fromEnv = ZUnknownChargerPolicy.safeParse((fallback ?? "pending").trim().toLowerCase());
  if (!fromEnv.success) throw new Error(`OCPP_UNKNOWN_CHARGERS must be reject, pending or auto (got "${fallback}")`);
  return fromEnv.data;
}

/** Creates the station row for a charger we have never seen (policy pending or auto). */
export async function registerUnknownCharger(db: Db, identity: string, policy: "pending" | "auto"): Promise<TChargerAccount> {
  const row = await db.station.upsert({
    where: { ocppIdentity: identity },
    create: {
      name: identity,
      ocppIdentity: identity,
      lat: 0,
      lng: 0,
      // Not on the map until someone places it: lat/lng 0 is not a real place.
      publish: false,
      status: policy === "pending" ? "PENDING_APPROVAL" : "ACTIVE",
      registrationStatus: policy === "pending" ? "PENDING" : "ACCEPTED",
      availability: "UNKNOWN",
    },
    update: {},
    select: accountSelect,
  });
  return row as TChargerAccount;
}

// bcrypt costs ~50 ms a check; thousands of chargers reconnecting after a
// restart would queue behind it. Remember successful checks for this process.
const verified = new Set<string>();

export async function checkChargerPassword(hash: string, password: Buffer | string | undefined): Promise<boolean> {
  if (password === undefined) return false;
  const pw = Buffer.isBuffer(password) ? password.toString("utf8") : password;
  const key = createHash("sha256").update(hash).update("\0").update(pw).digest("hex");
  if (verified.has(key)) return true;
  const ok = await bcrypt.compare(pw, hash);
  if (ok) {
    if (verified.size > 100_000) verified.clear();
    verified.add(key);
  }
  return ok;
}

export async function hashChargerPassword(password: string): Promise<string> {
  if (password.length < 8) throw new Error("A charger password needs at least 8 characters");
  return bcrypt.hash(password, 10);
}
