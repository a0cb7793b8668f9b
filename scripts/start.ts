// npm start — the whole product on one machine: PostgreSQL (embedded unless
// DATABASE_URL is set), migrations, demo data on first start, the web app on
// PORT and the OCPP server on OCPP_PORT. Ctrl-C stops everything cleanly.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db/client.ts";
import { migrate } from "../lib/db/migrate.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo-accounts.ts";
import { seedDemo } from "../lib/seed/seed-demo.ts";
import { buildIfStale } from "./lib/build.ts";
import { DATA_DIR, resolveDatabase } from "./lib/database.ts";
import { startChild, stopChild, waitForHttp, type Child } from "./lib/processes.ts";

const dev = process.argv.includes("--dev");
const PORT = Number(process.env.PORT ?? 3000);
const OCPP_PORT = Number(process.env.OCPP_PORT ?? 9000);
const t0 = Date.now();
const step = (msg: string) => console.log(`[start] ${msg} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // Kept in .data so sessions survive a restart.
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

const children: Child[] = [];
let database: Awaited<ReturnType<typeof resolveDatabase>> | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n[start] stopping…");
  for (const c of [...children].reverse()) await stopChild(c);
  if (database?.embedded) {
    await database.embedded.stop();
    console.log("[start] embedded PostgreSQL stopped");
  }
  console.log("[start] stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  step(process.env.DATABASE_URL ? "using PostgreSQL from DATABASE_URL" : `starting embedded PostgreSQL (data in ${path.relative(process.cwd(), DATA_DIR)}/postgres)`);
  database = await resolveDatabase((l) => console.log(`[db]    ${l}`));
  step("database is up; applying migrations");
  const m = await migrate(database.url, { log: (l) => console.log(`[db]    ${l}`) });
  step(m.applied.length ? `applied ${m.applied.length} migration(s)` : "migrations up to date");

  const db = createDb(database.url, 2);
  const seeded = await seedDemo(db);
  await db.$disconnect();
  step(seeded.seeded ? "demo data loaded (first start)" : `demo data not loaded: ${seeded.reason}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(PORT),
    OCPP_PORT: String(OCPP_PORT),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
    NEXTAUTH_SECRET: authSecret(),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, { NEXTAUTH_SECRET: env.NEXTAUTH_SECRET });

  if (!dev) await buildIfStale(step);

  children.push(startChild("ocpp", process.execPath, ["--import", "tsx", "ocpp-server/main.ts"], { ...env, NODE_ENV: "production" }));
  children.push(
    startChild("web", process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(PORT)], {
      ...env,
      NODE_ENV: dev ? "development" : "production",
    }),
  );
  for (const c of children) {
    void c.exited.then((code) => {
      if (!stopping) {
        console.error(`[start] ${c.name} exited unexpectedly (code ${code}); stopping everything`);
        void shutdown(1);
      }
    });
  }

  const healthy = await waitForHttp(`http://127.0.0.1:${PORT}/api/health`, 120_000);
  if (!healthy) {
    console.error("[start] the web app did not report healthy within 2 minutes; see the output above");
    const res = await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null);
    if (res) console.error(await res.text());
    await shutdown(1);
  }
  step("all processes healthy");

  if (process.env.DEMO_CHARGERS !== "0") {
    children.push(startChild("demo", process.execPath, ["--import", "tsx", "scripts/demo-chargers.ts", "--url", `ws://127.0.0.1:${OCPP_PORT}/ocpp`], env));
  }

  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  console.log(`
  ┌──────────────────────────────────────────────────────────────
  │ Chargeway is running
  │   Web app        http://localhost:${PORT}
  │   Health         http://localhost:${PORT}/api/health
  │   OCPP 1.6-J     ws://localhost:${OCPP_PORT}/ocpp/<chargePointId>
  │   Database       ${database.embedded ? `embedded PostgreSQL on port ${database.embedded.port}` : "DATABASE_URL"}
  │
  │ Demo accounts (password: ${DEMO_PASSWORD})
${DEMO_ACCOUNTS.map((a) => `  │   ${a.email.padEnd(width)}  ${a.role}`).join("\n")}
  │
  │ Press Ctrl-C to stop.
  └──────────────────────────────────────────────────────────────
`);
} catch (err) {
  console.error(`[start] ${(err as Error).message}`);
  await shutdown(1);
}
