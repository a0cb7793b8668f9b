// The processes as `npm start` and the README run them: ocpp-server/main.ts
// (health, SIGTERM -> exit 0 with chargers marked offline) and scripts/sim.ts.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { createCharger, PASSWORD, waitFor } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

function run(script: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return { child, output: () => out };
}

describe("processes", () => {
  test("main.ts serves chargers and /health, and on SIGTERM exits 0 with chargers marked offline", async () => {
    for (const id of ["PROC-001", "PROC-002"]) await createCharger(t.db, id);
    const server = run("ocpp-server/main.ts", [], { DATABASE_URL: t.url, OCPP_PORT: "0", OCPP_HOST: "127.0.0.1", OCPP_INSTANCE_ID: "proc-test", OCPP_LOG: "info" });
    const port = await waitFor(() => Number(server.output().match(/"msg":"OCPP server listening","port":(\d+)/)?.[1] ?? 0), 20_000, "server to listen");
    const sim = run("scripts/sim.ts", ["--count", "2", "--url", `ws://127.0.0.1:${port}/ocpp`, "--prefix", "PROC", "--password", PASSWORD], {});
    await waitFor(() => sim.output().includes("2 chargers connected (2 accepted, 0 failed)"), 20_000, "sim to connect");
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    assert.deepEqual([health.status, health.database, health.connectedChargers, health.instanceId], ["ok", "up", 2, "proc-test"]);

    server.child.kill("SIGTERM");
    const [code] = await once(server.child, "exit");
    assert.equal(code, 0, server.output());
    assert.equal(await t.db.station.count({ where: { ocppIdentity: { startsWith: "PROC-" }, isOnline: true } }), 0);
    sim.child.kill("SIGTERM");
    await once(sim.child, "exit");
  });

  test("with OCPP_WORKERS=2 two worker instances share the port; SIGTERM stops both, chargers marked offline", async () => {
    const ids = ["WRK-001", "WRK-002", "WRK-003", "WRK-004"];
    for (const id of ids) await createCharger(t.db, id);
    const server = run("ocpp-server/main.ts", [], { DATABASE_URL: t.url, OCPP_PORT: "0", OCPP_HOST: "127.0.0.1", OCPP_INSTANCE_ID: "wrk", OCPP_WORKERS: "2", OCPP_LOG: "info" });
    const ports = await waitFor(() => {
      const found = [...server.output().matchAll(/"msg":"OCPP server listening","port":(\d+)/g)].map((m) => Number(m[1]));
      return found.length === 2 ? found : null;
    }, 30_000, "both workers to listen");
    assert.equal(ports[0], ports[1], "the workers share one port");
    const sim = run("scripts/sim.ts", ["--count", "4", "--url", `ws://127.0.0.1:${ports[0]}/ocpp`, "--prefix", "WRK", "--password", PASSWORD], {});
    await waitFor(() => sim.output().includes("4 chargers connected (4 accepted, 0 failed)"), 30_000, "sim to connect");
    const rows = await t.db.station.findMany({ where: { ocppIdentity: { in: ids } }, select: { isOnline: true, ocppInstanceId: true } });
    assert.ok(rows.every((r) => r.isOnline));
    assert.deepEqual([...new Set(rows.map((r) => r.ocppInstanceId))].sort(), ["wrk/w1", "wrk/w2"], "the chargers are spread over both workers");

    server.child.kill("SIGTERM");
    const [code] = await once(server.child, "exit");
    assert.equal(code, 0, server.output());
    assert.equal(await t.db.station.count({ where: { ocppIdentity: { in: ids }, isOnline: true } }), 0);
    sim.child.kill("SIGTERM");
    await once(sim.child, "exit");
  });
});
