// Admin OCPP commands through the real OCPP server to a real charger client:
// the charger's answer comes back to the admin and into the audit log.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { bootedCharger, startEnv, stopEnv, type TEnv } from "../ocpp/helpers.ts";
import { sendStationCommand } from "../../lib/admin/station-command.ts";
import { auditRows, makeAdmin } from "./helpers.ts";

let env: TEnv;
before(async () => { env = await startEnv(); });
after(async () => { await stopEnv(env); });

test("GetConfiguration, TriggerMessage and Reset reach the charger and its answers are returned and audited", async () => {
  const admin = await makeAdmin(env.t.db);
  const { station, client } = await bootedCharger(env, "ADMIN-CMD-1");
  const seen: { method: string; params: unknown }[] = [];
  client.handle("GetConfiguration", ({ params }: any) => {
    seen.push({ method: "GetConfiguration", params });
    return { configurationKey: [{ key: "HeartbeatInterval", readonly: false, value: "300" }], unknownKey: ["Nope"] };
  });
  client.handle("Reset", ({ params }: any) => {
    seen.push({ method: "Reset", params });
    return { status: "Accepted" };
  });
  client.handle("TriggerMessage", ({ params }: any) => {
    seen.push({ method: "TriggerMessage", params });
    return { status: "Rejected" };
  });
  // The charger must be online in the database before commands are routed to it.
  for (let i = 0; i < 200 && !(await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).isOnline; i++) await new Promise((r) => setTimeout(r, 25));

  const cfg = await sendStationCommand(env.t.db, admin, { stationId: station.id, action: "GetConfiguration", keys: "HeartbeatInterval Nope" });
  assert.equal(cfg.status, "ANSWERED", cfg.error ?? "");
  assert.deepEqual((cfg.response as any).configurationKey[0], { key: "HeartbeatInterval", readonly: false, value: "300" });
  const trig = await sendStationCommand(env.t.db, admin, { stationId: station.id, action: "TriggerMessage", requestedMessage: "StatusNotification", connectorId: 1 });
  assert.deepEqual(trig.response, { status: "Rejected" });
  const reset = await sendStationCommand(env.t.db, admin, { stationId: station.id, action: "Reset", resetType: "Hard" });
  assert.deepEqual(reset.response, { status: "Accepted" });

  assert.deepEqual(seen, [
    { method: "GetConfiguration", params: { key: ["HeartbeatInterval", "Nope"] } },
    { method: "TriggerMessage", params: { requestedMessage: "StatusNotification", connectorId: 1 } },
    { method: "Reset", params: { type: "Hard" } },
  ]);
  const rows = await auditRows(env.t.db, "STATION_COMMAND_SENT");
  assert.deepEqual(rows.map((r) => [(r.after as any).action, (r.after as any).status]), [["GetConfiguration", "ANSWERED"], ["TriggerMessage", "ANSWERED"], ["Reset", "ANSWERED"]]);
  assert.equal(rows[0].actorId, admin.id);
});
