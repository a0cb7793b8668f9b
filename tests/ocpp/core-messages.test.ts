// BootNotification, Heartbeat and StatusNotification from a real client.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { bootedCharger, connect, createCharger, iso, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "./helpers.ts";

let env: TEnv;
before(async () => { env = await startEnv({ heartbeatIntervalSec: 120 }); });
after(async () => { await stopEnv(env); });
beforeEach(async () => { await resetEnv(env); });

describe("BootNotification", () => {
  test("an accepted charger gets Accepted with the heartbeat interval; hardware and boot log are stored", async () => {
    const st = await createCharger(env.t.db, "CP-BOOT");
    const c = await connect(env, "CP-BOOT");
    const res = await c.call("BootNotification", {
      chargePointVendor: "Alfen",
      chargePointModel: "Eve Single",
      firmwareVersion: "4.12.0",
      chargePointSerialNumber: "SN-1",
      chargeBoxSerialNumber: "CB-1",
      iccid: "8949",
      imsi: "2620",
      meterType: "Eastron",
      meterSerialNumber: "M-9",
    });
    assert.equal(res.status, "Accepted");
    assert.equal(res.interval, 120);
    assert.ok(Math.abs(new Date(res.currentTime).getTime() - Date.now()) < 5000);
    const s = await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } });
    assert.equal(s.vendor, "Alfen");
    assert.equal(s.firmwareVersion, "4.12.0");
    assert.equal(s.meterSerialNumber, "M-9");
    assert.ok(s.lastBootAt);
    const logs = await env.t.db.bootLog.findMany({ where: { stationId: st.id } });
    assert.equal(logs.length, 1);
    assert.equal(logs[0].ipAddress, "127.0.0.1");
    assert.equal(logs[0].chargeBoxSerial, "CB-1");
    assert.equal(logs[0].answer, "ACCEPTED");
  });

  test("a charger still pending adoption gets Pending, a suspended one Rejected", async () => {
    await createCharger(env.t.db, "CP-PEND", { registrationStatus: "PENDING" });
    await createCharger(env.t.db, "CP-SUSP", { status: "SUSPENDED" });
    const p = await connect(env, "CP-PEND");
    const s = await connect(env, "CP-SUSP");
    assert.equal((await p.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Pending");
    assert.equal((await s.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Rejected");
  });
});

describe("a charger not (yet) accepted", () => {
  test("may only boot: other messages get SecurityError and store nothing, unless asked for by TriggerMessage", async () => {
    const { sendCommand } = await import("../../lib/ocpp/commands.ts");
    const st = await createCharger(env.t.db, "CP-WAIT", { registrationStatus: "PENDING" });
    const c = await connect(env, "CP-WAIT");
    c.handle("TriggerMessage", () => ({ status: "Accepted" }));
    await assert.rejects(c.call("Heartbeat", {}), (e: any) => e.rpcErrorCode === "SecurityError", "before any boot (stored registration)");
    assert.equal((await c.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Pending");
    const booted = await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } });
    await new Promise((r) => setTimeout(r, 5));
    await assert.rejects(c.call("Heartbeat", {}), (e: any) => e.rpcErrorCode === "SecurityError");
    await assert.rejects(
      c.call("MeterValues", { connectorId: 1, meterValue: [{ timestamp: iso(), sampledValue: [{ value: "10" }] }] }),
      (e: any) => e.rpcErrorCode === "SecurityError",
    );
    const status = { connectorId: 1, errorCode: "NoError", status: "Available" };
    await assert.rejects(c.call("StatusNotification", status), (e: any) => e.rpcErrorCode === "SecurityError");
    const s1 = await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } });
    assert.deepEqual(s1.lastHeartbeatAt, booted.lastHeartbeatAt, "the refused heartbeat was not stored");
    assert.equal(await env.t.db.stationStatusLog.count({ where: { stationId: st.id } }), 0);
    assert.equal(await env.t.db.meterReading.count({ where: { stationId: st.id } }), 0);
    // A transaction record (queued before the charger lost its acceptance) is still answered and kept.
    const stop = await c.call("StopTransaction", { transactionId: 987654, meterStop: 4200, timestamp: iso(), reason: "Local" });
    assert.ok(stop && typeof stop === "object", "StopTransaction answered normally");
    assert.ok(await env.t.db.ocppIncident.count({ where: { stationId: st.id } }) >= 1, "the unknown transaction's stop is recorded for review");

    // The central system may ask a pending charger for a message: that one is taken.
    const trigger = await sendCommand(env.t.db, { stationId: st.id, action: "TriggerMessage", payload: { requestedMessage: "StatusNotification", connectorId: 1 } });
    assert.equal(trigger.status, "ANSWERED");
    assert.deepEqual(await c.call("StatusNotification", status), {});
    await assert.rejects(c.call("Heartbeat", {}), (e: any) => e.rpcErrorCode === "SecurityError", "only what was asked for");

    await env.t.db.station.update({ where: { id: st.id }, data: { registrationStatus: "ACCEPTED" } });
    assert.equal((await c.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Accepted");
    assert.ok((await c.call("Heartbeat", {})).currentTime);
  });
});

describe("Heartbeat", () => {
  test("answers the server time and stores the last heartbeat before answering", async () => {
    const { station, client } = await bootedCharger(env, "CP-HB");
    await env.t.db.station.update({ where: { id: station.id }, data: { lastHeartbeatAt: new Date("2020-01-01") } });
    const before = Date.now();
    const res = await client.call("Heartbeat", {});
    assert.ok(new Date(res.currentTime).getTime() >= before - 5);
    const s = await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } });
    assert.ok(s.lastHeartbeatAt!.getTime() >= before - 5, "stored by the time the answer arrived");
  });
});

describe("StatusNotification", () => {
  test("creates unknown connectors, keeps history only on change, and drives availability", async () => {
    const { station, client } = await bootedCharger(env, "CP-ST");
    const send = (connectorId: number, status: string, errorCode = "NoError", extra = {}) =>
      client.call("StatusNotification", { connectorId, status, errorCode, timestamp: iso(), ...extra });

    await send(1, "Available");
    await send(2, "Available");
    const load = () => env.t.db.station.findUniqueOrThrow({ where: { id: station.id }, include: { connectors: { orderBy: { connectorId: "asc" } } } });
    let s = await load();
    assert.deepEqual(s.connectors.map((c) => [c.connectorId, c.status]), [[1, "AVAILABLE"], [2, "AVAILABLE"]]);
    assert.equal(s.availability, "AVAILABLE");

    await send(1, "Charging");
    await send(1, "Charging"); // repeated: no new history row
    await send(2, "Faulted", "GroundFailure", { vendorErrorCode: "E42", info: "earth leak" });
    s = await load();
    assert.equal(s.availability, "BUSY");
    assert.equal(s.connectors[1].errorCode, "GroundFailure");
    assert.equal(s.connectors[1].vendorErrorCode, "E42");

    const history = await env.t.db.stationStatusLog.findMany({ where: { stationId: station.id, connectorId: 1 }, orderBy: { id: "asc" } });
    assert.deepEqual(history.map((h) => [h.previousStatus, h.newStatus]), [["UNKNOWN", "AVAILABLE"], ["AVAILABLE", "CHARGING"]]);

    await send(0, "Unavailable");
    s = await load();
    assert.equal(s.chargerStatus, "UNAVAILABLE");
    assert.equal(s.availability, "OUT_OF_ORDER");
    const whole = await env.t.db.stationStatusLog.findMany({ where: { stationId: station.id, connectorId: 0 } });
    assert.equal(whole.length, 1);
  });

  test("a timestamp far from our clock is kept as sent and flagged", async () => {
    const { station, client } = await bootedCharger(env, "CP-SKEW");
    const sent = "2015-06-01T10:00:00.000Z";
    await client.call("StatusNotification", { connectorId: 1, status: "Available", errorCode: "NoError", timestamp: sent });
    const log = await env.t.db.stationStatusLog.findFirstOrThrow({ where: { stationId: station.id } });
    assert.equal(log.changedAt.toISOString(), sent);
    const inc = await env.t.db.ocppIncident.findMany({ where: { stationId: station.id, kind: "CLOCK_SKEW" } });
    assert.equal(inc.length, 1);
  });
});

describe("connection state", () => {
  test("online flag, instance id and connection log follow the socket", async () => {
    const st = await createCharger(env.t.db, "CP-ON");
    const c = await connect(env, "CP-ON");
    const online = await waitFor(async () => {
      const s = await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } });
      return s.isOnline ? s : null;
    });
    assert.equal(online!.ocppInstanceId, "test-instance");
    assert.ok(online!.connectedAt);
    await c.close();
    await waitFor(async () => !(await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } })).isOnline, 5000, "offline");
    const s = await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } });
    assert.equal(s.availability, "OFFLINE");
    assert.equal(s.ocppInstanceId, null);
    const log = await env.t.db.stationConnectionLog.findMany({ where: { stationId: st.id }, orderBy: { id: "asc" } });
    assert.deepEqual(log.map((l) => l.event), ["CONNECTED", "DISCONNECTED"]);
  });
});
