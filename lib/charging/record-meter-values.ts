// MeterValues is the hottest message. Messages from many chargers are written
// together (group commit) by ONE statement: find each message's session,
// insert each MeterValue element (its sampled values kept whole), move each
// running session's figures forward and publish one live event per session.
// Readings are kept even when no (known) transaction owns them; those are
// recorded for review afterwards.
import type { Db } from "../db/client.ts";
import { isClockSkewed, shouldReportSkew } from "./clock-skew.ts";
import { publishAfterCommit } from "./event-publisher.ts";
import { GroupCommit } from "./group-commit.ts";
import { hotQuery, pgArray } from "./hot-sql.ts";
import { elementFigures, summarise } from "./meter-readings.ts";
import type { TChargerRef, TMeterSample } from "./types.ts";

export type TRecordMeterValuesInput = TChargerRef & {
  connectorNumber: number;
  transactionId?: number;
  samples: TMeterSample[];
  receivedAt?: Date;
};

export type TMeterIssue = "UNKNOWN_TRANSACTION" | "TRANSACTION_ALREADY_STOPPED" | "PLACEHOLDER_TRANSACTION";
export type TRecordMeterValuesResult = { stored: number; sessionId: string | null; issue: TMeterIssue | null };

const writers = new WeakMap<Db, MeterValuesWriter>();

export function recordMeterValues(db: Db, input: TRecordMeterValuesInput): Promise<TRecordMeterValuesResult> {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new MeterValuesWriter(db)));
  return w.write(input);
}

const inRange = (n: number | null, min: number, max: number) => (n !== null && Number.isFinite(n) && n >= min && n <= max ? n : null);

export class MeterValuesWriter {
  private readonly committer: GroupCommit<TRecordMeterValuesInput, TRecordMeterValuesResult>;

  constructor(private readonly db: Db) {
    this.committer = new GroupCommit((items) => this.writeBatch(items), { maxBatch: 200, concurrency: 3, lingerMs: 5 });
  }

  write(input: TRecordMeterValuesInput): Promise<TRecordMeterValuesResult> {
    return this.committer.submit(input);
  }

  drain(): Promise<void> {
    return this.committer.drain();
  }

  private async writeBatch(items: TRecordMeterValuesInput[]): Promise<TRecordMeterValuesResult[]> {
    const m = { i: [] as number[], station: [] as string[], connector: [] as number[], tid: [] as (number | null)[], at: [] as (string | null)[], reg: [] as (string | null)[], pow: [] as (number | null)[], soc: [] as (number | null)[], skewed: [] as boolean[] };
    // The readings go as one JSON document: a text[] of JSON texts needed every
    // quote escaped, which made these batches the server's largest allocation.
    const r: { i: number; ts: string; v: TMeterSample["values"]; c: string | null; e: number | null; p: number | null }[] = [];
    const counts: number[] = [];
    const received = items.map((it) => it.receivedAt ?? new Date());
    items.forEach((it, i) => {
      const s = summarise(it.samples);
      m.i.push(i);
      m.station.push(it.stationId);
      m.connector.push(it.connectorNumber);
      m.tid.push(it.transactionId ?? null);
      m.at.push(s.at?.toISOString() ?? null);
      const reg = inRange(s.registerWh, 0, Number.MAX_SAFE_INTEGER);
      m.reg.push(reg === null ? null : String(reg));
      m.pow.push(inRange(s.powerW, -2e9, 2e9));
      m.soc.push(inRange(s.socPercent, 0, 100));
      m.skewed.push(it.samples.some((x) => isClockSkewed(x.timestamp, received[i])));
      counts.push(0);
      for (const sample of it.samples) {
        const f = elementFigures(sample.values);
        r.push({ i, ts: sample.timestamp.toISOString(), v: sample.values, c: f.context, e: f.energyWh, p: inRange(f.powerW, -1e12, 1e12) });
        counts[i] += sample.values.length;
      }
    });

    const [row] = await hotQuery<{ sessions: { i: number; id: string; status: string }[] | null; events: string | null }>(this.db, METER_SQL, [
      ...[m.i, m.station, m.connector, m.tid, m.at, m.reg, m.pow, m.soc, m.skewed].map(pgArray),
      JSON.stringify(r),
    ]);
    publishAfterCommit(this.db, row.events);
    const sessionOf = new Map((row.sessions ?? []).map((s) => [s.i, s]));

    const incidents: { stationId: string; identity: string; kind: string; action: string; detail: string; payload: object }[] = [];
    const results = items.map((it, i): TRecordMeterValuesResult => {
      const s = sessionOf.get(i);
      const tid = it.transactionId;
      const issue: TMeterIssue | null =
        tid === undefined ? null : tid <= 0 ? "PLACEHOLDER_TRANSACTION" : !s ? "UNKNOWN_TRANSACTION" : s.status !== "ACTIVE" ? "TRANSACTION_ALREADY_STOPPED" : null;
      const base = { stationId: it.stationId, identity: it.identity, action: "MeterValues", payload: { transactionId: tid, connectorId: it.connectorNumber } };
      if (issue) {
        const what = issue === "PLACEHOLDER_TRANSACTION" ? "placeholder" : issue === "UNKNOWN_TRANSACTION" ? "unknown" : "stopped";
        incidents.push({ ...base, kind: issue, detail: `MeterValues (${counts[i]} values) for ${what} transaction ${tid}` });
      }
      if (m.skewed[i] && shouldReportSkew(it.stationId, received[i].getTime())) {
        incidents.push({ ...base, kind: "CLOCK_SKEW", detail: `MeterValues stamped ${it.samples[0]?.timestamp.toISOString()}, received ${received[i].toISOString()}` });
      }
      return { stored: counts[i], sessionId: s?.id ?? null, issue };
    });
    if (incidents.length) await this.db.ocppIncident.createMany({ data: incidents as never });
    return results;
  }
}

// One round trip per batch. The live events are returned and published after
// the commit (event-publisher.ts says why not by NOTIFY in here).
const METER_SQL = `
WITH m AS (
  SELECT * FROM unnest($1::int[], $2::uuid[], $3::int[], $4::int[], $5::timestamptz[], $6::bigint[], $7::int[], $8::int[], $9::bool[])
    AS m(i, station_id, connector_id, transaction_id, at, reg, pow, soc, skewed)
),
s AS (
  SELECT m.i, cs.id, cs.status::text AS status
    FROM m JOIN charging_sessions cs ON cs.transaction_id = m.transaction_id AND cs.station_id = m.station_id
   WHERE m.transaction_id > 0
),
r AS (
  SELECT r.i, r.ts, r.v AS sampled_values, r.c AS context, r.e AS energy_wh, r.p AS power_w
    FROM json_to_recordset($10::json) AS r(i int, ts timestamptz, v jsonb, c text, e bigint, p float8)
),
ins AS (
  INSERT INTO meter_readings (station_id, connector_id, session_id, transaction_id, "timestamp", sampled_values, context, energy_wh, power_w)
  SELECT m.station_id, m.connector_id, s.id, m.transaction_id, r.ts, r.sampled_values, r.context, r.energy_wh, r.power_w
    FROM r JOIN m ON m.i = r.i LEFT JOIN s ON s.i = r.i
),
latest AS (
  SELECT DISTINCT ON (s.id) s.id, m.at, m.reg, m.pow, m.soc, m.skewed
    FROM m JOIN s ON s.i = m.i
   WHERE s.status = 'ACTIVE' AND m.at IS NOT NULL
   ORDER BY s.id, m.at DESC
),
upd AS (
  UPDATE charging_sessions cs SET
    last_meter_at = l.at,
    last_meter_wh = COALESCE(l.reg, cs.last_meter_wh),
    energy_wh = CASE WHEN l.reg >= cs.meter_start_wh AND l.reg - cs.meter_start_wh < 2147483647
                     THEN (l.reg - cs.meter_start_wh)::int ELSE cs.energy_wh END,
    last_power_w = COALESCE(l.pow, cs.last_power_w),
    last_soc_percent = COALESCE(l.soc, cs.last_soc_percent),
    flags = CASE WHEN (l.reg < cs.meter_start_wh AND NOT 'METER_DECREASE' = ANY(cs.flags)) OR (l.skewed AND NOT 'CLOCK_SKEW' = ANY(cs.flags))
                 THEN ARRAY(SELECT DISTINCT f FROM unnest(cs.flags
                        || CASE WHEN l.reg < cs.meter_start_wh THEN ARRAY['METER_DECREASE'] ELSE ARRAY[]::text[] END
                        || CASE WHEN l.skewed THEN ARRAY['CLOCK_SKEW'] ELSE ARRAY[]::text[] END) f ORDER BY f)
                 ELSE cs.flags END,
    updated_at = now()
  FROM latest l
  WHERE cs.id = l.id AND (cs.last_meter_at IS NULL OR cs.last_meter_at <= l.at)
  RETURNING cs.id, cs.station_id, cs.energy_wh, cs.last_power_w, cs.last_soc_percent, cs.last_meter_at
)
SELECT
  (SELECT json_agg(json_build_object(
      'type', 'meter', 'stationId', u.station_id, 'sessionId', u.id, 'energyWh', u.energy_wh,
      'powerW', u.last_power_w, 'socPercent', u.last_soc_percent,
      'at', to_char(u.last_meter_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text FROM upd u) AS events,
  (SELECT json_agg(json_build_object('i', s.i, 'id', s.id, 'status', s.status)) FROM s) AS sessions
`;
