// The simulator as tests and the demo use it, against the real server.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { runDemoChargers, SimulatedCharger } from "../../lib/sim/index.ts";
import { createCharger, PASSWORD, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "./helpers.ts";
import { flattenReadings } from "../../lib/charging/meter-readings.ts";

let env: TEnv;
const sims: SimulatedCharger[] = [];
before(async () => { env = await startEnv(); });
after(async () => { await Promise.allSettled(sims.map((s) => s.close())); await stopEnv(env); });
beforeEach(async () => { await Promise.allSettled(sims.map((s) => s.close())); sims.length = 0; await resetEnv(env); });

describe("SimulatedCharger", () => {
  test("boots, reports statuses, charges with realistic meter values and stops", async () => {
    await env.t.db.authToken.create({ data: { idTag: "SIMCARD" } });
    const st = await createCharger(env.t.db, "SIM-001");
    const sim = new SimulatedCharger({ url: env.url, identity: "SIM-001", password: PASSWORD, connectors: 2, meterIntervalMs: 100, powerW: 22_000 });
    sims.push(sim);
    assert.equal(await sim.connect(), "Accepted");
    const connectors = await env.t.db.connector.findMany({ where: { stationId: st.id }, orderBy: { connectorId: "asc" } });
    assert.deepEqual(connectors.map((c) => [c.connectorId, c.status]), [[1, "AVAILABLE"], [2, "AVAILABLE"]]);
    assert.equal((await sim.authorize("SIMCARD")).status, "Accepted");

    const { transactionId } = await sim.startTransaction(1, "SIMCARD");
    await waitFor(async () => (await env.t.db.meterReading.count({ where: { transactionId } })) >= 3, 5000, "a few meter values");
    const readings = await env.t.db.meterReading.findMany({ where: { transactionId }, select: { timestamp: true, sampledValues: true } });
    const kinds = new Set(flattenReadings(readings).map((m) => `${m.measurand}${m.phase ? ":" + m.phase : ""}`));
    for (const k of ["Energy.Active.Import.Register", "Power.Active.Import", "SoC", "Voltage:L1-N", "Current.Import:L3"]) assert.ok(kinds.has(k), k);
    const live = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId } });
    assert.ok(live.lastPowerW! > 15_000 && live.lastPowerW! <= 22_000, `power ${live.lastPowerW}`);
    assert.equal((await env.t.db.connector.findFirstOrThrow({ where: { stationId: st.id, connectorId: 1 } })).status, "CHARGING");

    await sim.unplug(1);
    const done = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId } });
    assert.equal(done.status, "COMPLETED");
    assert.equal(done.stopReason, "EVDisconnected");
    assert.ok(done.energyWh! >= 0);
    assert.equal(Number(done.meterStopWh! - done.meterStartWh!), done.energyWh);
    assert.equal((await env.t.db.connector.findFirstOrThrow({ where: { stationId: st.id, connectorId: 1 } })).status, "AVAILABLE");
  });

  test("a refused card: the charger gets a transaction id and stops at once", async () => {
    await createCharger(env.t.db, "SIM-002");
    const sim = new SimulatedCharger({ url: env.url, identity: "SIM-002", password: PASSWORD });
    sims.push(sim);
    await sim.connect();
    const res = await sim.startTransaction(1, "STRANGER");
    assert.equal(res.idTagInfo.status, "Invalid");
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId: res.transactionId } });
    assert.equal(s.status, "COMPLETED");
    assert.equal(s.stopReason, "DeAuthorized");
  });
});

describe("runDemoChargers", () => {
  test("connects the given identities and starts sessions on its own, only with cards the server accepts", async () => {
    const ids = ["DEMO-T-01", "DEMO-T-02"];
    const stations = await Promise.all(ids.map((id) => createCharger(env.t.db, id)));
    await env.t.db.authToken.create({ data: { idTag: "DEMO-OK" } });
    const logs: string[] = [];
    const demo = await runDemoChargers({
      url: env.url, identities: ids, password: PASSWORD, sessionEveryMs: 100, sessionDurationMs: [60_000, 60_000], meterIntervalMs: 200,
      idTags: { "DEMO-T-01": ["DEMO-OK"], "DEMO-T-02": ["NOT-OURS"] }, log: (l) => logs.push(l),
    });
    try {
      await waitFor(async () => (await env.t.db.station.count({ where: { ocppIdentity: { in: ids }, isOnline: true } })) === 2, 5000, "demo online");
      await waitFor(async () => (await env.t.db.chargingSession.count({ where: { status: "ACTIVE", stationId: stations[0].id } })) >= 1, 8000, "a demo session");
      // The refused card was asked about and never charged: no session, no energy to explain.
      await waitFor(() => logs.some((l) => l.includes("DEMO-T-02: card NOT-OURS refused")), 8000, "the refused card tried");
      assert.equal(await env.t.db.chargingSession.count({ where: { stationId: stations[1].id } }), 0);
    } finally {
      await demo.stop();
    }
  });
});
