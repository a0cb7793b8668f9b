// Publishing goes through pg_notify so every process (web app, each OCPP
// server instance) sees the event. Called inside a transaction, PostgreSQL
// delivers it only if that transaction commits.
import type pg from "pg";
import { EVENTS_CHANNEL, encodeEvent, type TRealtimeEvent } from "./events.ts";

type RawExecutor = { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> };
type PgQueryable = Pick<pg.Client, "query"> | Pick<pg.Pool, "query">;

export async function publish(target: RawExecutor | PgQueryable, event: TRealtimeEvent, channel = EVENTS_CHANNEL): Promise<void> {
  const payload = encodeEvent(event);
  if ("$executeRawUnsafe" in target) {
    await target.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, channel, payload);
  } else {
    await (target as PgQueryable).query(`SELECT pg_notify($1, $2)`, [channel, payload]);
  }
}
