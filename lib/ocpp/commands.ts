// Commands from the web app (or API) to a charger go through the database:
// the OCPP server instance holding the charger's socket is told by NOTIFY,
// sends the call and writes the answer back. So the web app needs no socket
// and works with any number of OCPP server instances.
import { z } from "zod";
import type { Db, OcppCommand } from "../db/client.ts";
import { COMMAND_ACTIONS, COMMANDS_CHANNEL, DEFAULT_COMMAND_TIMEOUT_MS } from "./command-actions.ts";
import { RPCClient } from "./rpc.ts";

export { COMMAND_ACTIONS, type TCommandAction } from "./command-actions.ts";

export const ZCommandRequest = z.object({
  stationId: z.string().uuid(),
  action: z.enum(COMMAND_ACTIONS),
  payload: z.record(z.string(), z.unknown()).default({}),
  requestedById: z.string().uuid().optional(),
  timeoutMs: z.number().int().min(1000).max(10 * 60_000).default(DEFAULT_COMMAND_TIMEOUT_MS),
});
export type TCommandRequest = z.input<typeof ZCommandRequest>;

export class CommandInputError extends Error {
  readonly code = "COMMAND_INVALID";
}

type TValidator = { validate(schemaId: string, params: unknown): boolean };
let validator: TValidator | undefined;
function ocpp16Validator(): TValidator {
  if (!validator) {
    // The official 1.6 schemas shipped with ocpp-rpc: reject a bad payload here,
    // with the schema's own message, instead of after a round trip. The
    // library exposes its built-in validators only through a client (which
    // opens nothing until connect()), so this also works inside a bundler.
    const probe = new RPCClient({ identity: "schema-validator", protocols: ["ocpp1.6"], strictMode: true });
    validator = probe._strictValidators.get("ocpp1.6") as TValidator;
  }
  return validator;
}

/** Inserts the command and wakes the OCPP servers; returns at once (status QUEUED, or FAILED if the charger is offline). */
export async function queueCommand(db: Db, request: TCommandRequest): Promise<OcppCommand> {
  const parsed = ZCommandRequest.safeParse(request);
  if (!parsed.success) throw new CommandInputError(parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; "));
  const { stationId, action, payload, requestedById, timeoutMs } = parsed.data;
  try {
    ocpp16Validator().validate(`urn:${action}.req`, payload);
  } catch (err) {
    throw new CommandInputError(`Invalid ${action} payload: ${(err as Error).message}`);
  }

  const station = await db.station.findUnique({
    where: { id: stationId },
    select: { name: true, ocppIdentity: true, isOnline: true, ocppInstanceId: true },
  });
  if (!station) throw new CommandInputError(`No station ${stationId}`);
  if (!station.ocppIdentity) throw new CommandInputError(`Station ${station.name} is not an OCPP charger of ours`);

  const now = new Date();
  const base = { stationId, action, payload: payload as object, requestedById, expiresAt: new Date(now.getTime() + timeoutMs) };
  if (!station.isOnline || !station.ocppInstanceId) {
    return db.ocppCommand.create({
      data: { ...base, status: "FAILED", error: `Charger ${station.ocppIdentity} is offline`, answeredAt: now },
    });
  }
  return db.$transaction(async (tx) => {
    const cmd = await tx.ocppCommand.create({ data: { ...base, status: "QUEUED" } });
    await tx.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, COMMANDS_CHANNEL, cmd.id);
    return cmd;
  });
}

const FINAL = new Set(["ANSWERED", "FAILED", "TIMED_OUT"]);

/** Queues the command and waits for its final status (ANSWERED, FAILED or TIMED_OUT). */
export async function sendCommand(db: Db, request: TCommandRequest): Promise<OcppCommand> {
  const cmd = await queueCommand(db, request);
  return waitForCommand(db, cmd.id);
}

/** Polls the row (a few queries a second): works across processes without a LISTEN connection per waiting request. */
export async function waitForCommand(db: Db, id: string): Promise<OcppCommand> {
  let delay = 20;
  for (;;) {
    const cmd = await db.ocppCommand.findUniqueOrThrow({ where: { id } });
    if (FINAL.has(cmd.status)) return cmd;
    if (Date.now() > cmd.expiresAt.getTime() + 2000) {
      // No server took it up (e.g. the instance died): settle it here so nobody waits forever.
      const r = await db.ocppCommand.updateMany({
        where: { id, status: { in: ["QUEUED", "SENT"] } },
        data: { status: "TIMED_OUT", error: "No answer from the charger before the command expired", answeredAt: new Date() },
      });
      if (r.count) return db.ocppCommand.findUniqueOrThrow({ where: { id } });
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 250);
  }
}
