// Live events: what a charger does reaches subscribers (the web app's SSE route) through NOTIFY.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { publish, subscribe, type TRealtimeEvent } from "../../lib/realtime/index.ts";
import { bootedCharger, iso, startEnv, stopEnv, waitFor, type TEnv } from "./helpers.ts";

let env: TEnv;
let events: TRealtimeEvent[] = [];
let unsubscribe: () => Promise<void>;
before(async () => {
  env = await startEnv();
  let ready!: () => void;
  const connected = new Promise<void>((r) => (ready = r));
  unsubscribe = subscribe(env.t.url, (e) => events.push(e), { onConnect: () => ready() });
  await connected;
});
after(async () => {
  await unsubscribe();
  await stopEnv(env);
});

describe("realtime events", () => {
  test("station online, connector status, meter values and session changes are published", async () => {
    const { station, client } = await bootedCharger(env, "CP-LIVE");
    await env.t.db.authToken.create({ data: { idTag: "LIVE" } });
    await waitFor(() => events.some((e) => e.type === "station" && e.stationId === station.id && e.isOnline), 3000, "station online event");

    await client.call("StatusNotification", { connectorId: 1, status: "Charging", errorCode: "NoError" });
    const status = await waitFor(() => events.find((e) => e.type === "connector_status" && e.connectorId === 1), 3000, "status event");
    assert.deepEqual(status, { type: "connector_status", stationId: station.id, connectorId: 1, status: "CHARGING", errorCode: "NoError", availability: "BUSY" });

    const { transactionId } = await client.call("StartTransaction", { connectorId: 1, idTag: "LIVE", meterStart: 1000, timestamp: iso() });
    const session = await waitFor(() => events.find((e) => e.type === "session" && e.status === "ACTIVE"), 3000, "session event");
    await client.call("MeterValues", {
      connectorId: 1,
      transactionId,
      meterValue: [{ timestamp: iso(), sampledValue: [{ value: "2500", unit: "Wh" }, { value: "7400", measurand: "Power.Active.Import", unit: "W" }] }],
    });
    const meter = await waitFor(() => events.find((e) => e.type === "meter"), 3000, "meter event");
    assert.equal(meter.type === "meter" && meter.energyWh, 1500);
    assert.equal(meter.type === "meter" && meter.powerW, 7400);
    assert.equal(meter.type === "meter" && meter.sessionId, session.type === "session" ? session.sessionId : "");
    await client.call("StopTransaction", { transactionId, meterStop: 3000, timestamp: iso() });
    await waitFor(() => events.find((e) => e.type === "session" && e.status === "COMPLETED" && e.energyWh === 2000), 3000, "completed event");
  });

  test("publish refuses payloads NOTIFY cannot carry", async () => {
    await assert.rejects(
      publish(env.t.db, { type: "session", sessionId: "x".repeat(9000), status: "ACTIVE" }),
      /NOTIFY allows < 8000/,
    );
  });

  test("publish also takes a plain pg client and an explicit channel", async () => {
    const got: TRealtimeEvent[] = [];
    let ready!: () => void;
    const connected = new Promise<void>((r) => (ready = r));
    const stop = subscribe(env.t.url, (e) => got.push(e), { channel: "other_channel", onConnect: () => ready() });
    await connected;
    const client = new pg.Client({ connectionString: env.t.url });
    await client.connect();
    await publish(client, "other_channel", { type: "station", stationId: "s1", isOnline: true, availability: "AVAILABLE" });
    await client.end();
    await waitFor(() => got.length === 1, 3000, "event on the other channel");
    assert.deepEqual(got[0], { type: "station", stationId: "s1", isOnline: true, availability: "AVAILABLE" });
    await stop();
  });
});
