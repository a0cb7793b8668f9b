// Several OCPP server instances on one database (commands reach the instance
// holding the socket), heartbeat group commit, and security profile 2 (TLS).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { startOcppServer, type TOcppServer } from "../../ocpp-server/server.ts";
import { sendCommand } from "../../lib/ocpp/commands.ts";
import { RPCClient } from "../../lib/ocpp/rpc.ts";
import { SimulatedCharger } from "../../lib/sim/index.ts";
import { createCharger, PASSWORD, quietLog, waitFor } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

describe("two instances", () => {
  test("each command is run by the instance that holds the charger's socket", async () => {
    const a = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "inst-a", log: quietLog });
    const b = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "inst-b", log: quietLog });
    const sims: SimulatedCharger[] = [];
    try {
      const sa = await createCharger(t.db, "CP-ON-A");
      const sb = await createCharger(t.db, "CP-ON-B");
      for (const [srv, id] of [[a, "CP-ON-A"], [b, "CP-ON-B"]] as [TOcppServer, string][]) {
        const sim = new SimulatedCharger({ url: `ws://127.0.0.1:${srv.port}/ocpp`, identity: id, password: PASSWORD });
        sims.push(sim);
        await sim.connect();
      }
      await waitFor(async () => (await t.db.station.count({ where: { isOnline: true } })) === 2);
      const ca = await sendCommand(t.db, { stationId: sa.id, action: "ClearCache", payload: {} });
      const cb = await sendCommand(t.db, { stationId: sb.id, action: "ClearCache", payload: {} });
      assert.deepEqual([ca.status, ca.instanceId], ["ANSWERED", "inst-a"]);
      assert.deepEqual([cb.status, cb.instanceId], ["ANSWERED", "inst-b"]);
    } finally {
      await Promise.allSettled(sims.map((s) => s.close()));
      await a.close();
      await b.close();
    }
  });
});

describe("a charger reconnecting to another instance", () => {
  test("the new socket wins: the old instance closes its socket and the charger stays online on the new one", async () => {
    const a = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "inst-old", log: quietLog });
    const b = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "inst-new", log: quietLog });
    const clients: any[] = [];
    try {
      const st = await createCharger(t.db, "CP-MOVES");
      const connect = async (port: number) => {
        const c = new RPCClient({ endpoint: `ws://127.0.0.1:${port}/ocpp`, identity: "CP-MOVES", password: PASSWORD, protocols: ["ocpp1.6"], reconnect: false });
        clients.push(c);
        await c.connect();
        await c.call("BootNotification", { chargePointVendor: "T", chargePointModel: "M" });
        return c;
      };
      const old = await connect(a.port);
      const closed = new Promise<{ code: number }>((r) => old.once("close", r));
      await waitFor(async () => (await t.db.station.findUniqueOrThrow({ where: { id: st.id } })).ocppInstanceId === "inst-old");

      const fresh = await connect(b.port);
      const { code } = await closed;
      assert.equal(code, 4000, "the old instance closed its socket as replaced");
      await waitFor(async () => a.connectedChargers() === 0);
      await a.whenIdle();
      const row = await t.db.station.findUniqueOrThrow({ where: { id: st.id } });
      assert.deepEqual([row.isOnline, row.ocppInstanceId], [true, "inst-new"], "the old socket's close did not mark the charger offline");
      const events = await t.db.stationConnectionLog.findMany({ where: { stationId: st.id }, orderBy: { at: "asc" }, select: { event: true, instanceId: true } });
      assert.ok(events.some((e) => e.event === "REPLACED" && e.instanceId === "inst-new"), "the takeover is in the connection history");
      assert.equal((await fresh.call("Heartbeat", {}) as { currentTime: string }).currentTime.length > 0, true);
    } finally {
      await Promise.allSettled(clients.map((c) => c.close({ force: true })));
      await a.close();
      await b.close();
    }
  });
});

describe("heartbeat group commit", () => {
  test("many chargers heartbeating at once: every answer comes after its write", async () => {
    const srv = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "hb", log: quietLog });
    const clients: any[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        await createCharger(t.db, `CP-HB-${i}`);
        const c = new RPCClient({ endpoint: `ws://127.0.0.1:${srv.port}/ocpp`, identity: `CP-HB-${i}`, password: PASSWORD, protocols: ["ocpp1.6"], reconnect: false });
        await c.connect();
        clients.push(c);
      }
      const since = new Date();
      await Promise.all(clients.map((c) => c.call("Heartbeat", {})));
      assert.equal(await t.db.station.count({ where: { ocppIdentity: { startsWith: "CP-HB-" }, lastHeartbeatAt: { gte: new Date(since.getTime() - 5) } } }), 30);
    } finally {
      await Promise.allSettled(clients.map((c) => c.close()));
      await srv.close();
    }
  });
});

describe("security profile 2 (TLS)", () => {
  test("with a configured certificate the charger connects over wss://", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ocpp-tls-"));
    const cert = path.join(dir, "cert.pem");
    const key = path.join(dir, "key.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
    const srv = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "tls", log: quietLog, tls: { certPath: cert, keyPath: key } });
    try {
      await createCharger(t.db, "CP-TLS");
      const c = new RPCClient({
        endpoint: `wss://127.0.0.1:${srv.port}/ocpp`,
        identity: "CP-TLS",
        password: PASSWORD,
        protocols: ["ocpp1.6"],
        reconnect: false,
        wsOpts: { ca: readFileSync(cert) },
      });
      await c.connect();
      assert.equal((await c.call("BootNotification", { chargePointVendor: "V", chargePointModel: "M" })).status, "Accepted");
      await c.close();
      const plain = new RPCClient({ endpoint: `ws://127.0.0.1:${srv.port}/ocpp`, identity: "CP-TLS", password: PASSWORD, protocols: ["ocpp1.6"], reconnect: false });
      await assert.rejects(plain.connect());
      const health = await fetch(`https://127.0.0.1:${srv.port}/health`).catch(() => null);
      assert.equal(health, null, "an untrusted client cannot talk to it without the CA");
    } finally {
      await srv.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an instance that crashed", () => {
  test("its chargers are marked offline by a live instance; a live instance's chargers are left alone", async () => {
    const live = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "inst-live", log: quietLog });
    const sweeper = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "inst-sweeper", log: quietLog, instanceSweepMs: 100 });
    const sim = new SimulatedCharger({ url: `ws://127.0.0.1:${live.port}/ocpp`, identity: "CP-LIVE", password: PASSWORD });
    try {
      await createCharger(t.db, "CP-LIVE");
      await sim.connect();
      // What a crashed process leaves behind: online, held by an instance that no longer runs.
      const ghost = await createCharger(t.db, "CP-GHOST");
      await t.db.station.update({ where: { id: ghost.id }, data: { isOnline: true, ocppInstanceId: "inst-crashed", availability: "AVAILABLE" } });

      const off = await waitFor(async () => {
        const s = await t.db.station.findUniqueOrThrow({ where: { id: ghost.id } });
        return s.isOnline ? null : s;
      }, 5000, "the crashed instance's charger offline");
      assert.deepEqual([off.availability, off.ocppInstanceId], ["OFFLINE", null]);
      const log = await t.db.stationConnectionLog.findFirst({ where: { stationId: ghost.id, event: "DISCONNECTED" } });
      assert.match(log?.reason ?? "", /inst-crashed stopped without closing/);

      await new Promise((r) => setTimeout(r, 500)); // several more sweeps
      const alive = await t.db.station.findFirstOrThrow({ where: { ocppIdentity: "CP-LIVE" } });
      assert.deepEqual([alive.isOnline, alive.ocppInstanceId], [true, "inst-live"]);
    } finally {
      await sim.close().catch(() => {});
      await sweeper.close();
      await live.close();
    }
  });

  test("a live instance that lost its lock long enough to be swept marks its chargers online again when it retakes it", async () => {
    const { releaseInstance } = await import("../../lib/charging/index.ts");
    const live = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "inst-flaky", log: quietLog, instanceSweepMs: 500 });
    const sim = new SimulatedCharger({ url: `ws://127.0.0.1:${live.port}/ocpp`, identity: "CP-FLAKY", password: PASSWORD });
    try {
      const st = await createCharger(t.db, "CP-FLAKY");
      await sim.connect();
      await waitFor(async () => (await t.db.station.findUniqueOrThrow({ where: { id: st.id } })).isOnline, 5000, "online");
      // Its lock connection dies (e.g. a database failover) and, before it can retake the lock,
      // another instance takes it for dead and releases its chargers (what the sweep does).
      await t.db.$transaction(async (tx) => {
        for (let attempt = 0; ; attempt++) {
          await tx.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND classid = hashtext('chargeway-ocpp-instance')::oid AND objid = hashtext('inst-flaky')::oid AND granted AND pid <> pg_backend_pid()`;
          const [got] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('chargeway-ocpp-instance'), hashtext('inst-flaky')) AS ok`;
          if (got.ok) break;
          assert.ok(attempt < 20, "could not take the instance's lock");
        }
        assert.equal(await releaseInstance(t.db, "inst-flaky", "taken for dead"), 1);
      }, { timeout: 15_000 });
      assert.equal((await t.db.station.findUniqueOrThrow({ where: { id: st.id } })).isOnline, false);
      // Its socket never left: once it holds its lock again, the charger is online again.
      const back = await waitFor(async () => {
        const s = await t.db.station.findUniqueOrThrow({ where: { id: st.id } });
        return s.isOnline ? s : null;
      }, 5000, "online again");
      assert.equal(back.ocppInstanceId, "inst-flaky");
      assert.equal(live.connectedChargers(), 1);
    } finally {
      await sim.close().catch(() => {});
      await live.close();
    }
  });
});
