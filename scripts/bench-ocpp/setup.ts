// The benchmark's fixtures: a PostgreSQL (embedded unless BENCH_DATABASE_URL),
// N chargers sharing one password, and the servers under test as child processes.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import pg from "pg";
import { migrate } from "../../lib/db/migrate.ts";
import { freePort, startEmbeddedDb, type EmbeddedDb } from "../lib/embedded-db.ts";

export const IDENTITY_PREFIX = "BENCH-";
export const identityOf = (i: number) => `${IDENTITY_PREFIX}${String(i).padStart(5, "0")}`;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export type TBenchDb = { url: string; dataDir: string | null; stop(): Promise<void> };

export async function startDatabase(log: (l: string) => void, opts: { durable: boolean }): Promise<TBenchDb> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    if (!LOOPBACK.has(new URL(external).hostname)) throw new Error("BENCH_DATABASE_URL must point at a loopback host (the benchmark only targets this machine)");
    await migrate(external);
    return { url: external, dataDir: null, stop: async () => {} };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "chargeway-bench-ocpp-"));
  const dataDir = path.join(dir, "data");
  log(`embedded PostgreSQL in ${dir} (${opts.durable ? "durable: fsync and synchronous_commit on, as npm start runs it" : "ephemeral: fsync off"})`);
  let cluster: EmbeddedDb | undefined;
  try {
    cluster = await startEmbeddedDb({ dataDir, port: await freePort(), ephemeral: !opts.durable });
    await cluster.ensureDatabase("bench");
    const url = cluster.urlFor("bench");
    await migrate(url);
    const c = cluster;
    return { url, dataDir, stop: async () => { await c.stop(); rmSync(dir, { recursive: true, force: true }); } };
  } catch (err) {
    await cluster?.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** N stations with connector 1 and a card each, all with the same OCPP password. Replaces earlier bench rows. */
export async function seedChargers(url: string, n: number, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const hash = await bcrypt.hash(password, 10);
    await client.query(`DELETE FROM charging_sessions WHERE station_id IN (SELECT id FROM stations WHERE ocpp_identity LIKE $1)`, [`${IDENTITY_PREFIX}%`]);
    await client.query(`DELETE FROM stations WHERE ocpp_identity LIKE $1`, [`${IDENTITY_PREFIX}%`]);
    await client.query(`DELETE FROM auth_tokens WHERE id_tag LIKE 'BT%' AND description = 'bench'`);
    for (let from = 0; from < n; from += 2000) {
      const ids: string[] = [];
      const idents: string[] = [];
      for (let i = from; i < Math.min(n, from + 2000); i++) { ids.push(randomUUID()); idents.push(identityOf(i)); }
      await client.query(
        `INSERT INTO stations (id, name, lat, lng, ocpp_identity, ocpp_password_hash, status, registration_status, availability, publish, plug_types, charging_types, max_power_kw, updated_at)
         SELECT id, 'Bench ' || ident, 52.5, 13.4, ident, $3, 'ACTIVE', 'ACCEPTED', 'OFFLINE', false, '{TYPE2}', '{SLOW}', 11, now()
           FROM unnest($1::uuid[], $2::text[]) AS v(id, ident)`,
        [ids, idents, hash],
      );
      await client.query(
        `INSERT INTO connectors (id, station_id, connector_id, type, max_power_kw, updated_at) SELECT gen_random_uuid(), id, 1, 'TYPE2', 11, now() FROM unnest($1::uuid[]) AS v(id)`,
        [ids],
      );
      await client.query(
        `INSERT INTO auth_tokens (id, id_tag, status, description, updated_at) SELECT gen_random_uuid(), 'BT' || i, 'ACCEPTED', 'bench', now() FROM generate_series($1::int, $2::int) AS i
         ON CONFLICT (id_tag) DO NOTHING`,
        [from, Math.min(n, from + 2000) - 1],
      );
    }
  } finally {
    await client.end();
  }
}

export type TServerProc = { proc: ChildProcess; port: number; logFile: string; stop(): Promise<number | null> };

async function waitListening(port: number, proc: ChildProcess, pathName: string | null, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`server exited during start-up (code ${proc.exitCode})`);
    const ok = await new Promise<boolean>((resolve) => {
      import("node:http").then(({ default: http }) => {
        const req = http.get({ host: "127.0.0.1", port, path: pathName ?? "/" }, (res) => { res.resume(); resolve(pathName ? res.statusCode === 200 : true); });
        req.on("error", () => resolve(false));
        req.setTimeout(1000, () => { req.destroy(); resolve(false); });
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on port ${port} did not come up within ${ms} ms`);
}

function startNode(script: string, env: Record<string, string>, logFile: string, nodeArgs: string[] = []): ChildProcess {
  const fd = openSync(logFile, "a");
  return spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", fd, fd] });
}

function stopper(proc: ChildProcess) {
  return () =>
    new Promise<number | null>((resolve) => {
      if (proc.exitCode !== null) return resolve(proc.exitCode);
      const t = setTimeout(() => proc.kill("SIGKILL"), 30_000);
      proc.once("exit", (code) => { clearTimeout(t); resolve(code); });
      proc.kill("SIGTERM");
    });
}

/** Our OCPP server (ocpp-server/main.ts) as its own process, exactly as npm start runs it. */
export async function startOurServer(url: string, logDir: string, dbPool?: number, cpuProfile = false, nodeArgs: string[] = [], workers = 1): Promise<TServerProc> {
  const port = await freePort();
  const logFile = path.join(logDir, "ocpp-server.log");
  const proc = startNode("ocpp-server/main.ts", {
    DATABASE_URL: url, OCPP_PORT: String(port), OCPP_HOST: "127.0.0.1", OCPP_INSTANCE_ID: "bench", OCPP_UNKNOWN_CHARGERS: "reject",
    ...(dbPool ? { OCPP_DB_POOL: String(dbPool) } : {}),
    OCPP_WORKERS: String(workers),
  }, logFile, [...nodeArgs, ...(cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${logDir}`] : [])]);
  await waitListening(port, proc, "/health", 60_000);
  // With workers, /health answers as soon as the first listens: wait for all.
  const end = Date.now() + 60_000;
  while ((readFileSync(logFile, "utf8").match(/"msg":"OCPP server listening"/g) ?? []).length < workers) {
    if (Date.now() > end) throw new Error(`only some of the ${workers} OCPP workers came up within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { proc, port, logFile, stop: stopper(proc) };
}

export async function startEchoServer(logDir: string): Promise<TServerProc> {
  const port = await freePort();
  const logFile = path.join(logDir, "echo-server.log");
  const proc = startNode(path.join("scripts", "bench-ocpp", "echo-server.ts"), { ECHO_PORT: String(port) }, logFile);
  await waitListening(port, proc, null, 60_000);
  return { proc, port, logFile, stop: stopper(proc) };
}
