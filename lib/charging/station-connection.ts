// A charger's socket coming and going. The instance id says which OCPP server
// process holds the socket, so commands from the web reach the right one.
// Thousands of chargers connect at once after a restart, so connects and
// disconnects are written by group commit: one statement per batch sets the
// online flag, recomputes availability in SQL, logs the event and publishes it.
import type { ConnectionEvent, Db } from "../db/client.ts";
import { EVENTS_CHANNEL } from "../realtime/events.ts";
import { GroupCommit } from "./group-commit.ts";
import { hotQuery } from "./hot-sql.ts";

type TConnect = { stationId: string; instanceId: string; ipAddress?: string; replaced?: boolean };
type TDisconnect = { stationId: string; instanceId: string; connectedAt: Date; reason?: string; event?: ConnectionEvent };

// The SQL twin of computeAvailability (availability.ts): s is a row with the
// station's id; the other arguments are SQL expressions (the caller may
// substitute values a statement is about to write).
export const AVAILABILITY_SQL = (s: string, online = `${s}.is_online`, chargerStatus = `${s}.charger_status`, connectorStatus = "c.status::text") => `(
  SELECT CASE
    WHEN NOT ${online} THEN 'OFFLINE'
    WHEN ${chargerStatus} IN ('FAULTED', 'UNAVAILABLE') THEN 'OUT_OF_ORDER'
    WHEN count(*) FILTER (WHERE live) = 0 THEN CASE WHEN ${chargerStatus} = 'AVAILABLE' THEN 'AVAILABLE' ELSE 'UNKNOWN' END
    WHEN bool_or(live AND status = 'AVAILABLE') THEN 'AVAILABLE'
    WHEN bool_and(NOT live OR status IN ('FAULTED', 'UNAVAILABLE')) THEN 'OUT_OF_ORDER'
    ELSE 'BUSY' END
  FROM (SELECT st AS status, (NOT c.removed AND st <> 'UNKNOWN') AS live
          FROM connectors c, LATERAL (SELECT ${connectorStatus} AS st) x WHERE c.station_id = ${s}.id) c
)`;

/** An instance that still holds a socket for a charger which connected to
 *  another instance closes its own (payload: {"stationId", "instanceId"} of the old holder). */
export const TAKEOVER_CHANNEL = "chargeway_ocpp_takeover";

// held: chargers another instance had online (its socket may still look alive
// there: the new connection wins, and that instance is told to close its own).
// All CTEs read the rows as they were before this statement's update.
const CONNECT_SQL = `
WITH v AS (
  SELECT DISTINCT ON (station_id) * FROM unnest($1::uuid[], $2::text[], $3::bool[], $4::timestamptz[]) AS v(station_id, ip, replaced, at)
   ORDER BY station_id, at DESC
),
held AS (
  SELECT s.id, s.ocpp_instance_id FROM stations s JOIN v ON v.station_id = s.id
   WHERE s.is_online AND s.ocpp_instance_id IS NOT NULL AND s.ocpp_instance_id <> $5::text
),
av AS (
  UPDATE stations s SET is_online = true, ocpp_instance_id = $5::text, connected_at = v.at, updated_at = now(),
         availability = ${AVAILABILITY_SQL("s", "true")}::"Availability"
    FROM v WHERE s.id = v.station_id RETURNING s.id, s.availability::text AS availability
),
logs AS (
  INSERT INTO station_connection_logs (station_id, event, ip_address, instance_id, reason, at)
  SELECT station_id, 'REPLACED'::"ConnectionEvent", ip, $5::text, 'A new connection replaced the open one', at FROM v
   WHERE replaced OR station_id IN (SELECT id FROM held)
  UNION ALL
  SELECT station_id, 'CONNECTED'::"ConnectionEvent", ip, $5::text, NULL, at FROM v
  RETURNING 1
)
SELECT (SELECT count(*) FROM logs)::int AS logged,
       (SELECT count(pg_notify('${EVENTS_CHANNEL}', json_build_object('type', 'station', 'stationId', id, 'isOnline', true, 'availability', availability)::text)) FROM av)::int AS notified,
       (SELECT count(pg_notify('${TAKEOVER_CHANNEL}', json_build_object('stationId', id, 'instanceId', ocpp_instance_id)::text)) FROM held)::int AS taken_over`;

// A disconnect is ignored (apart from its log row) when another connection,
// maybe on another instance, took the charger over meanwhile.
const DISCONNECT_SQL = `
WITH v AS (
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[]) AS v(station_id, connected_at, reason, event)
),
off AS (
  UPDATE stations s SET is_online = false, ocpp_instance_id = NULL, availability = 'OFFLINE', updated_at = now()
    FROM v WHERE s.id = v.station_id AND s.ocpp_instance_id = $5::text AND s.connected_at <= v.connected_at
  RETURNING s.id
),
logs AS (
  INSERT INTO station_connection_logs (station_id, event, instance_id, reason)
  SELECT station_id, event::"ConnectionEvent", $5::text, reason FROM v RETURNING 1
)
SELECT (SELECT count(*) FROM logs)::int AS logged,
       (SELECT count(pg_notify('${EVENTS_CHANNEL}', json_build_object('type', 'station', 'stationId', id, 'isOnline', false, 'availability', 'OFFLINE')::text)) FROM off)::int AS notified`;

// Every charger an instance holds, at once: shutdown and restart after a crash.
const RELEASE_SQL = `
WITH off AS (
  UPDATE stations SET is_online = false, ocpp_instance_id = NULL, availability = 'OFFLINE', updated_at = now()
   WHERE ocpp_instance_id = $1::text RETURNING id
),
logs AS (
  INSERT INTO station_connection_logs (station_id, event, instance_id, reason)
  SELECT id, 'DISCONNECTED'::"ConnectionEvent", $1::text, $2::text FROM off RETURNING 1
)
SELECT (SELECT count(*) FROM logs)::int AS released,
       (SELECT count(pg_notify('${EVENTS_CHANNEL}', json_build_object('type', 'station', 'stationId', id, 'isOnline', false, 'availability', 'OFFLINE')::text)) FROM off)::int AS notified`;

export class StationConnectionWriter {
  private readonly connects: GroupCommit<TConnect & { at: Date }, Date>;
  private readonly disconnects: GroupCommit<TDisconnect, void>;

  constructor(private readonly db: Db) {
    this.connects = new GroupCommit((items) => this.writeConnects(items), { maxBatch: 500, concurrency: 1 });
    this.disconnects = new GroupCommit((items) => this.writeDisconnects(items), { maxBatch: 500, concurrency: 1 });
  }

  /** Resolves to the connection time, which markDisconnected needs to tell this connection from a newer one. */
  markConnected(input: TConnect): Promise<Date> {
    return this.connects.submit({ ...input, at: new Date() });
  }

  /** Marks the charger offline unless another connection (maybe on another instance) took over meanwhile. */
  markDisconnected(input: TDisconnect): Promise<void> {
    return this.disconnects.submit(input);
  }

  async drain(): Promise<void> {
    await Promise.all([this.connects.drain(), this.disconnects.drain()]);
  }

  private async writeConnects(items: (TConnect & { at: Date })[]): Promise<Date[]> {
    // One instance per writer in practice; group by instance to stay correct anyway.
    for (const [instanceId, group] of groupBy(items, (i) => i.instanceId)) {
      await hotQuery(this.db, CONNECT_SQL, [
        group.map((i) => i.stationId),
        group.map((i) => i.ipAddress ?? null),
        group.map((i) => !!i.replaced),
        group.map((i) => i.at.toISOString()),
        instanceId,
      ]);
    }
    return items.map((i) => i.at);
  }

  private async writeDisconnects(items: TDisconnect[]): Promise<void[]> {
    for (const [instanceId, group] of groupBy(items, (i) => i.instanceId)) {
      await hotQuery(this.db, DISCONNECT_SQL, [
        group.map((i) => i.stationId),
        group.map((i) => i.connectedAt.toISOString()),
        group.map((i) => i.reason ?? null),
        group.map((i) => i.event ?? "DISCONNECTED"),
        instanceId,
      ]);
    }
    return items.map(() => undefined);
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

const writers = new WeakMap<Db, StationConnectionWriter>();
const writerFor = (db: Db) => {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new StationConnectionWriter(db)));
  return w;
};

export const markConnected = (db: Db, input: TConnect): Promise<Date> => writerFor(db).markConnected(input);
export const markDisconnected = (db: Db, input: TDisconnect): Promise<void> => writerFor(db).markDisconnected(input);

/** Marks every charger this instance holds offline in one statement (shutdown; start-up after a crash). */
export async function releaseInstance(db: Db, instanceId: string, reason = "Server restarted"): Promise<number> {
  const [row] = await hotQuery<{ released: number }>(db, RELEASE_SQL, [instanceId, reason]);
  return row.released;
}
