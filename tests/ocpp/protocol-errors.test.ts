// Malformed frames, schema violations and unknown actions get OCPP 1.6 error
// codes and never disturb the server or other chargers.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { bootedCharger, createCharger, PASSWORD, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "./helpers.ts";

let env: TEnv;
before(async () => { env = await startEnv(); });
after(async () => { await stopEnv(env); });
beforeEach(async () => { await resetEnv(env); });

async function rawSocket(identity: string): Promise<WebSocket> {
  await createCharger(env.t.db, identity);
  const ws = new WebSocket(`${env.url}/${identity}`, ["ocpp1.6"], {
    headers: { authorization: "Basic " + Buffer.from(`${identity}:${PASSWORD}`).toString("base64") },
  });
  await new Promise((resolve, reject) => { ws.once("open", resolve); ws.once("error", reject); });
  return ws;
}

function exchange(ws: WebSocket, frame: string): Promise<unknown[]> {
  return new Promise((resolve) => {
    ws.once("message", (data) => resolve(JSON.parse(data.toString())));
    ws.send(frame);
  });
}

describe("CALLERRORs with 1.6 codes", () => {
  test("not JSON, not an array, a bad message id: FormationViolation", async () => {
    const ws = await rawSocket("CP-RAW-1");
    assert.equal((await exchange(ws, "this is not json"))[2], "FormationViolation");
    assert.equal((await exchange(ws, `{"a":1}`))[2], "FormationViolation");
    assert.equal((await exchange(ws, `[2, 17, "Heartbeat", {}]`))[2], "FormationViolation");
    assert.equal((await exchange(ws, `[9, "x", "Heartbeat", {}]`))[2], "FormationViolation");
    ws.close();
  });

  test("schema violations: missing field, wrong type, unknown property, bad enum", async () => {
    const ws = await rawSocket("CP-RAW-2");
    const call = (action: string, payload: object) => exchange(ws, JSON.stringify([2, `m-${Math.random()}`, action, payload]));
    assert.equal((await call("BootNotification", { chargePointVendor: "V" }))[2], "OccurrenceConstraintViolation");
    assert.equal((await call("StartTransaction", { connectorId: "one", idTag: "A", meterStart: 0, timestamp: new Date().toISOString() }))[2], "TypeConstraintViolation");
    assert.equal((await call("Heartbeat", { extra: 1 }))[2], "PropertyConstraintViolation");
    const enumErr = await call("StatusNotification", { connectorId: 1, status: "Sleeping", errorCode: "NoError" });
    assert.equal(enumErr[0], 4);
    assert.equal(await env.t.db.connector.count(), 0, "nothing written for a rejected message");
    ws.close();
  });

  test("an unknown action, or a central-system action sent by a charger: NotImplemented", async () => {
    const ws = await rawSocket("CP-RAW-3");
    assert.equal((await exchange(ws, JSON.stringify([2, "u1", "MakeCoffee", {}])))[2], "NotImplemented");
    assert.equal((await exchange(ws, JSON.stringify([2, "u2", "Reset", { type: "Soft" }])))[2], "NotImplemented");
    ws.close();
  });

  test("garbage from one charger does not disturb another; it is recorded for review", async () => {
    const bad = await rawSocket("CP-RAW-4");
    const { client: good } = await bootedCharger(env, "CP-GOOD");
    for (let i = 0; i < 5; i++) bad.send("}{ garbage " + i);
    const hb = await good.call("Heartbeat", {});
    assert.ok(hb.currentTime);
    assert.equal((await exchange(bad, JSON.stringify([2, "ok", "Heartbeat", {}])))[0], 3, "the offender is still served too");
    await waitFor(async () => (await env.t.db.ocppIncident.count({ where: { kind: "PROTOCOL_ERROR", identity: "CP-RAW-4" } })) >= 1);
    bad.close();
  });
});
