// OCPP commands from the admin console. The form sends a few plain fields;
// here they become the OCPP 1.6 payload, the command goes through the OCPP
// server (lib/ocpp/commands.ts), and the charger's answer comes back.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { CommandInputError, sendCommand } from "../ocpp/commands.ts";
import { auditFrom, type AdminActor, type Input } from "./actor.ts";

export const ADMIN_COMMANDS = ["Reset", "UnlockConnector", "ChangeAvailability", "TriggerMessage", "GetConfiguration", "ClearCache"] as const;
export const TRIGGER_MESSAGES = ["BootNotification", "Heartbeat", "StatusNotification", "MeterValues", "DiagnosticsStatusNotification", "FirmwareStatusNotification"] as const;

const connectorNo = z.coerce.number().int("A whole connector number.").min(0, "Connector 0 or higher.").max(99);

export const ZAdminCommand = z.object({
  stationId: z.string().uuid(),
  action: z.enum(ADMIN_COMMANDS),
  resetType: z.enum(["Soft", "Hard"]).optional(),
  connectorId: z.union([z.literal(""), connectorNo]).optional().transform((v) => (v === "" ? undefined : v)),
  availability: z.enum(["Operative", "Inoperative"]).optional(),
  requestedMessage: z.enum(TRIGGER_MESSAGES).optional(),
  keys: z.string().trim().max(500).optional(),
  timeoutMs: z.coerce.number().int().min(1000).max(60_000).optional(),
});
export type TAdminCommand = Input<z.infer<typeof ZAdminCommand>>;

function need<T>(v: T | undefined, field: string, message: string): T {
  if (v === undefined) throw new AppError("INVALID_INPUT", message, { [field]: [message] });
  return v;
}

export function commandPayload(input: TAdminCommand): Record<string, unknown> {
  switch (input.action) {
    case "Reset":
      return { type: input.resetType ?? "Soft" };
    case "UnlockConnector": {
      const id = need(input.connectorId, "connectorId", "Choose the connector to unlock.");
      if (id < 1) throw new AppError("INVALID_INPUT", "Connector 0 cannot be unlocked.", { connectorId: ["Choose connector 1 or higher."] });
      return { connectorId: id };
    }
    case "ChangeAvailability":
      return { connectorId: input.connectorId ?? 0, type: need(input.availability, "availability", "Choose Operative or Inoperative.") };
    case "TriggerMessage":
      return {
        requestedMessage: need(input.requestedMessage, "requestedMessage", "Choose the message to trigger."),
        ...(input.connectorId !== undefined && input.connectorId > 0 ? { connectorId: input.connectorId } : {}),
      };
    case "GetConfiguration": {
      const keys = (input.keys ?? "").split(/[\s,]+/).filter(Boolean);
      return keys.length ? { key: keys } : {};
    }
    case "ClearCache":
      return {};
  }
}

export type CommandOutcome = { id: string; action: string; status: string; response: unknown; error: string | null };

export async function sendStationCommand(db: Db, actor: AdminActor, input: TAdminCommand): Promise<CommandOutcome> {
  const payload = commandPayload(input);
  const station = await db.station.findUnique({ where: { id: input.stationId }, select: { id: true, ocppIdentity: true } });
  if (!station) throw notFoundError("This station");
  if (!station.ocppIdentity) throw new AppError("PRECONDITION", "This station is not an OCPP charger connected to Chargeway.");
  let cmd;
  try {
    cmd = await sendCommand(db, { stationId: station.id, action: input.action, payload, requestedById: actor.id, timeoutMs: input.timeoutMs ?? 15_000 });
  } catch (err) {
    if (err instanceof CommandInputError) throw new AppError("INVALID_INPUT", err.message);
    throw err;
  }
  await recordAudit(db, {
    ...auditFrom(actor),
    action: "STATION_COMMAND_SENT",
    entityType: "Station",
    entityId: station.id,
    after: { commandId: cmd.id, action: input.action, payload, status: cmd.status, response: cmd.response, error: cmd.error },
  });
  return { id: cmd.id, action: cmd.action, status: cmd.status, response: cmd.response, error: cmd.error };
}
