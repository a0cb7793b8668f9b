// OCPP commands through the API: queued in the database for the OCPP server
// holding the charger's socket (lib/ocpp/commands.ts), optionally awaited.
import { z } from "zod";
import type { Db, OcppCommand, Prisma } from "../db/client.ts";
import { COMMAND_ACTIONS, CommandInputError, queueCommand, waitForCommand } from "../ocpp/commands.ts";
import { ApiError, notFound, parseOr400 } from "./errors.ts";
import { json } from "./http.ts";
import { afterCreatedAt, pageOf, ZPage } from "./pagination.ts";
import { getStationRow } from "./stations.ts";

export const ZCommandBody = z.object({
  action: z.enum(COMMAND_ACTIONS),
  payload: z.record(z.string(), z.unknown()).default({}),
  wait: z.boolean().default(false),
  timeoutMs: z.number().int().min(1000).max(120_000).default(30_000),
}).strict();

export function commandDto(c: OcppCommand) {
  return {
    id: c.id, stationId: c.stationId, action: c.action, payload: c.payload, status: c.status, response: c.response, error: c.error,
    createdAt: c.createdAt, sentAt: c.sentAt, answeredAt: c.answeredAt, expiresAt: c.expiresAt,
  };
}

/** 202 with the queued command; with wait, 200 with its final state. An offline charger is a 409 naming it. */
export async function postCommand(db: Db, stationId: string, body: unknown, requestedById?: string): Promise<Response> {
  const station = await getStationRow(db, stationId);
  const input = parseOr400(ZCommandBody, body);
  let cmd: OcppCommand;
  try {
    cmd = await queueCommand(db, { stationId: station.id, action: input.action, payload: input.payload, requestedById, timeoutMs: input.timeoutMs });
  } catch (err) {
    if (err instanceof CommandInputError) throw new ApiError(400, err.message, { payload: [err.message] });
    throw err;
  }
  if (cmd.status === "FAILED") {
    return json({ error: cmd.error ?? "The command failed", data: commandDto(cmd) }, 409);
  }
  if (!input.wait) return json({ data: commandDto(cmd) }, 202);
  return json({ data: commandDto(await waitForCommand(db, cmd.id)) }, 200);
}

export async function getCommand(db: Db, id: string) {
  const row = z.string().uuid().safeParse(id).success ? await db.ocppCommand.findUnique({ where: { id } }) : null;
  if (!row) throw notFound("Command", id);
  return { data: commandDto(row) };
}

export const ZCommandFilters = ZPage.extend({
  status: z.enum(["QUEUED", "SENT", "ANSWERED", "FAILED", "TIMED_OUT"]).optional(),
  action: z.enum(COMMAND_ACTIONS).optional(),
}).strict();

export async function listCommands(db: Db, stationId: string, query: unknown) {
  const station = await getStationRow(db, stationId);
  const f = parseOr400(ZCommandFilters, query, "Invalid filters");
  const where: Prisma.OcppCommandWhereInput = {
    AND: [{ stationId: station.id }, f.status ? { status: f.status } : {}, f.action ? { action: f.action } : {}, afterCreatedAt(f.cursor)],
  };
  const rows = await db.ocppCommand.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: f.limit + 1 });
  const page = pageOf(rows, f.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: page.data.map(commandDto), nextCursor: page.nextCursor };
}
