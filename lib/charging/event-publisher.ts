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
import { GroupCommit } from "./group-commit.ts";
import { hotQuery, pgArray } from "./hot-sql.ts";

// One writer at a time keeps the events in order; the linger gathers a batch.
const publishers = new WeakMap<Db, GroupCommit<string, void>>();
const publisherFor = (db: Db) => {
  let p = publishers.get(db);
  if (!p) {
    const send = async (batch: string[]): Promise<void[]> => {
      await hotQuery(db, `SELECT count(pg_notify('${EVENTS_CHANNEL}', p)) FROM unnest($1::text[]) AS p`, [pgArray(batch)]);
      return batch.map(() => undefined);
    };
    publishers.set(db, (p = new GroupCommit(send, { maxBatch: 1000, concurrency: 1, lingerMs: 20 })));
  }
  return p;
};

/** Queues live events (JSON texts) whose rows the caller has committed. */
export function publishAfterCommit(db: Db, payloads: readonly string[] | null | undefined): void {
  if (!payloads?.length) return;
  const p = publisherFor(db);
  for (const payload of payloads) {
    p.submit(payload).catch((err) => console.warn(`live event not published: ${(err as Error).message}`));
  }
}

/** Sends every queued live event (shutdown, tests). */
export function drainPublishedEvents(db: Db): Promise<void> {
  return publishers.get(db)?.drain() ?? Promise.resolve();
}
