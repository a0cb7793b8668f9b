// Publishing goes through pg_notify so every process (web app, each OCPP
// server instance) sees the event. Called inside a transaction, PostgreSQL
// delivers it only if that transaction commits.
import type pg from "pg";
import { EVENTS_CHANNEL, encodeEvent, type TRealtimeEvent } from "./events.ts";

type RawExecutor = { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> };
type PgQueryable = Pick<pg.Client, "query"> | Pick<pg.Pool, "query">;
type Target = RawExecutor | PgQueryable;

/** publish(db, event) on "chargeway_events", or publish(db, channel, event). */
export async function publish(target: Target, event: TRealtimeEvent): Promise<void>;
export async function publish(target: Target, channel: string, event: TRealtimeEvent): Promise<void>;
export async function publish(target: Target, a: string | TRealtimeEvent, b?: TRealtimeEvent): Promise<void> {
  const channel = typeof a === "string" ? a : EVENTS_CHANNEL;
  const payload = encodeEvent(typeof a === "string" ? b! : a);
  if ("$executeRawUnsafe" in target) {
    await target.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, channel, payload);
  } else {
    await (target as PgQueryable).query(`SELECT pg_notify($1, $2)`, [channel, payload]);
  }
}
