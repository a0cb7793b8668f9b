// npm run bench:ocpp -- [--chargers 10000] [--rate 5000] [--duration 300] [--workers 2]
//   [--sat-duration 20] [--sat-inflight 1000] [--mix 70,20,10] [--no-transactions] [--fast-db] [--db-pool N] [--skip-echo]
//   [--cpu-profile]   (the server writes a .cpuprofile into the log folder on exit) [--server-node-args "--trace-gc"]
// Connects N chargers (plain `ws` frames from several processes) to our OCPP
// server (its own process, real PostgreSQL), drives MeterValues / Heartbeat /
// StatusNotification at a target rate, then checks the database holds every
// answered message. Then both our server and a bare ocpp-rpc echo server are
// driven flat out (closed loop) with the same generator; ours is reported as
// a ratio of the echo server's throughput. Only loopback; every phase is bounded.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Fleet, percentile, totalOf, type TMerged } from "./bench-ocpp/fleet.ts";
import { SLOW_MS } from "./bench-ocpp/protocol.ts";
import { childrenOf, memoryMb, postmasterOf, Sampler, type TGroup } from "./bench-ocpp/proc-stats.ts";
import { identityOf, seedChargers, startDatabase, startEchoServer, startOurServer, type TServerProc } from "./bench-ocpp/setup.ts";

const USAGE = `npm run bench:ocpp -- [options]
  --chargers N        chargers to connect (default 10000)
  --rate N            target msg/s in the sustained phase (default 5000)
  --duration S        sustained phase length in s (default 300)
  --workers N         load-generator processes (default 2)
  --sat-duration S    flat-out phase length in s, 0 = skip (default 20)
  --sat-inflight N    calls in flight in the flat-out phase (default min(chargers, 1000))
  --mix a,b,c         MeterValues/Heartbeat/StatusNotification shares (default 70,20,10)
  --no-transactions   MeterValues outside any transaction
  --fast-db           PostgreSQL with fsync off (not what npm start runs)
  --db-pool N         the server's database connections (OCPP_DB_POOL)
  --skip-echo         do not measure the bare ocpp-rpc echo server
  --cpu-profile       the OCPP server writes a V8 .cpuprofile into the log folder
  --server-workers N  OCPP server worker processes (OCPP_WORKERS, default 1)
  --server-node-args "A B"  extra node flags for our OCPP server, e.g. "--trace-gc" (output in its log)
Each option may also be given as BENCH_<NAME> in the environment.`;
if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}

function arg(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`] ?? fallback;
  return argv[i].includes("=") ? argv[i].split("=")[1] : (argv[i + 1] ?? "");
}
const flag = (name: string) => process.argv.includes(`--${name}`);
function bounded(name: string, fallback: number, min: number, max: number): number {
  const v = Number(arg(name, String(fallback)));
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`--${name} must be a number from ${min} to ${max} (got ${arg(name, "")})`);
  return v;
}

const CHARGERS = bounded("chargers", 10_000, 1, 20_000);
const RATE = bounded("rate", 5000, 1, 50_000);
const DURATION_S = bounded("duration", 300, 1, 3600);
const WORKERS = bounded("workers", 2, 1, 16);
const SAT_S = bounded("sat-duration", 20, 0, 600);
const SAT_INFLIGHT = bounded("sat-inflight", Math.min(CHARGERS, 1000), 1, 20_000);
const SERVER_WORKERS = bounded("server-workers", 1, 1, 16);
const DB_POOL = arg("db-pool", "") ? bounded("db-pool", 10, 1, 200) : undefined;
const [mv, hb, sn] = arg("mix", "70,20,10").split(",").map(Number);
const MIX = { meterValues: mv, heartbeat: hb, status: sn };
const TRANSACTIONS = !flag("no-transactions");
const PASSWORD = "bench-charger-password";

const t0 = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${msg}`);
const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

function fdLimit(): string {
  try {
    const limits = readFileSync("/proc/self/limits", "utf8");
    const m = limits.match(/Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/);
    return m ? `${m[1]} soft / ${m[2]} hard` : "unknown";
  } catch {
    return "unknown";
  }
}

/** The server process and, with --server-workers, its worker processes. */
const serverPids = (s: TServerProc) => [s.proc.pid!, ...childrenOf(s.proc.pid!)];
const sumMb = (pids: number[], k: "rss" | "hwm") => pids.reduce((a, pid) => a + memoryMb(pid)[k], 0);

type TPhase = { label: string; r: TMerged; seconds: number; cpu: ReturnType<Sampler["stop"]> };

function report(p: TPhase) {
  const answered = totalOf(p.r.answered);
  const rate = answered / p.seconds;
  console.log(`\n== ${p.label} ==`);
  console.log(`  messages sent ${fmt(totalOf(p.r.sent))}, answered ${fmt(answered)} (${Object.entries(p.r.answered).map(([k, v]) => `${k} ${fmt(v)}`).join(", ")})`);
  console.log(`  throughput ${fmt(rate, 0)} msg/s over ${fmt(p.seconds, 1)} s`);
  console.log(`  latency ms: p50 ${fmt(percentile(p.r, 50), 1)}  p95 ${fmt(percentile(p.r, 95), 1)}  p99 ${fmt(percentile(p.r, 99), 1)}  max ${fmt(p.r.maxMs, 1)}`);
  const slow = p.r.seconds.filter((s) => s[2] > 0);
  if (slow.length) {
    // When the tail happened, to line up with the server's GC trace or PostgreSQL's log.
    const worst = [...slow].sort((a, b) => b[2] - a[2]).slice(0, 6).sort((a, b) => a[0] - b[0]);
    const at = (sec: number) => new Date(sec * 1000).toISOString().slice(11, 19);
    console.log(`  answers over ${SLOW_MS} ms: ${fmt(slow.reduce((a, s) => a + s[2], 0))} in ${slow.length} of ${p.r.seconds.length} seconds; worst seconds (UTC, by send time): ${worst.map((s) => `${at(s[0])} ${fmt(s[2])}/${fmt(s[1])} max ${fmt(s[3], 0)} ms`).join(", ")}`);
  }
  if (totalOf(p.r.errors)) console.log(`  !!! CALLERRORs: ${JSON.stringify(p.r.errors)}`);
  if (p.r.unanswered) console.log(`  !!! ${fmt(p.r.unanswered)} calls unanswered after the drain period`);
  if (p.r.skippedBusy) console.log(`  !!! ${fmt(p.r.skippedBusy)} sends skipped: every charger still waiting for its previous answer (server behind)`);
  if (p.r.disconnects) console.log(`  !!! ${fmt(p.r.disconnects)} chargers disconnected during the phase`);
  // CPU time per message is what the machine's other load disturbs least.
  for (const g of p.cpu.groups) {
    const perMsg = answered ? ((g.avgCpu / 100) * p.seconds * 1000) / answered : 0;
    console.log(`  ${g.name.padEnd(16)} CPU avg ${fmt(g.avgCpu, 0)}% max ${fmt(g.maxCpu, 0)}% (of one core) = ${fmt(perMsg, 3)} ms CPU/msg   RSS max ${fmt(g.maxRssMb, 0)} MB`);
  }
  console.log(`  machine busy ${fmt(p.cpu.machineBusyPct, 0)}% of ${os.cpus().length} cores; load average ${p.cpu.load.map((x) => x.toFixed(2)).join(" ")}`);
  return rate;
}

async function phase(label: string, fleet: Fleet, sampler: Sampler, o: { mode: "rate" | "saturate"; seconds: number }): Promise<TPhase> {
  log(`${label}: ${o.mode === "rate" ? `${fmt(RATE)} msg/s` : `closed loop, ${fmt(SAT_INFLIGHT)} in flight`} for ${o.seconds} s`);
  let lastPrint = Date.now();
  fleet.onProgress = (p) => {
    if (Date.now() - lastPrint < 10_000) return;
    lastPrint = Date.now();
    log(`  sent ${fmt(p.sent)}, answered ${fmt(p.answered)}, in flight ${fmt(p.inflight)}, load ${loadavg()}`);
  };
  sampler.start();
  const r = await fleet.run({ mode: o.mode, rate: RATE, inflight: SAT_INFLIGHT, durationMs: o.seconds * 1000, mix: MIX });
  const cpu = sampler.stop();
  fleet.onProgress = undefined;
  const seconds = Math.max(o.seconds, (r.lastAnswerAt - r.firstSendAt) / 1000);
  return { label, r, seconds, cpu };
}

async function counts(client: pg.Client) {
  const q = async (sql: string) => Number((await client.query(sql)).rows[0].n);
  // A row holds one MeterValue element; what is counted is its sampled values.
  return { readings: await q(`SELECT coalesce(sum(jsonb_array_length(sampled_values)), 0) n FROM meter_readings`), statusLogs: await q(`SELECT count(*) n FROM station_status_logs`) };
}

async function verifyPersisted(client: pg.Client, before: { readings: number; statusLogs: number }, r: TMerged): Promise<boolean> {
  const after = await counts(client);
  const readings = after.readings - before.readings;
  const statusRows = after.statusLogs - before.statusLogs;
  const hb = r.heartbeats;
  const hbOk = hb.length
    ? Number((await client.query(
        `SELECT count(*) n FROM stations s JOIN unnest($1::text[], $2::timestamptz[]) v(ident, at) ON s.ocpp_identity = v.ident WHERE s.last_heartbeat_at >= v.at`,
        [hb.map((x) => x[0]), hb.map((x) => x[1])],
      )).rows[0].n)
    : 0;
  const mt = r.meters;
  const sessOk = mt.length
    ? Number((await client.query(
        `SELECT count(*) n FROM charging_sessions s JOIN unnest($1::int[], $2::bigint[]) v(tid, wh) ON s.transaction_id = v.tid WHERE s.last_meter_wh = v.wh`,
        [mt.map((x) => x[0]), mt.map((x) => x[1])],
      )).rows[0].n)
    : 0;
  const checks = [
    { what: "sampled values stored (every one answered)", expected: r.sampledValuesAnswered, found: readings, extraOk: r.unanswered > 0 },
    { what: "status history rows (one per StatusNotification answered; each was a change)", expected: r.answered.StatusNotification ?? 0, found: statusRows, extraOk: r.unanswered > 0 },
    { what: "chargers whose last heartbeat time is stored", expected: hb.length, found: hbOk, extraOk: false },
    { what: "sessions whose running meter equals the last register answered", expected: mt.length, found: sessOk, extraOk: false },
  ];
  console.log("\n  persisted?");
  let ok = true;
  for (const c of checks) {
    const short = c.expected - c.found;
    const mark = short > 0 ? "!!! SHORTFALL" : c.found > c.expected && !c.extraOk ? "!!! MORE THAN ANSWERED" : "ok";
    if (mark !== "ok") ok = false;
    console.log(`  ${mark.padEnd(14)} ${c.what}: expected ${fmt(c.expected)}, found ${fmt(c.found)}${short > 0 ? `, MISSING ${fmt(short)}` : ""}`);
  }
  if (!ok) console.log("  !!!!!!!! NOT EVERY ANSWERED MESSAGE IS IN THE DATABASE !!!!!!!!");
  return ok;
}

// Updates that had to touch every index of their table (not HOT) cost
// PostgreSQL several times more than HOT ones: worth seeing per hot table.
async function reportHotUpdates(client: pg.Client) {
  const { rows } = await client.query(
    `SELECT relname, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname IN ('stations', 'connectors', 'charging_sessions') ORDER BY relname`,
  );
  console.log(`  updates (HOT share): ${rows.map((r) => `${r.relname} ${fmt(Number(r.n_tup_upd))} (${fmt((100 * Number(r.n_tup_hot_upd)) / Math.max(1, Number(r.n_tup_upd)), 0)}%)`).join(", ")}`);
  // Checkpoints flush and fsync the data files while commits wait on their own
  // WAL fsync: a latency tail that lines up with them is PostgreSQL's, not ours.
  const [c] = (await client.query(
    `SELECT num_timed, num_requested, write_time, sync_time, (SELECT wal_bytes FROM pg_stat_wal) AS wal_bytes FROM pg_stat_checkpointer`,
  )).rows;
  console.log(`  since PostgreSQL started: checkpoints ${fmt(Number(c.num_timed) + Number(c.num_requested))} (${fmt(Number(c.num_requested))} requested by WAL volume), write ${fmt(c.write_time / 1000, 1)} s, sync ${fmt(c.sync_time / 1000, 1)} s; WAL ${fmt(Number(c.wal_bytes) / 1e9, 2)} GB`);
}

async function main() {
  console.log(`bench:ocpp  chargers ${fmt(CHARGERS)}, rate ${fmt(RATE)} msg/s, duration ${DURATION_S} s, load-generator processes ${WORKERS}, server processes ${SERVER_WORKERS}, mix MeterValues/Heartbeat/Status ${mv}/${hb}/${sn}, transactions ${TRANSACTIONS ? "on" : "off"}`);
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, load average ${loadavg()}; open-files limit ${fdLimit()} (children inherit it)`);
  const logDir = mkdtempSync(path.join(os.tmpdir(), "chargeway-bench-logs-"));
  const db = await startDatabase(log, { durable: !flag("fast-db") });
  const pm = db.dataDir ? postmasterOf(db.dataDir) : null;
  let server: TServerProc | undefined;
  let echo: TServerProc | undefined;
  const fleet = new Fleet(WORKERS);
  const client = new pg.Client({ connectionString: db.url });
  let allPersisted = true;
  const results: Record<string, number> = {};
  try {
    await client.connect();
    log(`PostgreSQL ${(await client.query("SHOW server_version")).rows[0].server_version}; seeding ${fmt(CHARGERS)} chargers`);
    await seedChargers(db.url, CHARGERS, PASSWORD);
    const identities = Array.from({ length: CHARGERS }, (_, i) => identityOf(i));

    server = await startOurServer(db.url, logDir, DB_POOL, flag("cpu-profile"), arg("server-node-args", "").split(/\s+/).filter(Boolean), SERVER_WORKERS);
    log(`our OCPP server: pid ${server.proc.pid}, port ${server.port}, log ${server.logFile}`);
    const srv = server;
    const groups: TGroup[] = [
      { name: "OCPP server", pids: () => serverPids(srv) },
      ...(pm ? [{ name: "PostgreSQL", pids: () => [pm, ...childrenOf(pm)] }] : []),
      { name: "load generators", pids: () => fleet.pids() },
    ];
    const sampler = new Sampler(groups);

    sampler.start();
    const conn = await fleet.connect(`ws://127.0.0.1:${server.port}/ocpp`, identities, PASSWORD, { concurrency: 50, transactions: TRANSACTIONS });
    const connCpu = sampler.stop();
    log(`connected ${fmt(conn.connected)} of ${fmt(CHARGERS)} chargers in ${fmt(conn.ms / 1000, 1)} s (connect + Boot${TRANSACTIONS ? " + StartTransaction" : ""} + StatusNotification)` +
      `${conn.failed ? `; !!! ${conn.failed} FAILED: ${JSON.stringify(conn.failures)}` : ""}; server RSS ${fmt(sumMb(serverPids(server), "rss"), 0)} MB, CPU avg ${fmt(connCpu.groups[0].avgCpu, 0)}%`);
    results.connected = conn.connected;

    const before = await counts(client);
    const sustained = await phase("our server, sustained target rate", fleet, sampler, { mode: "rate", seconds: DURATION_S });
    results.sustainedRate = report(sustained);
    results.p99 = percentile(sustained.r, 99);
    allPersisted = await verifyPersisted(client, before, sustained.r);
    await reportHotUpdates(client);

    if (SAT_S > 0) {
      const before2 = await counts(client);
      const sat = await phase("our server, flat out", fleet, sampler, { mode: "saturate", seconds: SAT_S });
      results.oursMax = report(sat);
      allPersisted = (await verifyPersisted(client, before2, sat.r)) && allPersisted;
    }
    // With workers, the sum of each process's peak (at least the peak of the sum).
    results.serverPeakRssMb = sumMb(serverPids(server), "hwm");
    await fleet.closeSockets();
    const code = await server.stop();
    log(`our server stopped (exit code ${code}); peak RSS ${fmt(results.serverPeakRssMb, 0)} MB`);
    server = undefined;

    if (SAT_S > 0 && !flag("skip-echo")) {
      echo = await startEchoServer(logDir);
      const e = echo;
      const echoSampler = new Sampler([{ name: "echo server", pids: () => [e.proc.pid!] }, { name: "load generators", pids: () => fleet.pids() }]);
      const c2 = await fleet.connect(`ws://127.0.0.1:${echo.port}/ocpp`, identities, PASSWORD, { concurrency: 50, transactions: TRANSACTIONS });
      log(`echo server: connected ${fmt(c2.connected)} chargers in ${fmt(c2.ms / 1000, 1)} s`);
      const es = await phase("bare ocpp-rpc echo server, flat out", fleet, echoSampler, { mode: "saturate", seconds: SAT_S });
      results.echoMax = report(es);
      await fleet.closeSockets();
      await echo.stop();
      echo = undefined;
    }

    console.log("\n== summary ==");
    const line = (name: string, value: string, pass: boolean | null) => console.log(`  ${pass === null ? "    " : pass ? "PASS" : "FAIL"}  ${name.padEnd(44)} ${value}`);
    line("chargers connected (target 10,000)", fmt(results.connected), results.connected >= 10_000);
    line(`sustained msg/s (target 5,000 for 300 s)`, `${fmt(results.sustainedRate)} msg/s for ${DURATION_S} s`, results.sustainedRate >= 5000 * 0.98 && DURATION_S >= 300);
    line("every answered message persisted", allPersisted ? "yes" : "NO", allPersisted);
    line("p99 latency at target rate (target < 100 ms)", `${fmt(results.p99, 1)} ms`, results.p99 < 100);
    line("server peak RSS (target < 1.5 GB)", `${fmt(results.serverPeakRssMb, 0)} MB`, results.serverPeakRssMb < 1536);
    if (results.echoMax) {
      const ratio = results.oursMax / results.echoMax;
      line("ours / echo flat-out throughput (target >= 25%)", `${fmt(results.oursMax)} / ${fmt(results.echoMax)} msg/s = ${fmt(ratio * 100, 1)}%`, ratio >= 0.25);
    }
    console.log(`  load average at end: ${loadavg()}; logs in ${logDir}`);
  } finally {
    fleet.kill();
    await client.end().catch(() => {});
    await server?.stop();
    await echo?.stop();
    await db.stop();
  }
  process.exitCode = allPersisted ? 0 : 1;
}

await main();
