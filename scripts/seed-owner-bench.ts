// npm run bench:owner — a year of charging at 1,000 stations of one owner
// (sessions, payments, refunds, bookings, connection logs; batched INSERT ...
// SELECT in SQL), then fills the owner roll-up (timed) and times the owner
// dashboard: all stations and one station, a month and a year, from the
// roll-up and cold (live only, as with an empty roll-up), and the payout
// statement (page and full CSV). Starts its own throw-away embedded
// PostgreSQL unless BENCH_DATABASE_URL points at a database (use an empty one).
//   BENCH_STATIONS (default 1000), BENCH_SESSIONS_PER_DAY per station (default 4),
//   BENCH_RUNS per query (default 5) bound the run.
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDb } from "../lib/db/client.ts";
import { earnings } from "../lib/owner/earnings.ts";
import { periodOf } from "../lib/owner/period.ts";
import { monthlyStatement } from "../lib/owner/statement.ts";
import { statementCsvStream } from "../lib/owner/csv.ts";
import { fillOwnerRollup } from "../lib/owner/rollup-fill.ts";
import { benchDatabase } from "./lib/embedded-db.ts";

const STATIONS = Number(process.env.BENCH_STATIONS ?? 1000);
const PER_DAY = Number(process.env.BENCH_SESSIONS_PER_DAY ?? 4);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAYS = 365;
const YEAR_END = new Date(Date.UTC(2026, 0, 1));
const YEAR_START = new Date(YEAR_END.getTime() - DAYS * 86_400_000);

const setupDatabase = () => benchDatabase("chargeway-owner-bench");

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

async function load(c: pg.Client) {
  const { rows: [owner] } = await c.query<{ id: string }>(
    `INSERT INTO users (id, email, password_hash, name, role, referral_code, updated_at)
     VALUES (gen_random_uuid(), 'bench-owner@bench.test', 'x', 'Bench Owner', 'OWNER', 'BENCHOWNER', now()) RETURNING id`);
  const { rows: [other] } = await c.query<{ id: string }>(
    `INSERT INTO users (id, email, password_hash, name, role, referral_code, updated_at)
     VALUES (gen_random_uuid(), 'bench-other@bench.test', 'x', 'Other Owner', 'OWNER', 'BENCHOTHER', now()) RETURNING id`);
  const { rows: [driver] } = await c.query<{ id: string }>(
    `INSERT INTO users (id, email, password_hash, name, role, referral_code, updated_at)
     VALUES (gen_random_uuid(), 'bench-driver@bench.test', 'x', 'Bench Driver', 'DRIVER', 'BENCHDRIVER', now()) RETURNING id`);
  // The roll-up is empty while loading: its triggers would only delete nothing, row by row.
  await c.query("SET session_replication_role = replica");
  await timed(`${STATIONS} stations (+10% of another owner), 2 connectors each`, async () => {
    await c.query(
      `INSERT INTO stations (id, name, owner_id, status, lat, lng, time_zone, ocpp_identity, plug_types, charging_types, max_power_kw, price_per_kwh_minor, created_at, updated_at)
       SELECT gen_random_uuid(), 'Bench ' || g, CASE WHEN g <= $1 THEN $2::uuid ELSE $3::uuid END, 'ACTIVE', 48 + random() * 6, 6 + random() * 8, 'Europe/Berlin',
         'BENCH-' || g, '{CCS,TYPE2}', '{SLOW,FAST}', 150, 40, $4::timestamptz - interval '30 days', now()
       FROM generate_series(1, $1 + $1 / 10) g`, [STATIONS, owner.id, other.id, YEAR_START]);
    await c.query(
      `INSERT INTO connectors (id, station_id, connector_id, type, power_type, max_power_kw, updated_at)
       SELECT gen_random_uuid(), s.id, n, CASE WHEN n = 1 THEN 'CCS' ELSE 'TYPE2' END::"ConnectorType", CASE WHEN n = 1 THEN 'DC' ELSE 'AC_3_PHASE' END::"PowerType",
         CASE WHEN n = 1 THEN 150 ELSE 22 END, now()
       FROM stations s CROSS JOIN generate_series(1, 2) n`);
  });
  // One month per statement keeps each INSERT ... SELECT bounded.
  await timed(`sessions (${PER_DAY}/station/day, 2% failed starts) and their captured payments`, async () => {
    for (let m = 0; m < 12; m++) {
      const from = new Date(YEAR_START.getTime() + Math.floor((m * DAYS) / 12) * 86_400_000);
      const to = new Date(YEAR_START.getTime() + Math.floor(((m + 1) * DAYS) / 12) * 86_400_000);
      await c.query(
        `INSERT INTO charging_sessions (id, station_id, connector_number, user_id, status, started_at, ended_at, meter_start_wh, meter_stop_wh, energy_wh, cost_minor, currency, flags, updated_at)
         SELECT gen_random_uuid(), s.id, 1 + (k % 2), $3::uuid, CASE WHEN r < 0.02 THEN 'FAILED' ELSE 'COMPLETED' END::"SessionStatus", st, st + dur,
           0, CASE WHEN r < 0.02 THEN 0 ELSE e END, CASE WHEN r < 0.02 THEN 0 ELSE e END, CASE WHEN r < 0.02 THEN NULL ELSE (e * 40 + 500) / 1000 END, 'EUR', '{}', now()
         FROM stations s CROSS JOIN generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '1 day') d CROSS JOIN generate_series(1, $4) k
         CROSS JOIN LATERAL (SELECT random() AS r, d + (k * (20 / $4) + 4) * interval '1 hour' + random() * interval '50 minutes' AS st,
           interval '15 minutes' + random() * interval '100 minutes' AS dur, (3000 + random() * 50000)::int AS e) x`,
        [from, to, driver.id, PER_DAY]);
      await c.query(
        `INSERT INTO payments (id, user_id, purpose, provider, status, currency, authorized_minor, captured_minor, platform_fee_minor, session_id, processed_at, created_at, updated_at)
         SELECT gen_random_uuid(), s.user_id, 'SESSION', 'DEMO', 'CAPTURED', 'EUR', s.cost_minor + 500, s.cost_minor, (s.cost_minor * 10 + 50) / 100, s.id, s.ended_at, s.started_at, now()
         FROM charging_sessions s WHERE s.status = 'COMPLETED' AND s.started_at >= $1 AND s.started_at < $2`, [from, to]);
    }
  });
  await timed("refunds (0.5% of payments), bookings (1 per station every 3 days), connection logs (a 1-hour outage per station per week)", async () => {
    await c.query(
      `INSERT INTO refunds (id, payment_id, amount_minor, reason, status, processed_at)
       SELECT gen_random_uuid(), p.id, p.captured_minor / 2, 'bench', 'PROCESSED', p.processed_at + interval '2 days' FROM payments p WHERE random() < 0.005`);
    await c.query(
      `INSERT INTO bookings (id, user_id, station_id, connector_id, starts_at, ends_at, status, payment_status, currency, total_amount_minor, updated_at)
       SELECT gen_random_uuid(), $3::uuid, co.station_id, co.id, d + interval '2 hours', d + interval '3 hours', 'COMPLETED', 'CAPTURED', 'EUR', 200, now()
       FROM connectors co CROSS JOIN generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '3 days') d WHERE co.connector_id = 1`,
      [YEAR_START, YEAR_END, driver.id]);
    await c.query(
      `INSERT INTO station_connection_logs (station_id, event, at)
       SELECT s.id, e.event::"ConnectionEvent", w + e.off FROM stations s
       CROSS JOIN generate_series($1::timestamptz - interval '7 days', $2::timestamptz, interval '7 days') w
       CROSS JOIN (VALUES ('DISCONNECTED', interval '3 days'), ('CONNECTED', interval '3 days 1 hour')) e(event, off)`, [YEAR_START, YEAR_END]);
  });
  await c.query("SET session_replication_role = DEFAULT");
  await timed("ANALYZE", () => c.query("ANALYZE"));
  const { rows: counts } = await c.query(
    `SELECT (SELECT count(*) FROM charging_sessions) sessions, (SELECT count(*) FROM payments) payments, (SELECT count(*) FROM refunds) refunds,
            (SELECT count(*) FROM bookings) bookings, (SELECT count(*) FROM station_connection_logs) connection_logs`);
  console.log("  rows:", Object.entries(counts[0]).map(([k, v]) => `${k} ${Number(v).toLocaleString("en")}`).join(", "));
  const { rows: [one] } = await c.query<{ id: string }>(`SELECT id FROM stations WHERE owner_id = $1 ORDER BY name LIMIT 1`, [owner.id]);
  return { ownerId: owner.id, stationId: one.id };
}

async function main() {
  const { url, stop } = await setupDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createDb(url, 10);
  try {
    const { rows: [v] } = await client.query<{ server_version: string }>("SHOW server_version");
    console.log(`PostgreSQL ${v.server_version}; ${os.cpus().length} cores; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    console.log("loading:");
    const { ownerId, stationId } = await load(client);
    const user = { id: ownerId, role: "OWNER" as const };
    const now = YEAR_END;
    const cases = [
      ["all stations, one month", null, periodOf("2025-11-01", "2025-11-30", "Europe/Berlin")],
      ["all stations, one year", null, periodOf("2025-01-01", "2025-12-31", "Europe/Berlin")],
      ["one station, one month", stationId, periodOf("2025-11-01", "2025-11-30", "Europe/Berlin")],
      ["one station, one year", stationId, periodOf("2025-01-01", "2025-12-31", "Europe/Berlin")],
    ] as const;
    const measure = async (label: string, runs: number, fn: () => Promise<{ total: { sessions: number; money: Record<string, { gross: number }> } }>) => {
      const first = await fn();
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await fn();
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      console.log(`  ${label.padEnd(24)} median ${ms[Math.floor(ms.length / 2)].toFixed(0).padStart(6)} ms  max ${ms[ms.length - 1].toFixed(0).padStart(6)} ms  ` +
        `(${first.total.sessions.toLocaleString("en")} sessions, gross ${first.total.money.EUR?.gross ?? 0} minor)  load ${os.loadavg()[0].toFixed(1)}`);
      return first;
    };
    const loadNow = () => `load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
    console.log(`\ncold: empty roll-up (live path only), 1 run each after one warm-up, ${loadNow()}:`);
    const cold: unknown[] = [];
    for (const [label, sid, period] of cases) cold.push(await measure(label, 1, () => earnings(db, user, { stationId: sid, period, now, live: true })));

    console.log(`\nroll-up backfill (job in a loop, unbounded budget), ${loadNow()}:`);
    const t0fill = performance.now();
    let filled = 0, batches = 0;
    for (;;) {
      const r = await fillOwnerRollup(db, { now, budgetMs: 60_000 });
      filled += r.days; batches += r.batches;
      if (r.pending === 0) break;
    }
    console.log(`  ${filled.toLocaleString("en")} station-days (2 zones) in ${batches.toLocaleString("en")} transactions: ${((performance.now() - t0fill) / 1000).toFixed(1)} s`);
    await client.query("ANALYZE owner_station_days; ANALYZE owner_station_day_money");

    console.log(`\ndashboard from the roll-up, ${RUNS} runs each after one warm-up, ${loadNow()}:`);
    for (const [i, [label, sid, period]] of cases.entries()) {
      const warm = await measure(label, RUNS, () => earnings(db, user, { stationId: sid, period, now }));
      if (JSON.stringify(warm) !== JSON.stringify(cold[i])) throw new Error(`${label}: roll-up and live figures differ`);
    }
    // Today is always live: the same year read on 1 July 2026 (half a year of closed days) would look the same;
    // here a day of the year invalidated at every station (a refund each) shows the mixed path.
    await client.query(`UPDATE refunds SET processed_at = processed_at + interval '1 millisecond' WHERE id IN (
      SELECT DISTINCT ON (s.station_id) r.id FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN charging_sessions s ON s.id = p.session_id ORDER BY s.station_id, r.processed_at DESC)`);
    console.log(`\nafter a refund at every station invalidated one day each (those days live), ${loadNow()}:`);
    await measure("all stations, one year", RUNS, () => earnings(db, user, { stationId: null, period: cases[1][2], now }));

    let t0 = performance.now();
    await monthlyStatement(db, user, "2025-11", now, 201);
    console.log(`\n  monthly statement, page (201 lines)    ${(performance.now() - t0).toFixed(0)} ms`);
    t0 = performance.now();
    let bytes = 0;
    const reader = statementCsvStream(db, user, "2025-11", now).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
    console.log(`  monthly statement CSV, streamed        ${(performance.now() - t0).toFixed(0)} ms (${(bytes / 1e6).toFixed(1)} MB)  ${loadNow()}`);
  } finally {
    await db.$disconnect();
    await client.end();
    await stop();
  }
}

await main();
