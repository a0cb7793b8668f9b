// The charger page: what the charger told us (boots, statuses, configuration),
// its recent sessions, and the remote actions an operator needs, each
// returning the charger's own answer.
import type { Db } from "../db/client.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { sendCommand, type TCommandAction } from "../ocpp/commands.ts";
import { actorOf, inSite, type TGarageUser, type TRequestMeta } from "./context.ts";
import { answerOf } from "./push-cards.ts";
import { sessionRowSelect } from "./sessions.ts";
import type { TChargerCommand } from "./schemas.ts";

export const COMMAND_TIMEOUT_MS = 30_000;

async function findCharger(db: Db, user: TGarageUser, siteId: string, stationId: string) {
  const station = await db.station.findFirst({
    where: { id: stationId, ...inSite(user, siteId), ocppIdentity: { not: null } },
    select: {
      id: true, name: true, ocppIdentity: true, isOnline: true, vendor: true, model: true, firmwareVersion: true, serialNumber: true,
      lastHeartbeatAt: true, lastBootAt: true, connectedAt: true, chargerStatus: true, chargerErrorCode: true, availability: true, localListVersion: true,
      parkingSpot: { select: { id: true, label: true, renter: { select: { id: true, name: true } } } },
      connectors: { where: { removed: false }, orderBy: { connectorId: "asc" }, select: { connectorId: true, status: true, errorCode: true, statusUpdatedAt: true } },
    },
  });
  if (!station) throw notFoundError("This charger");
  return station;
}

export async function chargerDetails(db: Db, user: TGarageUser, siteId: string, stationId: string) {
  const station = await findCharger(db, user, siteId, stationId);
  const [boots, statuses, config, sessions, commands] = await Promise.all([
    db.bootLog.findMany({ where: { stationId }, orderBy: { bootTime: "desc" }, take: 20 }),
    db.stationStatusLog.findMany({ where: { stationId }, orderBy: { receivedAt: "desc" }, take: 30 }),
    db.stationConfigurationKey.findMany({ where: { stationId }, orderBy: { key: "asc" } }),
    db.chargingSession.findMany({ where: { stationId }, orderBy: [{ startedAt: "desc" }, { transactionId: "desc" }], take: 15, select: sessionRowSelect }),
    db.ocppCommand.findMany({ where: { stationId }, orderBy: { createdAt: "desc" }, take: 10, select: { id: true, action: true, status: true, response: true, error: true, createdAt: true } }),
  ]);
  return { station, boots, statuses, config, sessions, commands };
}

/** What each button sends, in OCPP 1.6 terms. */
async function commandFor(db: Db, stationId: string, command: TChargerCommand, connectorId: number): Promise<{ action: TCommandAction; payload: Record<string, unknown> }> {
  switch (command) {
    case "unlock": return { action: "UnlockConnector", payload: { connectorId: Math.max(1, connectorId) } };
    case "softReset": return { action: "Reset", payload: { type: "Soft" } };
    case "hardReset": return { action: "Reset", payload: { type: "Hard" } };
    case "makeAvailable": return { action: "ChangeAvailability", payload: { connectorId, type: "Operative" } };
    case "makeUnavailable": return { action: "ChangeAvailability", payload: { connectorId, type: "Inoperative" } };
    case "fetchConfiguration": return { action: "GetConfiguration", payload: {} };
    case "stopTransaction": {
      const running = await db.chargingSession.findFirst({
        where: { stationId, status: "ACTIVE", ...(connectorId > 0 && { connectorNumber: connectorId }) },
        orderBy: { startedAt: "desc" },
        select: { transactionId: true },
      });
      if (!running) throw new AppError("CONFLICT", "garage.err.noTransaction");
      return { action: "RemoteStopTransaction", payload: { transactionId: running.transactionId } };
    }
  }
}

export type TCommandOutcome = { action: string; status: string; answer: string; response: unknown };

export async function runChargerCommand(
  db: Db,
  user: TGarageUser,
  input: { siteId: string; stationId: string; command: TChargerCommand; connectorId: number },
  meta: TRequestMeta = {},
): Promise<TCommandOutcome> {
  const station = await findCharger(db, user, input.siteId, input.stationId);
  if (input.connectorId > 0 && !station.connectors.some((c) => c.connectorId === input.connectorId)) {
    throw new AppError("INVALID_INPUT", "garage.err.connectorUnknown", { connectorId: ["garage.err.connectorUnknown"] });
  }
  const { action, payload } = await commandFor(db, station.id, input.command, input.connectorId);
  return send(db, user, station.id, action, payload, meta);
}

export async function changeConfiguration(
  db: Db,
  user: TGarageUser,
  input: { siteId: string; stationId: string; key: string; value: string },
  meta: TRequestMeta = {},
): Promise<TCommandOutcome> {
  const station = await findCharger(db, user, input.siteId, input.stationId);
  const known = await db.stationConfigurationKey.findUnique({ where: { stationId_key: { stationId: station.id, key: input.key } } });
  if (known?.readonly) throw new AppError("INVALID_INPUT", "garage.err.configReadonly", { key: ["garage.err.configReadonly"] });
  // The charger's Basic-auth password: changing it here would lock the charger
  // out (our stored hash would not follow). It is set with the charger's password instead.
  if (input.key.trim().toLowerCase() === "authorizationkey") {
    throw new AppError("INVALID_INPUT", "garage.err.configReadonly", { key: ["garage.err.configReadonly"] });
  }
  return send(db, user, station.id, "ChangeConfiguration", { key: input.key, value: input.value }, meta);
}

async function send(db: Db, user: TGarageUser, stationId: string, action: TCommandAction, payload: Record<string, unknown>, meta: TRequestMeta): Promise<TCommandOutcome> {
  const station = await db.station.findUniqueOrThrow({ where: { id: stationId }, select: { isOnline: true, ocppIdentity: true } });
  // Said before anything is queued: an offline charger cannot answer, and a command must not wait for it.
  if (!station.isOnline) throw new AppError("CHARGER_OFFLINE", `garage.err.chargerOffline|${station.ocppIdentity}`);
  const cmd = await sendCommand(db, { stationId, action, payload, requestedById: user.id, timeoutMs: COMMAND_TIMEOUT_MS });
  await recordAudit(db, {
    actor: actorOf(user), action: `GARAGE_CHARGER_${action.toUpperCase()}`, entityType: "Station", entityId: stationId,
    after: { command: cmd.id, payload, status: cmd.status, response: cmd.response, error: cmd.error }, ...meta,
  });
  return { action, status: cmd.status, answer: answerOf(cmd), response: cmd.response };
}
