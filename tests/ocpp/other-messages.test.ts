// DataTransfer, DiagnosticsStatusNotification and FirmwareStatusNotification.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { bootedCharger, resetEnv, startEnv, stopEnv, type TEnv } from "./helpers.ts";

let env: TEnv;
before(async () => { env = await startEnv(); });
after(async () => { await stopEnv(env); });
beforeEach(async () => { await resetEnv(env); });

describe("messages kept as they came", () => {
  test("DataTransfer is stored; our vendor id is Accepted, others UnknownVendorId", async () => {
    const { station, client } = await bootedCharger(env, "CP-DT");
    assert.equal((await client.call("DataTransfer", { vendorId: "Chargeway", messageId: "ping", data: "{\"a\":1}" })).status, "Accepted");
    assert.equal((await client.call("DataTransfer", { vendorId: "com.acme", messageId: "x" })).status, "UnknownVendorId");
    const events = await env.t.db.chargerEvent.findMany({ where: { stationId: station.id, action: "DataTransfer" }, orderBy: { id: "asc" } });
    assert.deepEqual(events.map((e) => (e.payload as { vendorId: string }).vendorId), ["Chargeway", "com.acme"]);
  });

  test("diagnostics and firmware progress update the station and are logged", async () => {
    const { station, client } = await bootedCharger(env, "CP-FW");
    await client.call("DiagnosticsStatusNotification", { status: "Uploading" });
    await client.call("DiagnosticsStatusNotification", { status: "Uploaded" });
    await client.call("FirmwareStatusNotification", { status: "Downloading" });
    await client.call("FirmwareStatusNotification", { status: "Installed" });
    const s = await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } });
    assert.equal(s.diagnosticsStatus, "Uploaded");
    assert.equal(s.firmwareStatus, "Installed");
    assert.equal(await env.t.db.chargerEvent.count({ where: { stationId: station.id } }), 4);
  });
});
