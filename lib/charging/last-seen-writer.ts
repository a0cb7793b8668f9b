// Group commit for Heartbeat: thousands of chargers heartbeat every few
// minutes, and one UPDATE per heartbeat would cost a round trip each. Callers
// wait for the batch containing their timestamp to commit, so an answer is
// still only sent after the write, and nothing waits in memory unwritten.
import type { Db } from "../db/client.ts";

export class LastSeenWriter {
  private pending = new Map<string, Date>();
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly delayMs = 10,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves once the heartbeat time is committed. */
  touch(stationId: string, at: Date): Promise<void> {
    const prev = this.pending.get(stationId);
    if (!prev || prev < at) this.pending.set(stationId, at);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (this.pending.size >= this.maxBatch) this.flushSoon(0);
    else this.flushSoon(this.delayMs);
    return done;
  }

  private flushSoon(delay: number) {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, delay);
  }

  private async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    const waiters = this.waiters;
    this.pending = new Map();
    this.waiters = [];
    const ids = [...batch.keys()];
    const times = ids.map((id) => batch.get(id)!.toISOString());
    try {
      await this.db.$executeRawUnsafe(
        `UPDATE stations s SET last_heartbeat_at = GREATEST(s.last_heartbeat_at, v.at)
           FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE s.id = v.id`,
        ids,
        times,
      );
      waiters.forEach((w) => w.resolve());
    } catch (err) {
      waiters.forEach((w) => w.reject(err));
    }
  }

  /** Writes whatever is pending (used on shutdown). */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.flush());
    await this.flushing;
  }
}
