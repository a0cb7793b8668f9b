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
import { hotQuery } from "./hot-sql.ts";

// One writer at a time keeps the events in order; the linger gathers a batch.
// The events travel as the JSON array texts the statements returned: never
// parsed or escaped here (parsing them as text[] and escaping them back was
// over a third of the OCPP server's allocations under load).
const SEND_SQL = `
SELECT count(pg_notify('${EVENTS_CHANNEL}', e.x::text)) FROM (
  SELECT e.x FROM json_array_elements($1::json) WITH ORDINALITY AS a(x, n), json_array_elements(a.x) WITH ORDINALITY AS e(x, m)
   ORDER BY a.n, e.m
) e`;
const publishers = new WeakMap<Db, GroupCommit<string, void>>();
const publisherFor = (db: Db) => {
  let p = publishers.get(db);
  if (!p) {
    const send = async (batch: string[]): Promise<void[]> => {
      await hotQuery(db, SEND_SQL, [`[${batch.join(",")}]`]);
      return batch.map(() => undefined);
    };
    publishers.set(db, (p = new GroupCommit(send, { maxBatch: 1000, concurrency: 1, lingerMs: 20 })));
  }
  return p;
};

/** Queues live events whose rows the caller has committed: a JSON array text
 *  of event objects, as a statement's `json_agg(...)::text` returns it. */
export function publishAfterCommit(db: Db, events: string | null | undefined): void {
  if (!events || events === "[]") return;
  publisherFor(db).submit(events).catch((err) => console.warn(`live event not published: ${(err as Error).message}`));
}

/** Sends every queued live event (shutdown, tests). */
export function drainPublishedEvents(db: Db): Promise<void> {
  return publishers.get(db)?.drain() ?? Promise.resolve();
}
