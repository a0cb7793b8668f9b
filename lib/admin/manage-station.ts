// Admin decisions on stations: approve or suspend a listing, reinstate it,
// adopt a charger that connected unannounced. Owners hear about decisions
// on their listings in the app.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { notify } from "../notifications/notify.ts";
import { hashPassword } from "../auth/password.ts";
import { queueCommand, waitForCommand } from "../ocpp/commands.ts";
import { newChargerPassword } from "../owner/charger.ts";
import { auditFrom, type AdminActor, type Input } from "./actor.ts";

export const ZStationDecision = z.object({
  stationId: z.string().uuid(),
  decision: z.enum(["approve", "suspend", "reinstate"]),
  reason: z.string().trim().max(500).optional().transform((v) => v || undefined),
});

const snapshot = { id: true, name: true, status: true, publish: true, registrationStatus: true, ownerId: true, siteId: true, lat: true, lng: true } as const;

const ALLOWED: Record<z.infer<typeof ZStationDecision>["decision"], { from: string[]; to: "ACTIVE" | "SUSPENDED" }> = {
  approve: { from: ["PENDING_APPROVAL"], to: "ACTIVE" },
  suspend: { from: ["PENDING_APPROVAL", "ACTIVE", "INACTIVE", "MAINTENANCE"], to: "SUSPENDED" },
  reinstate: { from: ["SUSPENDED"], to: "ACTIVE" },
};

const AUDIT_ACTION = { approve: "STATION_APPROVED", suspend: "STATION_SUSPENDED", reinstate: "STATION_REINSTATED" } as const;

const OWNER_MESSAGES = {
  approve: { en: "Your station {station} was approved and is now listed.", ru: "Ваша станция {station} одобрена и опубликована." },
  suspend: { en: "Your station {station} was suspended: {reason}", ru: "Ваша станция {station} приостановлена: {reason}" },
  reinstate: { en: "Your station {station} is listed again.", ru: "Ваша станция {station} снова опубликована." },
};

export async function decideStation(db: Db, actor: AdminActor, input: Input<z.infer<typeof ZStationDecision>>) {
  if (input.decision === "suspend" && !input.reason) {
    throw new AppError("INVALID_INPUT", "Give a reason for the suspension.", { reason: ["Required when suspending."] });
  }
  const rule = ALLOWED[input.decision];
  return db.$transaction(async (tx) => {
    const before = await tx.station.findUnique({ where: { id: input.stationId }, select: snapshot });
    if (!before) throw notFoundError("This station");
    if (!rule.from.includes(before.status)) {
      throw new AppError("CONFLICT", `A station that is ${before.status.toLowerCase().replace("_", " ")} cannot be ${input.decision === "approve" ? "approved" : input.decision === "suspend" ? "suspended" : "reinstated"}.`);
    }
    const after = await tx.station.update({ where: { id: before.id }, data: { status: rule.to }, select: snapshot });
    await recordAudit(tx, {
      ...auditFrom(actor),
      action: AUDIT_ACTION[input.decision],
      entityType: "Station",
      entityId: after.id,
      before,
      after: { ...after, reason: input.reason },
    });
    if (after.ownerId) {
      await notify(tx, {
        userId: after.ownerId,
        type: "SYSTEM",
        title: { en: "Station update", ru: "Изменение по станции" },
        message: OWNER_MESSAGES[input.decision],
        vars: { station: after.name, reason: input.reason ?? "" },
        data: { stationId: after.id, decision: input.decision },
      });
    }
    return after;
  });
}

export const ZAdoptCharger = z.object({
  stationId: z.string().uuid(),
  name: z.string().trim().min(2, "Enter a name for the charger.").max(120),
  lat: z.coerce.number().min(-90, "Latitude is between -90 and 90.").max(90, "Latitude is between -90 and 90."),
  lng: z.coerce.number().min(-180, "Longitude is between -180 and 180.").max(180, "Longitude is between -180 and 180."),
  address: z.string().trim().max(300).optional().transform((v) => v || undefined),
  ownerEmail: z.string().trim().toLowerCase().max(254).optional().transform((v) => v || undefined),
});

/** A charger listed as Pending when it first connected becomes one of ours.
 *  Adoption gives it a password (security profile 1): without one the server
 *  would refuse the charger at its next connection. The password is returned
 *  once for the admin to configure, and pushed to a connected charger. */
export async function adoptCharger(db: Db, actor: AdminActor, input: Input<z.infer<typeof ZAdoptCharger>>) {
  const password = newChargerPassword();
  const passwordHash = await hashPassword(password);
  const after = await db.$transaction(async (tx) => {
    const before = await tx.station.findUnique({ where: { id: input.stationId }, select: { ...snapshot, ocppIdentity: true } });
    if (!before) throw notFoundError("This charger");
    if (before.registrationStatus !== "PENDING") throw new AppError("CONFLICT", "This charger is not waiting to be adopted.");
    let ownerId: string | undefined;
    if (input.ownerEmail) {
      const owner = await tx.user.findUnique({ where: { email: input.ownerEmail }, select: { id: true, role: true } });
      if (!owner || (owner.role !== "OWNER" && owner.role !== "ADMIN")) {
        throw new AppError("INVALID_INPUT", "No station owner has this e-mail.", { ownerEmail: ["No station owner has this e-mail."] });
      }
      ownerId = owner.id;
    }
    const after = await tx.station.update({
      where: { id: before.id },
      data: {
        name: input.name, lat: input.lat, lng: input.lng, address: input.address, ownerId,
        registrationStatus: "ACCEPTED", status: "ACTIVE", ocppPasswordHash: passwordHash,
        // Placed on the map only once it has a real position.
        publish: !(input.lat === 0 && input.lng === 0),
      },
      select: { ...snapshot, ocppIdentity: true, isOnline: true },
    });
    const { isOnline: _, ...audited } = after;
    await recordAudit(tx, {
      ...auditFrom(actor), action: "CHARGER_ADOPTED", entityType: "Station", entityId: after.id, before,
      after: { ...audited, password: "(new, not stored)" },
    });
    return after;
  });
  const pushed = after.isOnline ? await pushPassword(db, after.id, actor, password) : "OFFLINE";
  return { id: after.id, identity: after.ocppIdentity, password, pushed };
}

/** Sends the new password as the charger's AuthorizationKey (OCPP 1.6 security
 *  profile 1), so it uses it when it reconnects. The command row keeps the
 *  answer but not the password. */
async function pushPassword(db: Db, stationId: string, actor: AdminActor, password: string): Promise<"ACCEPTED" | "REJECTED" | "NO_ANSWER"> {
  let commandId: string | undefined;
  try {
    const queued = await queueCommand(db, {
      stationId, action: "ChangeConfiguration", payload: { key: "AuthorizationKey", value: password },
      requestedById: actor.id, timeoutMs: 10_000,
    });
    commandId = queued.id;
    const cmd = await waitForCommand(db, queued.id);
    const status = (cmd.response as { status?: string } | null)?.status;
    return cmd.status === "ANSWERED" ? (status === "Accepted" || status === "RebootRequired" ? "ACCEPTED" : "REJECTED") : "NO_ANSWER";
  } catch {
    return "NO_ANSWER";
  } finally {
    // Redacted by the id known from the moment it was queued, whatever happened after.
    if (commandId) {
      await db.ocppCommand.update({ where: { id: commandId }, data: { payload: { key: "AuthorizationKey", value: "(redacted)" } } }).catch(() => undefined);
    }
  }
}
