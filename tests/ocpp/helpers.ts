// Shared set-up for OCPP tests: a real server on port 0, a real database, real clients.
import bcrypt from "bcryptjs";
import { RPCClient } from "../../lib/ocpp/rpc.ts";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { startOcppServer, type TOcppServer, type TOcppServerOptions } from "../../ocpp-server/server.ts";
import type { Db } from "../../lib/db/client.ts";

export const PASSWORD = "charger-secret-1";
const hashed = bcrypt.hashSync(PASSWORD, 4);

export type TEnv = { t: TestDb; server: TOcppServer; url: string; clients: any[] };

export async function startEnv(opts: Partial<TOcppServerOptions> = {}): Promise<TEnv> {
  const t = await freshDatabase();
  const server = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "test-instance", log: quietLog, commandSweepMs: 300, ...opts });
  return { t, server, url: `ws://127.0.0.1:${server.port}/ocpp`, clients: [] };
}

export async function stopEnv(env: TEnv) {
  await Promise.allSettled(env.clients.map((c) => c.close({ force: true })));
  await env.server.close();
  await env.t.close();
}

export async function resetEnv(env: TEnv) {
  await Promise.allSettled(env.clients.map((c) => c.close({ force: true })));
  env.clients = [];
  await waitFor(() => env.server.connectedChargers() === 0);
  await env.server.whenIdle();
  await truncateAll(env.t.db);
}

export async function createCharger(db: Db, identity: string, extra: Record<string, unknown> = {}) {
  return db.station.create({
    data: { name: `Charger ${identity}`, lat: 52.5, lng: 13.4, ocppIdentity: identity, ocppPasswordHash: hashed, ...extra },
  });
}

export async function connect(env: TEnv, identity: string, opts: Record<string, unknown> = {}): Promise<any> {
  const client = new RPCClient({
    endpoint: env.url,
    identity,
    password: PASSWORD,
    protocols: ["ocpp1.6"],
    strictMode: true,
    reconnect: false,
    ...opts,
  });
  env.clients.push(client);
  await client.connect();
  return client;
}

/** A charger that has connected and booted. */
export async function bootedCharger(env: TEnv, identity: string, opts: Record<string, unknown> = {}) {
  const station = await createCharger(env.t.db, identity);
  const client = await connect(env, identity, opts);
  await client.call("BootNotification", { chargePointVendor: "TestVendor", chargePointModel: "T1" });
  return { station, client };
}

export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 5000, what = "condition"): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const iso = (d = new Date()) => d.toISOString();

const noop = () => {};
export const quietLog = process.env.OCPP_LOG
  ? undefined
  : { debug: noop, info: noop, warn: noop, error: (m: string, f?: object) => console.error(m, f) };
