// Commands from the web app to chargers through the database, answered by the
// simulator (a real ocpp-rpc client) or by a bare client for failure cases.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { CommandInputError, queueCommand, sendCommand, waitForCommand } from "../../lib/ocpp/commands.ts";
import { SimulatedCharger } from "../../lib/sim/index.ts";
import { connect, createCharger, PASSWORD, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "./helpers.ts";

let env: TEnv;
let sims: SimulatedCharger[] = [];
before(async () => { env = await startEnv(); });
after(async () => { await Promise.allSettled(sims.map((s) => s.close())); await stopEnv(env); });
beforeEach(async () => {
  await Promise.allSettled(sims.map((s) => s.close()));
  sims = [];
  await resetEnv(env);
});

async function simCharger(identity: string, connectors = 2) {
  const station = await createCharger(env.t.db, identity);
  const sim = new SimulatedCharger({ url: env.url, identity, password: PASSWORD, connectors, meterIntervalMs: 60_000, stepDelayMs: 20 });
  sims.push(sim);
  assert.equal(await sim.connect(), "Accepted");
  await waitFor(async () => (await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).isOnline, 3000, "online");
  return { station, sim };
}

const send = (stationId: string, action: string, payload: object = {}, timeoutMs?: number) =>
  sendCommand(env.t.db, { stationId, action: action as never, payload: payload as Record<string, unknown>, timeoutMs });

describe("routing", () => {
  test("a command to an offline charger fails at once with a clear error", async () => {
    const st = await createCharger(env.t.db, "CP-OFF");
    const cmd = await send(st.id, "Reset", { type: "Soft" });
    assert.equal(cmd.status, "FAILED");
    assert.equal(cmd.error, "Charger CP-OFF is offline");
  });

  test("an invalid payload or action is refused before anything is stored", async () => {
    const { station } = await simCharger("CP-BAD");
    await assert.rejects(send(station.id, "Reset", { type: "Sideways" }), CommandInputError);
    await assert.rejects(send(station.id, "Explode", {}), CommandInputError);
    assert.equal(await env.t.db.ocppCommand.count(), 0);
  });

  test("queued, then sent, then answered; the charger's answer is stored", async () => {
    const { station } = await simCharger("CP-Q");
    const queued = await queueCommand(env.t.db, { stationId: station.id, action: "ClearCache", payload: {} });
    assert.equal(queued.status, "QUEUED");
    const done = await waitForCommand(env.t.db, queued.id);
    assert.equal(done.status, "ANSWERED");
    assert.deepEqual(done.response, { status: "Accepted" });
    assert.ok(done.sentAt && done.answeredAt);
    assert.equal(done.instanceId, "test-instance");
  });

  test("a CALLERROR from the charger fails the command; no answer in time times it out", async () => {
    const st = await createCharger(env.t.db, "CP-RAWCMD");
    const client = await connect(env, "CP-RAWCMD");
    client.handle("ClearCache", () => new Promise(() => {})); // never answers
    await waitFor(async () => (await env.t.db.station.findUniqueOrThrow({ where: { id: st.id } })).isOnline);
    const failed = await send(st.id, "Reset", { type: "Hard" });
    assert.equal(failed.status, "FAILED");
    assert.match(failed.error!, /^NotImplemented/);
    const timedOut = await send(st.id, "ClearCache", {}, 1000);
    assert.equal(timedOut.status, "TIMED_OUT");
  });
});

describe("every 1.6 command against the simulator", () => {
  test("RemoteStart and RemoteStop start and stop a real session", async () => {
    await env.t.db.authToken.create({ data: { idTag: "REMOTE1" } });
    const { station } = await simCharger("CP-RS");
    const start = await send(station.id, "RemoteStartTransaction", { connectorId: 1, idTag: "REMOTE1" });
    assert.deepEqual(start.response, { status: "Accepted" });
    const session = await waitFor(() => env.t.db.chargingSession.findFirst({ where: { stationId: station.id, status: "ACTIVE" } }), 3000, "session");
    const stop = await send(station.id, "RemoteStopTransaction", { transactionId: session.transactionId });
    assert.deepEqual(stop.response, { status: "Accepted" });
    const ended = await waitFor(() => env.t.db.chargingSession.findFirst({ where: { id: session.id, status: "COMPLETED" } }), 3000, "stopped");
    assert.equal(ended.stopReason, "Remote");
    assert.deepEqual((await send(station.id, "RemoteStopTransaction", { transactionId: 999999 })).response, { status: "Rejected" });
  });

  test("Reset reboots the charger (a new boot is logged)", async () => {
    const { station } = await simCharger("CP-RST");
    const cmd = await send(station.id, "Reset", { type: "Soft" });
    assert.deepEqual(cmd.response, { status: "Accepted" });
    await waitFor(async () => (await env.t.db.bootLog.count({ where: { stationId: station.id } })) === 2, 5000, "second boot");
  });

  test("UnlockConnector, ChangeAvailability, ClearCache, TriggerMessage", async () => {
    const { station } = await simCharger("CP-MISC");
    assert.deepEqual((await send(station.id, "UnlockConnector", { connectorId: 1 })).response, { status: "Unlocked" });
    assert.deepEqual((await send(station.id, "UnlockConnector", { connectorId: 7 })).response, { status: "NotSupported" });
    assert.deepEqual((await send(station.id, "ChangeAvailability", { connectorId: 2, type: "Inoperative" })).response, { status: "Accepted" });
    await waitFor(async () => (await env.t.db.connector.findFirst({ where: { stationId: station.id, connectorId: 2 } }))?.status === "UNAVAILABLE", 3000, "unavailable");
    assert.deepEqual((await send(station.id, "ClearCache")).response, { status: "Accepted" });
    await env.t.db.station.update({ where: { id: station.id }, data: { lastHeartbeatAt: new Date("2020-01-01") } });
    assert.deepEqual((await send(station.id, "TriggerMessage", { requestedMessage: "Heartbeat" })).response, { status: "Accepted" });
    await waitFor(async () => (await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).lastHeartbeatAt!.getFullYear() > 2020, 3000, "heartbeat");
    assert.deepEqual((await send(station.id, "TriggerMessage", { requestedMessage: "MeterValues", connectorId: 1 })).response, { status: "Accepted" });
    await waitFor(async () => (await env.t.db.meterReading.count({ where: { stationId: station.id, context: "Trigger" } })) > 0, 3000, "triggered meter values");
  });

  test("GetConfiguration stores the keys; ChangeConfiguration updates writable ones and is refused for read-only ones", async () => {
    const { station } = await simCharger("CP-CFG");
    const all = await send(station.id, "GetConfiguration", {});
    assert.equal(all.status, "ANSWERED");
    const keys = await env.t.db.stationConfigurationKey.findMany({ where: { stationId: station.id } });
    assert.ok(keys.length > 20);
    assert.equal(keys.find((k) => k.key === "NumberOfConnectors")?.readonly, true);
    assert.equal(keys.find((k) => k.key === "NumberOfConnectors")?.value, "2");
    const some = await send(station.id, "GetConfiguration", { key: ["HeartbeatInterval", "NoSuchKey"] });
    assert.deepEqual((some.response as { unknownKey: string[] }).unknownKey, ["NoSuchKey"]);
    assert.deepEqual((await send(station.id, "ChangeConfiguration", { key: "HeartbeatInterval", value: "900" })).response, { status: "Accepted" });
    const hb = await env.t.db.stationConfigurationKey.findUniqueOrThrow({ where: { stationId_key: { stationId: station.id, key: "HeartbeatInterval" } } });
    assert.equal(hb.value, "900");
    assert.deepEqual((await send(station.id, "ChangeConfiguration", { key: "NumberOfConnectors", value: "9" })).response, { status: "Rejected" });
    assert.deepEqual((await send(station.id, "ChangeConfiguration", { key: "Nope", value: "1" })).response, { status: "NotSupported" });
  });

  test("ReserveNow and CancelReservation", async () => {
    const { station } = await simCharger("CP-RES");
    const expiryDate = new Date(Date.now() + 3_600_000).toISOString();
    assert.deepEqual((await send(station.id, "ReserveNow", { connectorId: 1, expiryDate, idTag: "R1", reservationId: 77 })).response, { status: "Accepted" });
    await waitFor(async () => (await env.t.db.connector.findFirst({ where: { stationId: station.id, connectorId: 1 } }))?.status === "RESERVED", 3000, "reserved");
    assert.deepEqual((await send(station.id, "ReserveNow", { connectorId: 1, expiryDate, idTag: "R2", reservationId: 78 })).response, { status: "Occupied" });
    assert.deepEqual((await send(station.id, "CancelReservation", { reservationId: 77 })).response, { status: "Accepted" });
    assert.deepEqual((await send(station.id, "CancelReservation", { reservationId: 77 })).response, { status: "Rejected" });
    await waitFor(async () => (await env.t.db.connector.findFirst({ where: { stationId: station.id, connectorId: 1 } }))?.status === "AVAILABLE", 3000, "available");
  });

  test("SendLocalList and GetLocalListVersion keep Station.localListVersion", async () => {
    const { station } = await simCharger("CP-LL");
    const list = await send(station.id, "SendLocalList", {
      listVersion: 5,
      updateType: "Full",
      localAuthorizationList: [{ idTag: "L1", idTagInfo: { status: "Accepted" } }],
    });
    assert.deepEqual(list.response, { status: "Accepted" });
    assert.equal((await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).localListVersion, 5);
    await env.t.db.station.update({ where: { id: station.id }, data: { localListVersion: 0 } });
    assert.deepEqual((await send(station.id, "GetLocalListVersion")).response, { listVersion: 5 });
    assert.equal((await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).localListVersion, 5);
  });

  test("SetChargingProfile, GetCompositeSchedule, ClearChargingProfile", async () => {
    const { station } = await simCharger("CP-SC");
    const profile = {
      chargingProfileId: 1,
      stackLevel: 0,
      chargingProfilePurpose: "TxDefaultProfile",
      chargingProfileKind: "Absolute",
      chargingSchedule: { chargingRateUnit: "A", chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
    };
    assert.deepEqual((await send(station.id, "SetChargingProfile", { connectorId: 1, csChargingProfiles: profile })).response, { status: "Accepted" });
    const schedule = (await send(station.id, "GetCompositeSchedule", { connectorId: 1, duration: 3600 })).response as any;
    assert.equal(schedule.status, "Accepted");
    assert.deepEqual(schedule.chargingSchedule.chargingSchedulePeriod, [{ startPeriod: 0, limit: 16 }]);
    assert.deepEqual((await send(station.id, "ClearChargingProfile", { id: 1 })).response, { status: "Accepted" });
    assert.deepEqual((await send(station.id, "ClearChargingProfile", { id: 1 })).response, { status: "Unknown" });
  });

  test("UpdateFirmware and GetDiagnostics report their progress", async () => {
    const { station } = await simCharger("CP-FWD");
    const fw = await send(station.id, "UpdateFirmware", { location: "https://fw.example/2.0.0.bin", retrieveDate: new Date().toISOString() });
    assert.deepEqual(fw.response, {});
    const diag = await send(station.id, "GetDiagnostics", { location: "ftp://diag.example/upload" });
    assert.match((diag.response as { fileName: string }).fileName, /^diagnostics-CP-FWD-/);
    await waitFor(async () => {
      const s = await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } });
      return s.firmwareStatus === "Installed" && s.diagnosticsStatus === "Uploaded";
    }, 5000, "firmware installed and diagnostics uploaded");
  });

  test("DataTransfer", async () => {
    const { station } = await simCharger("CP-DTX");
    const ours = await send(station.id, "DataTransfer", { vendorId: "Chargeway", messageId: "echo", data: "hi" });
    assert.equal((ours.response as { status: string }).status, "Accepted");
    assert.deepEqual((await send(station.id, "DataTransfer", { vendorId: "other" })).response, { status: "UnknownVendorId" });
  });
});
