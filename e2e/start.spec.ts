// `npm start` as a new user runs it: the embedded database, migrations, demo
// data on the first start only, both processes healthy, Ctrl-C stops everything,
// and a second start reuses the data.
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, portInUse } from "../scripts/lib/embedded-db.ts";

test.describe.configure({ mode: "serial" });

type Run = { output: () => string; stop: () => Promise<void> };

function npmStart(env: Record<string, string>): Run {
  const { DATABASE_URL: _external, ...rest } = process.env;
  // Its own process group, so the test can send Ctrl-C to the whole group as a terminal does.
  const child = spawn("npm", ["start"], { env: { ...rest, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  return {
    output: () => out,
    stop: async () => {
      process.kill(-child.pid!, "SIGINT");
      const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

test("npm start: first start seeds and serves, Ctrl-C stops everything, a second start reuses the data", async ({ request }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chargeway-start-"));
  const [port, ocppPort, pgPort] = [await freePort(), await freePort(), await freePort()];
  const env = {
    PORT: String(port), OCPP_PORT: String(ocppPort), EMBEDDED_PG_PORT: String(pgPort),
    CHARGEWAY_DATA_DIR: dataDir, DEMO_CHARGERS: "0", NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  };
  try {
    const first = npmStart(env);
    await expect.poll(first.output, { timeout: 180_000, intervals: [1000] }).toContain("Press Ctrl-C to stop");
    expect(first.output()).toContain("demo data loaded (first start)");
    for (const email of ["driver@chargeway.test", "admin@chargeway.test", "garage@chargeway.test", "owner@chargeway.test", "provider@chargeway.test"]) {
      expect(first.output()).toContain(email);
    }
    const health = await request.get(`http://127.0.0.1:${port}/api/health`);
    expect(health.status()).toBe(200);
    const body = await health.json();
    expect([body.database.status, body.ocpp.status]).toEqual(["up", "up"]);
    expect((await request.get(`http://127.0.0.1:${port}/`)).status()).toBe(200);

    // npm itself ends by the signal, as after Ctrl-C in a terminal; what matters is
    // that the orchestrator shut down in order and nothing is left listening.
    await first.stop();
    expect(first.output()).toContain("embedded PostgreSQL stopped");
    expect(first.output()).toContain("[start] stopped");
    for (const p of [port, ocppPort, pgPort]) expect(await portInUse(p), `port ${p} still open`).toBe(false);

    const second = npmStart(env);
    await expect.poll(second.output, { timeout: 180_000, intervals: [1000] }).toContain("Press Ctrl-C to stop");
    expect(second.output()).toContain("migrations up to date");
    expect(second.output()).toContain("demo data not loaded: the database already has users");
    expect((await request.get(`http://127.0.0.1:${port}/api/health`)).status()).toBe(200);
    await second.stop();
    expect(second.output()).toContain("[start] stopped");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
