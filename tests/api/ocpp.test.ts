// The API meets the real OCPP server: a password set through the API lets a
// charger in; commands reach an online charger and fail clearly for an offline one.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { truncateAll, type TestDb } from "../helpers/db.ts";
import { RPCClient } from "../../lib/ocpp/rpc.ts";
import { startOcppServer, type TOcppServer } from "../../ocpp-server/server.ts";
import { apiTestDb, call, newKey, routes, stationBody } from "./helpers.ts";

let t: TestDb;
let server: TOcppServer;
let key: string;
const clients: any[] = [];
const noop = () => {};

before(async () => {
  t = await apiTestDb();
  server = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "api-test", commandSweepMs: 300, log: { debug: noop, info: noop, warn: noop, error: noop } });
});
after(async () => {
  await Promise.allSettled(clients.map((c) => c.close({ force: true })));
  await server.close();
  await t.close();
});
beforeEach(async () => {
  // Let the server finish the previous test's disconnect bookkeeping before the tables are emptied under it.
  await Promise.allSettled(clients.splice(0).map((c) => c.close({ force: true })));
  await until(async () => server.connectedChargers() === 0, "chargers gone");
  await server.whenIdle();
  await truncateAll(t.db);
  key = await newKey(t);
});

function charger(identity: string, password: string | null) {
  const c = new RPCClient({ endpoint: `ws://127.0.0.1:${server.port}/ocpp`, identity, password, protocols: ["ocpp1.6"], strictMode: true, reconnect: false });
  clients.push(c);
  return c;
}

async function connectStatus(identity: string, password: string | null): Promise<number> {
  const c = charger(identity, password);
  try {
    await c.connect();
    await c.close({ force: true });
    return 101;
  } catch (err) {
    return (err as { code?: number }).code ?? -1;
  }
}

async function until(fn: () => Promise<boolean>, what: string, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("API and OCPP server together", () => {
  test("a charger created by the API connects with the password set through the API, not with another", async () => {
    const id = (await call((await routes.stations()).POST, "POST", "/stations", { key, body: stationBody("CP-API-PW") })).body.data.id;
    assert.equal(await connectStatus("CP-API-PW", "anything-at-all"), 401, "no password set yet: refused");
    const { PUT } = await routes.ocppPassword();
    assert.equal((await call(PUT, "PUT", `/stations/${id}/ocpp-password`, { key, params: { id }, body: { password: "first-password-1" } })).status, 200);
    assert.equal(await connectStatus("CP-API-PW", "wrong-password-1"), 401);
    const c = charger("CP-API-PW", "first-password-1");
    await c.connect();
    const boot = await c.call("BootNotification", { chargePointVendor: "Acme", chargePointModel: "A1" });
    assert.equal(boot.status, "Accepted");
    await c.close({ force: true });

    // Replacing the password locks the old one out.
    assert.equal((await call(PUT, "PUT", `/stations/${id}/ocpp-password`, { key, params: { id }, body: { password: "second-password-2" } })).status, 200);
    assert.equal(await connectStatus("CP-API-PW", "first-password-1"), 401);
    assert.equal(await connectStatus("CP-API-PW", "second-password-2"), 101);
  });

  test("a command to an offline charger fails at once with 409 naming it, and is recorded FAILED", async () => {
    const id = (await call((await routes.stations()).POST, "POST", "/stations", { key, body: stationBody("CP-OFF") })).body.data.id;
    const { POST } = await routes.stationCommands();
    const r = await call(POST, "POST", `/stations/${id}/commands`, { key, params: { id }, body: { action: "Reset", payload: { type: "Soft" }, wait: true } });
    assert.equal(r.status, 409);
    assert.match(r.body.error, /CP-OFF is offline/);
    assert.equal(r.body.data.status, "FAILED");
    const got = await call((await routes.command()).GET, "GET", `/commands/${r.body.data.id}`, { key, params: { id: r.body.data.id } });
    assert.equal(got.body.data.status, "FAILED");
  });

  test("a command to an online charger: 202 queued, or with wait the charger's answer; bad payloads are 400", async () => {
    const id = (await call((await routes.stations()).POST, "POST", "/stations", { key, body: stationBody("CP-ON", { password: "online-password" }) })).body.data.id;
    const c = charger("CP-ON", "online-password");
    const seen: string[] = [];
    c.handle("ClearCache", () => { seen.push("ClearCache"); return { status: "Accepted" }; });
    c.handle("Reset", ({ params }: any) => { seen.push(`Reset ${params.type}`); return { status: "Rejected" }; });
    await c.connect();
    await until(async () => (await t.db.station.findUniqueOrThrow({ where: { id } })).isOnline, "charger online");

    const { POST, GET } = await routes.stationCommands();
    const waited = await call(POST, "POST", `/stations/${id}/commands`, { key, params: { id }, body: { action: "Reset", payload: { type: "Hard" }, wait: true, timeoutMs: 5000 } });
    assert.equal(waited.status, 200, JSON.stringify(waited.body));
    assert.equal(waited.body.data.status, "ANSWERED");
    assert.deepEqual(waited.body.data.response, { status: "Rejected" });

    const queued = await call(POST, "POST", `/stations/${id}/commands`, { key, params: { id }, body: { action: "ClearCache" } });
    assert.equal(queued.status, 202);
    assert.ok(["QUEUED", "SENT", "ANSWERED"].includes(queued.body.data.status));
    const cmd = (await routes.command()).GET;
    await until(async () => (await call(cmd, "GET", `/commands/${queued.body.data.id}`, { key, params: { id: queued.body.data.id } })).body.data.status === "ANSWERED", "ClearCache answered");
    assert.deepEqual(seen, ["Reset Hard", "ClearCache"]);

    const badPayload = await call(POST, "POST", `/stations/${id}/commands`, { key, params: { id }, body: { action: "Reset", payload: { type: "Sideways" } } });
    assert.equal(badPayload.status, 400);
    assert.ok(badPayload.body.fieldErrors.payload);
    const badAction = await call(POST, "POST", `/stations/${id}/commands`, { key, params: { id }, body: { action: "SelfDestruct" } });
    assert.equal(badAction.status, 400);
    assert.ok(badAction.body.fieldErrors.action);

    const listed = await call(GET, "GET", `/stations/${id}/commands`, { key, params: { id }, query: "status=ANSWERED" });
    assert.deepEqual(listed.body.data.map((x: any) => x.action).sort(), ["ClearCache", "Reset"]);
    await c.close({ force: true });
  });
});
