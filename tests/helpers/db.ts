// Each test file gets its own database, cloned from a migrated template
// (CREATE DATABASE ... TEMPLATE takes ~100 ms), so files never see each
// other's rows and may run in parallel. `npm test` starts the cluster and
// passes TEST_DB_ADMIN_URL; run alone, a file starts a throw-away cluster.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../../lib/db/client.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { freePort, startEmbeddedDb, type EmbeddedDb } from "../../scripts/lib/embedded-db.ts";

export const TEMPLATE_DB = "chargeway_template";

let ownCluster: Promise<{ adminUrl: string; cluster: EmbeddedDb; dir: string }> | undefined;

async function adminUrl(): Promise<string> {
  if (process.env.TEST_DB_ADMIN_URL) return process.env.TEST_DB_ADMIN_URL;
  ownCluster ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chargeway-test-pg-"));
    const cluster = await startEmbeddedDb({ dataDir: path.join(dir, "data"), port: await freePort(), ephemeral: true });
    await cluster.ensureDatabase(TEMPLATE_DB);
    await migrate(cluster.urlFor(TEMPLATE_DB));
    return { adminUrl: cluster.urlFor("postgres"), cluster, dir };
  })();
  return (await ownCluster).adminUrl;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export type TestDb = { db: Db; url: string; name: string; close(): Promise<void> };

/** A new, migrated, empty database for one test file. */
export async function freshDatabase(): Promise<TestDb> {
  const admin = await adminUrl();
  const name = `t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  } finally {
    await client.end();
  }
  const url = withDatabase(admin, name);
  const db = createDb(url, 5);
  return {
    db,
    url,
    name,
    async close() {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await c.end();
      if (ownCluster && !process.env.TEST_DB_ADMIN_URL) {
        // Last file in this process: the runner starts one process per file.
        const own = await ownCluster;
        ownCluster = undefined;
        await own.cluster.stop();
        rmSync(own.dir, { recursive: true, force: true });
      }
    },
  };
}

/** Empties every table but the migration bookkeeping (between tests of one file).
 *  Replica mode switches off the audit log's append-only trigger for this reset only. */
export async function truncateAll(db: Db): Promise<void> {
  const rows = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (!rows.length) return;
  await db.$transaction([
    db.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`),
  ]);
}
