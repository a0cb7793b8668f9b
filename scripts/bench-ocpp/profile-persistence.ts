// node --import tsx scripts/bench-ocpp/profile-persistence.ts [messages]
// Where a message's cost goes, measured without sockets: CPU of this process
// (Prisma + driver) and of PostgreSQL per message, for the OCPP server's
// own persistence functions, next to a group-commit variant (one transaction
// and one multi-row INSERT per batch) as proposed for MeterValues.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "../../lib/db/client.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { recordMeterValues, updateConnectorStatus, useHotPool } from "../../lib/charging/index.ts";
import { freePort, startEmbeddedDb } from "../lib/embedded-db.ts";
import { childrenOf, cpuSeconds, postmasterOf } from "./proc-stats.ts";

const N = Math.min(20_000, Number(process.argv[2] ?? 3000));
const CONCURRENCY = 10;
const dir = mkdtempSync(path.join(os.tmpdir(), "chargeway-profile-"));
const dataDir = path.join(dir, "data");
const cluster = await startEmbeddedDb({ dataDir, port: await freePort(), ephemeral: process.argv.includes("--fast-db") });
await cluster.ensureDatabase("p");
const url = cluster.urlFor("p");
await migrate(url);
const db = createDb(url, CONCURRENCY);
const pm = postmasterOf(dataDir)!;
const pgCpu = () => [pm, ...childrenOf(pm)].reduce((a, p) => a + cpuSeconds(p), 0);

const station = await db.station.create({ data: { name: "P", lat: 1, lng: 1, ocppIdentity: "P-1", connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 11 } } } });
const session = await db.chargingSession.create({ data: { stationId: station.id, connectorNumber: 1, status: "ACTIVE", meterStartWh: 0n, startedAt: new Date() } });
const who = { stationId: station.id, identity: "P-1" };
const samples = (k: number) => [{
  timestamp: new Date(),
  values: [
    { value: String(k), measurand: "Energy.Active.Import.Register", unit: "Wh" },
    { value: "7000", measurand: "Power.Active.Import", unit: "W" },
    ...["L1", "L2", "L3"].map((phase) => ({ value: "10.1", measurand: "Current.Import", phase, unit: "A" })),
    ...["L1-N", "L2-N", "L3-N"].map((phase) => ({ value: "230.0", measurand: "Voltage", phase, unit: "V" })),
  ],
}];

async function measure(label: string, count: number, one: (k: number) => Promise<unknown>, concurrency = CONCURRENCY) {
  const c0 = process.cpuUsage();
  const p0 = pgCpu();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < count) await one(next++); }));
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const node = (c.user + c.system) / 1e6;
  const pgs = pgCpu() - p0;
  console.log(`${label.padEnd(58)} ${String(Math.round(count / wall)).padStart(6)} msg/s   node ${(node / count * 1000).toFixed(3)} ms/msg   PostgreSQL ${(pgs / count * 1000).toFixed(3)} ms/msg`);
}

console.log(`${N} messages each, ${CONCURRENCY} at a time, PostgreSQL ${process.argv.includes("--fast-db") ? "with fsync off" : "durable"}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
await measure("MeterValues, recordMeterValues (8 values, in a session)", N, (k) => recordMeterValues(db, { ...who, connectorNumber: 1, transactionId: session.transactionId, samples: samples(k) }));
await measure("MeterValues, recordMeterValues (8 values, no transaction)", N, (k) => recordMeterValues(db, { ...who, connectorNumber: 1, samples: samples(k) }));
let flip = false;
await measure("StatusNotification, updateConnectorStatus (a change)", Math.floor(N / 2), () => updateConnectorStatus(db, { ...who, connectorNumber: 1, status: (flip = !flip) ? "CHARGING" : "SUSPENDED_EV", errorCode: "NoError" }));

// The same functions with the OCPP server's prepared-statement pool.
const hot = new pg.Pool({ connectionString: url, max: CONCURRENCY });
useHotPool(db, hot);
await measure("MeterValues, recordMeterValues, prepared (in a session)", N, (k) => recordMeterValues(db, { ...who, connectorNumber: 1, transactionId: session.transactionId, samples: samples(k) }));
await measure("StatusNotification, updateConnectorStatus, prepared", Math.floor(N / 2), () => updateConnectorStatus(db, { ...who, connectorNumber: 1, status: (flip = !flip) ? "CHARGING" : "SUSPENDED_EV", errorCode: "NoError" }));
await measure("MeterValues, prepared, 200 at a time (batches as under load)", N, (k) => recordMeterValues(db, { ...who, connectorNumber: 1, transactionId: session.transactionId, samples: samples(k) }), 200);

// The proposal: gather MeterValues for a few ms, write each batch with one
// multi-row INSERT from arrays and one UPDATE of the sessions, in one transaction.
const raw = new pg.Pool({ connectionString: url, max: 2 });
const BATCH = 100;
await measure(`group commit: ${BATCH} MeterValues per transaction (raw SQL)`, N, async (k) => {
  if (k % BATCH !== 0) return;
  const n = Math.min(BATCH, N - k);
  const cols: unknown[][] = [[], [], [], [], [], [], []];
  for (let m = 0; m < n; m++) {
    const values = samples(k + m)[0].values;
    cols[0].push(station.id); cols[1].push(1); cols[2].push(session.id); cols[3].push(session.transactionId); cols[4].push(new Date().toISOString());
    cols[5].push(JSON.stringify(values)); cols[6].push(values[0].value);
  }
  const c = await raw.connect();
  try {
    await c.query("BEGIN");
    await c.query(
      `INSERT INTO meter_readings (station_id, connector_id, session_id, transaction_id, timestamp, sampled_values, energy_wh)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::int[], $5::timestamptz[], $6::jsonb[], $7::bigint[])`,
      cols,
    );
    await c.query(`UPDATE charging_sessions SET last_meter_wh = $2::bigint, last_meter_at = now(), energy_wh = $3::int WHERE id = $1`, [session.id, k + n, k + n]);
    await c.query("COMMIT");
  } finally {
    c.release();
  }
}, 1);

await raw.end();
await hot.end();
await db.$disconnect();
await cluster.stop();
rmSync(dir, { recursive: true, force: true });
