// Live events of the hot paths (meter values, connector status), published
// after their write committed, in small batches of their own. A NOTIFY inside
// the write itself takes PostgreSQL's global notify lock from pre-commit to
// the end of the commit, WAL flush included, so every notifying transaction
// commits after the previous one: under bench:ocpp, backends queued on
// Lock:object behind IO:WalSync and the chargers' answers waited with them.
// Listeners still see an event only after its rows are committed. An event
// is lost only if this process dies in the few milliseconds before the flush;
// pages and jobs that follow events read the database anyway.
import type { Db } from "../db/client.ts";
import { EVENTS_CHANNEL } from "../realtime/events.ts";
import { hotQuery, pgArray } from "./hot-sql.ts";

const FLUSH_MS = 20;
const MAX_BATCH = 1000;

class EventPublisher {
  private queue: string[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private flushing?: Promise<void>;

  constructor(private readonly db: Db) {}

  publish(payloads: readonly string[]) {
    if (!payloads.length) return;
    this.queue.push(...payloads);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Resolves once everything published so far has been sent. */
  async drain(): Promise<void> {
    while (this.queue.length || this.flushing) await this.flush();
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // One flush at a time, so events keep their order.
    this.flushing ??= this.send().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async send() {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      await hotQuery(this.db, `SELECT count(pg_notify('${EVENTS_CHANNEL}', p)) FROM unnest($1::text[]) AS p`, [pgArray(batch)]).catch((err) => {
        console.warn(`live events not published (${batch.length}): ${(err as Error).message}`);
      });
    }
  }
}

const publishers = new WeakMap<Db, EventPublisher>();
const publisherFor = (db: Db) => {
  let p = publishers.get(db);
  if (!p) publishers.set(db, (p = new EventPublisher(db)));
  return p;
};

/** Queues live events (JSON texts) whose rows the caller has committed. */
export function publishAfterCommit(db: Db, payloads: readonly string[] | null | undefined): void {
  if (payloads?.length) publisherFor(db).publish(payloads);
}

/** Sends every queued live event (shutdown, tests). */
export function drainPublishedEvents(db: Db): Promise<void> {
  return publishers.get(db)?.drain() ?? Promise.resolve();
}
