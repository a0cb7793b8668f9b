// The console against a real OCPP server and simulated chargers (real OCPP
// clients): card changes pushed to chargers, remote actions with the charger's
// answer, and a metered session reaching the statement exactly.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { startOcppServer, type TOcppServer } from "../../ocpp-server/server.ts";
import { SimulatedCharger } from "../../lib/sim/index.ts";
import { issueCard, setCardStatus } from "../../lib/garage/cards.ts";
import { changeConfiguration, runChargerCommand } from "../../lib/garage/charger.ts";
import { loadBoard } from "../../lib/garage/board.ts";
import { createSpot } from "../../lib/garage/spots.ts";
import { monthOf } from "../../lib/garage/month.ts";
import { monthlyStatement } from "../../lib/garage/statement.ts";
import { CHARGER_PASSWORD, errorOf, makeGarage, makeRenter } from "./helpers.ts";

let t: TestDb;
let server: TOcppServer;
const sims: SimulatedCharger[] = [];
const noop = () => {};

before(async () => {
  t = await freshDatabase();
  server = await startOcppServer({ port: 0, host: "127.0.0.1", databaseUrl: t.url, instanceId: "garage-test", commandSweepMs: 300, log: { debug: noop, info: noop, warn: noop, error: noop } as any });
});
after(async () => {
  await Promise.allSettled(sims.map((s) => s.close()));
  await server.close();
  await t.close();
});

async function online(identity: string, opts: { localList?: boolean; powerW?: number } = {}) {
  const sim = new SimulatedCharger({ url: `ws://127.0.0.1:${server.port}/ocpp`, identity, password: CHARGER_PASSWORD, meterIntervalMs: 60_000, heartbeatIntervalMs: 60_000, stepDelayMs: 50, powerW: opts.powerW ?? 11_000 });
  if (opts.localList === false) sim.configuration.set("LocalAuthListEnabled", { value: "false", readonly: false });
  sims.push(sim);
  await sim.connect();
  await waitFor(async () => (await t.db.station.findUnique({ where: { ocppIdentity: identity } }))?.isOnline);
  return sim;
}

async function waitFor(fn: () => Promise<unknown>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

test("card changes reach online chargers: SendLocalList where kept, else ClearCache; the next Authorize follows", async () => {
  const { admin, site, stations } = await makeGarage(t.db, "Push", 2);
  const withList = await online(stations[0].ocppIdentity!);
  const cacheOnly = await online(stations[1].ocppIdentity!, { localList: false });
  const seen: string[] = [];
  cacheOnly.on("command", (c: { action: string }) => seen.push(c.action));
  const rita = await makeRenter(t.db, site.id);

  const issued = await issueCard(t.db, admin, { siteId: site.id, renterId: rita.id, idTag: "PUSH-1" });
  assert.deepEqual([issued.push.chargers, issued.push.localList, issued.push.cacheCleared, issued.push.failed], [2, 1, 1, 0]);
  assert.deepEqual(withList.localList.entries.get("PUSH-1"), { status: "Accepted" });
  assert.deepEqual(seen, ["SendLocalList", "ClearCache"]);
  assert.equal((await cacheOnly.authorize("PUSH-1")).status, "Accepted");

  const blocked = await setCardStatus(t.db, admin, { siteId: site.id, cardId: issued.card.id, status: "BLOCKED" });
  assert.equal(blocked.push.localList, 1);
  assert.deepEqual(withList.localList.entries.get("PUSH-1"), { status: "Blocked" });
  assert.equal((await withList.authorize("PUSH-1")).status, "Blocked");
  assert.equal((await cacheOnly.authorize("PUSH-1")).status, "Blocked");
  const version = (await t.db.station.findUniqueOrThrow({ where: { id: stations[0].id } })).localListVersion;
  assert.equal(version, 2, "each differential update raised the list version");
});

test("remote actions return the charger's answer; configuration is fetched and changed", async () => {
  const { admin, site, stations } = await makeGarage(t.db, "Remote", 1);
  const sim = await online(stations[0].ocppIdentity!);
  const run = (command: any, connectorId = 1) => runChargerCommand(t.db, admin, { siteId: site.id, stationId: stations[0].id, command, connectorId });

  const fetched = await run("fetchConfiguration", 0);
  assert.equal(fetched.status, "ANSWERED");
  const keys = await t.db.stationConfigurationKey.findMany({ where: { stationId: stations[0].id } });
  assert.ok(keys.some((k) => k.key === "HeartbeatInterval" && !k.readonly));
  const readonlyKey = keys.find((k) => k.readonly)!;

  const changed = await changeConfiguration(t.db, admin, { siteId: site.id, stationId: stations[0].id, key: "HeartbeatInterval", value: "120" });
  assert.equal(changed.answer, "Accepted");
  assert.equal((await t.db.stationConfigurationKey.findUniqueOrThrow({ where: { stationId_key: { stationId: stations[0].id, key: "HeartbeatInterval" } } })).value, "120");
  assert.equal(sim.configuration.get("HeartbeatInterval")?.value, "120");
  const ro = await errorOf(() => changeConfiguration(t.db, admin, { siteId: site.id, stationId: stations[0].id, key: readonlyKey.key, value: "x" }));
  assert.equal(ro.message, "garage.err.configReadonly");
  assert.equal((await changeConfiguration(t.db, admin, { siteId: site.id, stationId: stations[0].id, key: "NoSuchKey", value: "1" })).answer, "NotSupported");

  assert.equal((await run("unlock")).answer, "Unlocked");
  assert.equal((await run("makeUnavailable")).answer, "Accepted");
  assert.equal((await run("makeAvailable")).answer, "Accepted");
  assert.equal((await errorOf(() => run("stopTransaction"))).message, "garage.err.noTransaction");
  assert.equal((await errorOf(() => run("unlock", 7))).code, "INVALID_INPUT");

  await t.db.authToken.create({ data: { idTag: "REMOTE-1", siteId: site.id } });
  await sim.startTransaction(1, "REMOTE-1");
  const stopped = new Promise((r) => sim.once("transactionStopped", r));
  assert.equal((await run("stopTransaction")).answer, "Accepted");
  await stopped;
  await waitFor(async () => (await t.db.chargingSession.findFirst({ where: { stationId: stations[0].id } }))?.status === "COMPLETED");
  assert.equal((await run("softReset", 0)).answer, "Accepted");
  await sim.close();
  await waitFor(async () => !(await t.db.station.findUniqueOrThrow({ where: { id: stations[0].id } })).isOnline);
  const commands = await t.db.ocppCommand.count();
  const offline = await errorOf(() => run("unlock"));
  assert.equal(offline.code, "CHARGER_OFFLINE");
  assert.equal(offline.message, `garage.err.chargerOffline|${stations[0].ocppIdentity}`);
  assert.equal(await t.db.ocppCommand.count(), commands, "nothing queued for an offline charger");
  const audit = await t.db.auditLog.count({ where: { entityId: stations[0].id, action: { startsWith: "GARAGE_CHARGER_" } } });
  assert.ok(audit >= 8);
});

test("a metered session shows on the board while running and on the statement to the watt-hour", async () => {
  const { admin, site, stations } = await makeGarage(t.db, "Meter", 1, 29);
  // The simulated meter counts real time: a big charger makes whole Wh in a test's second.
  const sim = await online(stations[0].ocppIdentity!, { powerW: 50_000 });
  const rita = await makeRenter(t.db, site.id);
  await createSpot(t.db, admin, { siteId: site.id, label: "M-1", renterId: rita.id, stationId: stations[0].id });
  await issueCard(t.db, admin, { siteId: site.id, renterId: rita.id, idTag: "METER-1" });
  assert.equal((await sim.authorize("METER-1")).status, "Accepted");
  const { transactionId } = await sim.startTransaction(1, "METER-1");
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setTimeout(r, 400));
    await sim.sendMeterValues(1);
  }
  await waitFor(async () => ((await loadBoard(t.db, admin, site.id)).rows[0].session?.energyWh ?? 0) > 0);
  const board = (await loadBoard(t.db, admin, site.id)).rows[0];
  assert.equal(board.label, "M-1");
  assert.equal(board.charger?.connectors[0].status, "CHARGING");
  assert.ok(board.session && board.session.powerW! > 0);

  const start = sim.connector(1).transaction!.meterStartWh;
  const stop = await sim.stopTransaction("Local", 1);
  const metered = stop!.meterStopWh - start;
  await waitFor(async () => (await t.db.chargingSession.findFirst({ where: { transactionId } }))?.status === "COMPLETED");
  const s = await monthlyStatement(t.db, admin, { siteId: site.id, renterId: rita.id, month: monthOf(new Date(), site.timeZone) });
  assert.deepEqual(s.lines.map((l) => l.energyWh), [metered]);
  assert.equal(s.totalWh, metered);
  assert.equal(s.totalCostMinor, Math.round((metered * 29) / 1000));
});
