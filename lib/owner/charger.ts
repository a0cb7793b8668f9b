// An owner's station gets an OCPP charger: we choose its identity and a strong
// random password, show the password once and keep only its bcrypt hash.
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { hashPassword } from "../auth/password.ts";
import { AppError, isUniqueViolation, notFoundError } from "../errors/app-error.ts";
import { actorOf, ownedBy, type TOwnerUser, type TRequestMeta } from "./context.ts";

/** "OWN-" and 10 characters a person can read out without confusion (no 0/O, 1/I). */
export function newIdentity(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(10);
  return `OWN-${[...bytes].map((b) => alphabet[b % alphabet.length]).join("")}`;
}

/** 144 random bits, URL-safe; OCPP 1.6 security profile 1 allows 16–40 characters. */
export function newChargerPassword(): string {
  return randomBytes(18).toString("base64url");
}

/** Where chargers connect, up to the identity: OCPP_PUBLIC_URL if set, else this host on the OCPP port. */
export function chargerUrlBase(requestHost: string | null): string {
  const base = process.env.OCPP_PUBLIC_URL?.replace(/\/+$/, "");
  if (base) return `${base}/`;
  const host = (requestHost ?? "localhost").replace(/:\d+$/, "");
  return `ws://${host}:${process.env.OCPP_PORT ?? "9000"}/ocpp/`;
}

export function chargerUrl(identity: string, requestHost: string | null): string {
  return chargerUrlBase(requestHost) + encodeURIComponent(identity);
}

/** Gives the station a charger identity (once) and a new password; returns the password to show once. */
export async function setUpCharger(db: Db, user: TOwnerUser, stationId: string, meta: TRequestMeta) {
  const password = newChargerPassword();
  const hash = await hashPassword(password);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const s = await tx.station.findFirst({ where: { id: stationId, ...ownedBy(user) }, select: { id: true, ocppIdentity: true } });
        if (!s) throw notFoundError("This station");
        const identity = s.ocppIdentity ?? newIdentity();
        await tx.station.update({ where: { id: s.id }, data: { ocppIdentity: identity, ocppPasswordHash: hash, registrationStatus: "ACCEPTED" } });
        await recordAudit(tx, {
          actor: actorOf(user), action: s.ocppIdentity ? "CHARGER_PASSWORD_REGENERATED" : "CHARGER_CREATED", entityType: "Station", entityId: s.id,
          before: { ocppIdentity: s.ocppIdentity }, after: { ocppIdentity: identity, password: "(new, not stored)" }, ...meta,
        });
        return { identity, password, regenerated: !!s.ocppIdentity };
      });
    } catch (err) {
      // Identity collision (1 in 32^10): draw again.
      if (isUniqueViolation(err, "ocpp_identity") && attempt < 3) continue;
      if (err instanceof AppError) throw err;
      throw err;
    }
  }
}

export async function chargerStatus(db: Db, user: TOwnerUser, stationId: string) {
  const s = await db.station.findFirst({
    where: { id: stationId, ...ownedBy(user) },
    select: { id: true, ocppIdentity: true, isOnline: true, lastHeartbeatAt: true, connectedAt: true, vendor: true, model: true, firmwareVersion: true, registrationStatus: true },
  });
  if (!s) throw notFoundError("This station");
  return s;
}
