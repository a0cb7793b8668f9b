// Which OCPP server instances are alive, without a table or clocks: each
// instance holds a PostgreSQL advisory lock keyed by its instance id, on a
// connection of its own, for as long as it runs. PostgreSQL drops the lock
// when the process dies, however it dies, so chargers still marked online by
// an instance whose lock is free were left behind by a crash; any instance
// that sees this releases them. A lock must be found free on two sweeps in a
// row, so a live instance whose lock connection is briefly re-connecting is
// not taken for dead; and an instance that lost its lock for longer (and may
// have been swept meanwhile) marks its own chargers online again as soon as it
// holds the lock again, since their sockets never left it.
import pg from "pg";
import { releaseInstance } from "../lib/charging/index.ts";
import type { Db } from "../lib/db/client.ts";
import type { TLogger } from "../lib/ocpp/log.ts";

const TRY_LOCK = `SELECT pg_try_advisory_lock(hashtext('chargeway-ocpp-instance'), hashtext($1::text)) AS ok`;
const UNLOCK = `SELECT pg_advisory_unlock(hashtext('chargeway-ocpp-instance'), hashtext($1::text))`;
const OTHERS_ONLINE = `SELECT DISTINCT ocpp_instance_id AS id FROM stations WHERE is_online AND ocpp_instance_id IS NOT NULL AND ocpp_instance_id <> $1::text`;

export class InstanceLiveness {
  private client?: pg.Client;
  private held = false;
  private warned = false;
  private stopped = false;
  private timer?: ReturnType<typeof setInterval>;
  private suspects = new Set<string>();
  private running?: Promise<unknown>;

  private everHeld = false;

  constructor(private readonly o: {
    databaseUrl: string; db: Db; instanceId: string; log: TLogger; sweepMs: number;
    /** Called when the lock is taken again after it was lost (not at start). */
    onLockRegained?: () => Promise<void>;
  }) {}

  /** Takes this instance's lock and starts sweeping (at once, then every sweepMs). */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.o.sweepMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => {});
    await this.client?.end().catch(() => {});
  }

  /** One round: (re)take our own lock if needed, then release the chargers of instances found dead twice running. */
  tick(): Promise<unknown> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.round()
      .catch((err) => this.o.log.warn("instance liveness sweep failed", { error: (err as Error).message }))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<void> {
    const client = await this.connection();
    if (!this.held) {
      this.held = (await client.query(TRY_LOCK, [this.o.instanceId])).rows[0].ok;
      if (this.held && this.everHeld) {
        this.o.log.warn("liveness lock taken again after it was lost; re-asserting this instance's chargers", { instanceId: this.o.instanceId });
        await this.o.onLockRegained?.();
      }
      if (this.held) this.everHeld = true;
      if (!this.held && !this.warned) {
        this.warned = true;
        this.o.log.warn("another live process uses this OCPP_INSTANCE_ID; give each instance its own", { instanceId: this.o.instanceId });
      }
    }
    const free = new Set<string>();
    for (const { id } of (await client.query<{ id: string }>(OTHERS_ONLINE, [this.o.instanceId])).rows) {
      if (!(await client.query(TRY_LOCK, [id])).rows[0].ok) continue;
      try {
        if (!this.suspects.has(id)) free.add(id);
        else {
          const n = await releaseInstance(this.o.db, id, `Instance ${id} stopped without closing its connections`);
          this.o.log.warn("released chargers of a dead OCPP instance", { instanceId: id, chargers: n });
        }
      } finally {
        await client.query(UNLOCK, [id]);
      }
    }
    this.suspects = free;
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.o.databaseUrl });
    client.on("error", () => {});
    // A lost connection loses the lock; the next round takes it again.
    client.on("end", () => {
      if (this.client === client) {
        this.client = undefined;
        this.held = false;
      }
    });
    await client.connect();
    this.client = client;
    return client;
  }
}
