// Who may connect, how a reconnect replaces a socket, and dead-socket detection.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { RPCClient } from "../../lib/ocpp/rpc.ts";
import { bootedCharger, connect, createCharger, PASSWORD, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "./helpers.ts";

let env: TEnv;
before(async () => { env = await startEnv({ pingIntervalMs: 300 }); });
after(async () => { await stopEnv(env); });
beforeEach(async () => { await resetEnv(env); });

async function refused(identity: string, opts: Record<string, unknown> = {}): Promise<number> {
  const c = new RPCClient({ endpoint: env.url, identity, password: PASSWORD, protocols: ["ocpp1.6"], reconnect: false, ...opts });
  try {
    await c.connect();
    await c.close({ force: true });
    return 0;
  } catch (err) {
    return (err as { code?: number }).code ?? -1;
  }
}

describe("security profile 1 (HTTP Basic)", () => {
  test("the right password connects; a wrong or missing one is refused with 401", async () => {
    await createCharger(env.t.db, "CP-PW");
    assert.equal(await refused("CP-PW", { password: "wrong-password" }), 401);
    assert.equal(await refused("CP-PW", { password: null }), 401);
    const c = await connect(env, "CP-PW");
    assert.equal(c.protocol, "ocpp1.6");
  });

  test("the ocpp1.6 subprotocol is required", async () => {
    await createCharger(env.t.db, "CP-PROTO");
    assert.equal(await refused("CP-PROTO", { protocols: ["ocpp2.0.1"] }), 400);
    assert.equal(await refused("CP-PROTO", { protocols: [] }), 400);
  });

  test("an accepted charger with no password set is refused unless chargers may self-register", async () => {
    await env.t.db.station.create({ data: { name: "No pw", lat: 1, lng: 1, ocppIdentity: "CP-NOPW" } });
    assert.equal(await refused("CP-NOPW"), 401);
  });
});

describe("unknown chargers", () => {
  test("pending (default): listed for an admin with lat/lng 0 and answered Pending", async () => {
    const c = await connect(env, "CP-NEW-1");
    const boot = await c.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" });
    assert.equal(boot.status, "Pending");
    const s = await env.t.db.station.findUniqueOrThrow({ where: { ocppIdentity: "CP-NEW-1" } });
    assert.deepEqual([s.registrationStatus, s.status, s.lat, s.lng, s.publish, s.vendor], ["PENDING", "PENDING_APPROVAL", 0, 0, false, "V"]);
  });

  test("reject (AppConfig setting): refused and recorded", async () => {
    await env.t.db.appConfig.create({ data: { key: "ocpp_unknown_chargers", value: "reject", dataType: "STRING" } });
    assert.equal(await refused("CP-NEW-2"), 404);
    assert.equal(await env.t.db.station.count({ where: { ocppIdentity: "CP-NEW-2" } }), 0);
    const inc = await env.t.db.ocppIncident.findFirstOrThrow({ where: { kind: "UNKNOWN_CHARGER" } });
    assert.equal(inc.identity, "CP-NEW-2");
  });

  test("auto: registered and accepted at once", async () => {
    await env.t.db.appConfig.create({ data: { key: "ocpp_unknown_chargers", value: "auto", dataType: "STRING" } });
    const c = await connect(env, "CP-NEW-3", { password: null });
    assert.equal((await c.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Accepted");
  });
});

describe("reconnects and dead sockets", () => {
  test("a charger that reconnects while its old socket is open: the new one wins, the old is closed", async () => {
    const { station, client: first } = await bootedCharger(env, "CP-RE");
    const closed = new Promise<{ code: number }>((r) => first.once("close", r));
    const second = await connect(env, "CP-RE");
    assert.equal((await closed).code, 4000);
    // the old socket's close must not mark the charger offline
    await new Promise((r) => setTimeout(r, 200));
    const s = await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } });
    assert.equal(s.isOnline, true);
    assert.equal(env.server.connectedChargers(), 1);
    assert.equal((await second.call("Heartbeat", {})).currentTime.length > 0, true);
    const events = (await env.t.db.stationConnectionLog.findMany({ where: { stationId: station.id }, orderBy: { id: "asc" } })).map((l) => l.event);
    assert.deepEqual(events, ["CONNECTED", "REPLACED", "CONNECTED"]);
  });

  test("a socket that answers pings stays connected across many ping intervals", async () => {
    const { station, client } = await bootedCharger(env, "CP-ALIVE", { pingIntervalMs: 0 });
    let pongs = 0;
    client._ws.on("ping", () => pongs++);
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(pongs >= 3, `pinged ${pongs} times in 1.5 s at a 300 ms interval`);
    assert.equal((await client.call("Heartbeat", {})).currentTime.length > 0, true);
    assert.equal((await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).isOnline, true);
  });

  test("a socket that stops answering pings is closed and the charger marked offline", async () => {
    const st = await createCharger(env.t.db, "CP-DEAD");
    await connect(env, "CP-DEAD", { wsOpts: { autoPong: false }, pingIntervalMs: 0 });
    await waitFor(async () => (await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } })).isOnline, 3000, "online");
    await waitFor(async () => !(await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } })).isOnline, 5000, "offline after missed pongs");
    assert.equal(env.server.connectedChargers(), 0);
  });
});

describe("adopting a pending charger", () => {
  test("after adoption with a password the charger is accepted, and must use the password", async () => {
    const { adoptCharger } = await import("../../lib/charging/index.ts");
    const first = await connect(env, "CP-ADOPT", { password: null });
    assert.equal((await first.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Pending");
    const st = await env.t.db.station.findUniqueOrThrow({ where: { ocppIdentity: "CP-ADOPT" } });
    await adoptCharger(env.t.db, { stationId: st.id, lat: 52.1, lng: 13.2, password: PASSWORD, name: "Bay 7" });
    assert.equal((await first.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Accepted");
    await first.close();
    assert.equal(await refused("CP-ADOPT", { password: null }), 401);
    const again = await connect(env, "CP-ADOPT");
    assert.equal((await again.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Accepted");
  });
});
