// Runs the commands the web app queued (lib/ocpp/commands.ts) for chargers
// whose socket this instance holds. NOTIFY wakes it; a periodic sweep catches
// anything a lost notification left behind and settles expired commands.
import { RPCError, TimeoutError, type TRPCError } from "../lib/ocpp/rpc.ts";
import type { Db } from "../lib/db/client.ts";
import { COMMANDS_CHANNEL } from "../lib/ocpp/command-actions.ts";
import type { TLogger } from "../lib/ocpp/log.ts";
import { applyCommandAnswer } from "../lib/ocpp/v16/command-effects.ts";
import { listen } from "../lib/realtime/listen.ts";
import type { ConnectionRegistry } from "./connections.ts";

type Claimed = { id: string; station_id: string; action: string; payload: unknown; expires_at: Date };

export class CommandDispatcher {
  private stopListening?: () => Promise<void>;
  private sweepTimer?: NodeJS.Timeout;
  private running = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly databaseUrl: string,
    private readonly instanceId: string,
    private readonly connections: ConnectionRegistry,
    private readonly log: TLogger,
    private readonly sweepMs = 2000,
  ) {}

  start(): void {
    this.stopListening = listen(this.databaseUrl, COMMANDS_CHANNEL, (id) => this.run(id), {
      onConnect: () => void this.sweep(),
      onError: (err) => this.log.warn("command listener error", { error: err.message }),
    });
    this.sweepTimer = setInterval(() => void this.sweep(), this.sweepMs);
    this.sweepTimer.unref();
  }

  /** Stops taking commands; waits a little for those in flight (a charger may
   *  take its full timeout to answer; the sweep of another instance or the
   *  waiting web request settles those as TIMED_OUT). */
  async stop(maxWaitMs = 5000): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.stopListening?.();
    await Promise.race([Promise.allSettled([...this.running]), new Promise((r) => setTimeout(r, maxWaitMs).unref())]);
  }

  /** Queued commands for one station (called when a charger connects). */
  async runQueuedFor(stationId: string): Promise<void> {
    const rows = await this.db.ocppCommand.findMany({ where: { stationId, status: "QUEUED" }, select: { id: true }, orderBy: { createdAt: "asc" } });
    for (const r of rows) this.run(r.id);
  }

  run(id: string): void {
    const p = this.execute(id).catch((err) => this.log.error("command failed to run", { id, error: (err as Error).message }));
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  private async execute(id: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return;
    const claimed = await this.db.$queryRawUnsafe<Claimed[]>(
      `UPDATE ocpp_commands c SET status = 'SENT', sent_at = now(), instance_id = $2
         FROM stations s
        WHERE c.id = $1::uuid AND c.status = 'QUEUED' AND s.id = c.station_id AND s.ocpp_instance_id = $2
        RETURNING c.id, c.station_id, c.action, c.payload, c.expires_at`,
      id,
      this.instanceId,
    );
    const cmd = claimed[0];
    if (!cmd) return; // another instance holds the charger, or it was already handled
    const conn = this.connections.forStation(cmd.station_id);
    if (!conn) {
      await this.settle(cmd.id, "FAILED", null, "Charger is offline (its connection closed before the command was sent)");
      return;
    }
    const remaining = cmd.expires_at.getTime() - Date.now();
    if (remaining <= 0) {
      await this.settle(cmd.id, "TIMED_OUT", null, "The command expired before it could be sent");
      return;
    }
    try {
      const answer = await conn.client.call(cmd.action, cmd.payload, { callTimeoutMs: remaining });
      await applyCommandAnswer(this.db, cmd.station_id, cmd.action, cmd.payload as object, answer);
      await this.settle(cmd.id, "ANSWERED", answer, null);
    } catch (err) {
      if (err instanceof TimeoutError) {
        await this.settle(cmd.id, "TIMED_OUT", null, `Charger ${conn.identity} did not answer within ${Math.round(remaining / 1000)} s`);
      } else if (err instanceof RPCError) {
        const e = err as TRPCError;
        await this.settle(cmd.id, "FAILED", null, `${e.rpcErrorCode}: ${e.message}`);
      } else {
        await this.settle(cmd.id, "FAILED", null, (err as Error).message);
      }
    }
  }

  private async settle(id: string, status: "ANSWERED" | "FAILED" | "TIMED_OUT", response: unknown, error: string | null) {
    await this.db.ocppCommand.update({
      where: { id },
      data: { status, response: response === null ? undefined : (response as object), error, answeredAt: new Date() },
    });
  }

  private async sweep(): Promise<void> {
    try {
      const mine = await this.db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT c.id FROM ocpp_commands c JOIN stations s ON s.id = c.station_id
          WHERE c.status = 'QUEUED' AND s.ocpp_instance_id = $1 ORDER BY c.created_at LIMIT 500`,
        this.instanceId,
      );
      for (const r of mine) this.run(r.id);
      // Queued for a charger that went offline before anyone sent it.
      await this.db.$executeRawUnsafe(
        `UPDATE ocpp_commands c SET status = 'FAILED', answered_at = now(),
                error = 'Charger ' || s.ocpp_identity || ' is offline'
           FROM stations s
          WHERE c.status = 'QUEUED' AND s.id = c.station_id AND NOT s.is_online`,
      );
      await this.db.$executeRawUnsafe(
        `UPDATE ocpp_commands SET status = 'TIMED_OUT', answered_at = now(), error = 'No answer before the command expired'
          WHERE status IN ('QUEUED', 'SENT') AND expires_at < now() - interval '5 seconds'`,
      );
    } catch (err) {
      this.log.warn("command sweep failed", { error: (err as Error).message });
    }
  }
}
