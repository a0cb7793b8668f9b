// GET /health and the order of a graceful shutdown.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { freshDatabase, withDatabase } from "../helpers/db.ts";
import { startOcppServer } from "../../ocpp-server/server.ts";
import { RPCClient } from "../../lib/ocpp/rpc.ts";
import { createCharger, PASSWORD, quietLog, waitFor } from "./helpers.ts";

describe("health and shutdown", () => {
  test("health reports the database and connected chargers; shutdown answers in-flight calls, marks chargers offline, then stops", async () => {
    const t = await freshDatabase();
    const server = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "health-1", log: quietLog });
    const st = await createCharger(t.db, "CP-H1");
    const client = new RPCClient({ endpoint: `ws://127.0.0.1:${server.port}/ocpp`, identity: "CP-H1", password: PASSWORD, protocols: ["ocpp1.6"], reconnect: false });
    await client.connect();
    await client.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" });

    const res = await fetch(`http://127.0.0.1:${server.port}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: "ok", database: "up", connectedChargers: 1, instanceId: "health-1", accepting: true });
    assert.equal((await fetch(`http://127.0.0.1:${server.port}/nothing`)).status, 404);

    // a call in flight when shutdown starts still gets its answer
    const inflight: Promise<{ currentTime: string }> = client.call("Heartbeat", {});
    const closed = new Promise<{ code: number }>((r) => client.once("close", r));
    await server.close();
    assert.ok((await inflight).currentTime);
    assert.equal((await closed).code, 1001);
    const s = await t.db.station.findUniqueOrThrow({ where: { id: st.id } });
    assert.equal(s.isOnline, false);
    assert.equal(s.availability, "OFFLINE");
    await assert.rejects(fetch(`http://127.0.0.1:${server.port}/health`));
    await t.close();
  });

  test("health is 503 degraded when the database is unreachable", async () => {
    const t = await freshDatabase();
    const server = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "health-2", log: quietLog });
    const name = new URL(t.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: withDatabase(t.url, "postgres") });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
    const res = await fetch(`http://127.0.0.1:${server.port}/health`);
    assert.equal(res.status, 503);
    const body = await res.json();
    assert.equal(body.status, "degraded");
    assert.equal(body.database, "down");
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await admin.end();
    await waitFor(async () => (await fetch(`http://127.0.0.1:${server.port}/health`)).status === 200, 5000, "database back");
    await server.close();
    await t.close();
  });
});
