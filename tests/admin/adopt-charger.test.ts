// Adopting a Pending charger from the admin console, against a real OCPP
// server and a real charger socket: the charger gets a password (without one
// the server would refuse it at its next connection), the admin sees it once,
// and a connected charger receives it as its AuthorizationKey.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { RPCClient } from "../../lib/ocpp/rpc.ts";
import { adoptCharger } from "../../lib/admin/manage-station.ts";
import { connect, startEnv, stopEnv, waitFor, type TEnv } from "../ocpp/helpers.ts";
import { auditRows, makeAdmin } from "./helpers.ts";

let env: TEnv;
before(async () => { env = await startEnv(); });
after(async () => { await stopEnv(env); });

async function connects(identity: string, password: string | null): Promise<boolean> {
  const c = new RPCClient({ endpoint: env.url, identity, password, protocols: ["ocpp1.6"], reconnect: false });
  try {
    await c.connect();
    await c.close({ force: true });
    return true;
  } catch {
    return false;
  }
}

test("an adopted charger gets a password, pushed as AuthorizationKey while connected; the password is shown once and stored nowhere in clear", async () => {
  const admin = await makeAdmin(env.t.db);
  const charger = await connect(env, "CP-YARD-9", { password: null });
  const received: Record<string, string> = {};
  charger.handle("ChangeConfiguration", ({ params }: { params: { key: string; value: string } }) => {
    received[params.key] = params.value;
    return { status: "Accepted" };
  });
  assert.equal((await charger.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Pending");
  const st = await waitFor(() => env.t.db.station.findFirst({ where: { ocppIdentity: "CP-YARD-9", isOnline: true } }));

  const adopted = await adoptCharger(env.t.db, admin, { stationId: st.id, name: "Yard 9", lat: 52.1, lng: 13.2 });
  assert.equal(adopted.identity, "CP-YARD-9");
  assert.ok(adopted.password.length >= 16 && adopted.password.length <= 40, "OCPP 1.6 profile 1 wants 16 to 40 characters");
  assert.equal(adopted.pushed, "ACCEPTED");
  assert.equal(received.AuthorizationKey, adopted.password);

  // The charger must now use the password; nothing else gets in.
  await charger.close({ force: true });
  assert.equal(await connects("CP-YARD-9", null), false);
  assert.equal(await connects("CP-YARD-9", "guessed-password-123"), false);
  assert.equal(await connects("CP-YARD-9", adopted.password), true);

  // Neither the command history, the charger's stored configuration nor the audit log keeps it.
  const key = await env.t.db.stationConfigurationKey.findUnique({ where: { stationId_key: { stationId: st.id, key: "AuthorizationKey" } } });
  assert.equal(key?.value, "(set)");
  const cmd = await env.t.db.ocppCommand.findFirstOrThrow({ where: { stationId: st.id, action: "ChangeConfiguration" } });
  assert.doesNotMatch(JSON.stringify(cmd), new RegExp(adopted.password));
  const audit = await auditRows(env.t.db, "CHARGER_ADOPTED");
  assert.equal(audit.length, 1);
  assert.doesNotMatch(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v)), new RegExp(adopted.password));
});

test("an offline pending charger is adopted too; the admin is told to enter the password by hand", async () => {
  const admin = await makeAdmin(env.t.db);
  const st = await env.t.db.station.create({ data: { name: "CP-OFF-1", ocppIdentity: "CP-OFF-1", status: "PENDING_APPROVAL", registrationStatus: "PENDING", publish: false, lat: 0, lng: 0 } });
  const adopted = await adoptCharger(env.t.db, admin, { stationId: st.id, name: "Offline bay", lat: 48.1, lng: 11.5 });
  assert.equal(adopted.pushed, "OFFLINE");
  assert.equal(await env.t.db.ocppCommand.count({ where: { stationId: st.id } }), 0);
  assert.equal(await connects("CP-OFF-1", adopted.password), true);
});
