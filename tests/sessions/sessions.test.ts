// Browser-started charging against the real OCPP server and a simulated
// charger on a real socket: hold, RemoteStart, adoption of the charger's
// session, stop at the energy cap, final cost captured to the cent; a start
// the charger refuses or never makes is failed and its hold released.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { AppError } from "../../lib/errors/app-error.ts";
import { SimulatedCharger } from "../../lib/sim/index.ts";
import { adoptStartedSession, liveSession, runSessionSweep, startCharging } from "../../lib/sessions/index.ts";
import { computeCost, samplesFromMeterReadings } from "../../lib/tariffs/index.ts";
import { createCharger, PASSWORD, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "../ocpp/helpers.ts";
import { VISA, makeUser, reference } from "../payments/helpers.ts";
import { flattenReadings } from "../../lib/charging/meter-readings.ts";

let env: TEnv;
const sims: SimulatedCharger[] = [];
before(async () => { delete process.env.STRIPE_SECRET_KEY; env = await startEnv(); });
after(async () => { for (const s of sims) await s.close(); await stopEnv(env); });
beforeEach(async () => { for (const s of sims.splice(0)) await s.close(); await resetEnv(env); await reference(env.t.db); });

async function charger(identity: string) {
  const tariff = await env.t.db.tariff.create({ data: { name: identity, currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: "99.9", vat: "19", step_size: 1 }] }] } });
  const station = await createCharger(env.t.db, identity, { tariffId: tariff.id, connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 50 } } });
  const sim = new SimulatedCharger({ url: env.url, identity, password: PASSWORD, meterIntervalMs: 300, powerW: 50_000 });
  sims.push(sim);
  await sim.connect();
  await waitFor(async () => (await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).isOnline || null);
  return { station, sim };
}
const input = (stationId: string, targetKind: "energy" | "amount", targetValue: number) => ({ stationId, connectorNumber: 1, targetKind, targetValue });

test("a start by amount: hold = amount, charging stops at the energy cap, the capture equals the tariff applied to the metered energy", async () => {
  const { station, sim } = await charger("SESS-CAP-1");
  const u = await makeUser(env.t.db);
  const { sessionId: attemptId } = await startCharging(env.t.db, u, input(station.id, "amount", 0.1), VISA);
  const hold = await env.t.db.payment.findFirstOrThrow({ where: { userId: u.id } });
  assert.deepEqual([hold.status, hold.authorizedMinor], ["AUTHORIZED", 10]);
  const live = await waitFor(async () => { const s = await liveSession(env.t.db, u.id, attemptId); return s.status === "ACTIVE" ? s : null; }, 10_000, "adopted");
  // The charger's StartTransaction turned the driver's attempt into the session: one id throughout.
  assert.equal(live.id, attemptId, "the session keeps the id the driver's page was opened with");
  assert.equal(await env.t.db.chargingSession.count({ where: { userId: u.id } }), 1, "no second session row");
  const session = await env.t.db.chargingSession.findUniqueOrThrow({ where: { id: live.id } });
  assert.ok(session.targetWh! > 0 && session.targetWh! < 100, `cap ${session.targetWh}`);
  // Reading the live state enforces the cap: the charger gets RemoteStop.
  const done = await waitFor(async () => { const s = await liveSession(env.t.db, u.id, live.id); return s.status === "COMPLETED" && s.costFinal ? s : null; }, 30_000, "stopped at the cap");
  const row = await env.t.db.chargingSession.findUniqueOrThrow({ where: { id: live.id } });
  assert.equal(row.stopReason, "Remote");
  assert.ok(row.energyWh! >= row.targetWh!);
  const net = Math.round((row.energyWh! * 99.9) / 1000 + 1e-9);
  const expected = net + Math.round(net * 0.19 + 1e-9);
  assert.equal(done.costMinor, expected, "the session cost is the full tariff price");
  const paid = await env.t.db.payment.findUniqueOrThrow({ where: { id: hold.id } });
  assert.equal(paid.sessionId, live.id);
  // The cap stops charging at the held amount; the few Wh of overshoot are charged on top of the hold (same card).
  assert.equal(paid.capturedMinor, Math.min(expected, 10));
  assert.equal(paid.status, "CAPTURED");
  const all = await env.t.db.payment.findMany({ where: { sessionId: live.id, purpose: "SESSION", status: "CAPTURED" } });
  assert.equal(all.reduce((sum, p) => sum + p.capturedMinor, 0), expected, "captured total = session cost");
  assert.equal(all.length, expected > 10 ? 2 : 1);
  assert.equal(done.capturedMinor, expected);
  assert.equal(await env.t.db.notification.count({ where: { userId: u.id, title: "Charging finished" } }), 1);
  void sim;
});

test("the charger's own stop ends the session; the sweep prices it from the stored readings and captures", async () => {
  const { station, sim } = await charger("SESS-OWN-1");
  const u = await makeUser(env.t.db);
  const { sessionId } = await startCharging(env.t.db, u, input(station.id, "energy", 20), VISA);
  await waitFor(async () => (await env.t.db.chargingSession.findFirst({ where: { id: sessionId, status: "ACTIVE" } })) ?? null, 10_000, "started");
  await new Promise((r) => setTimeout(r, 1200));
  await sim.stopTransaction("EVDisconnected", 1);
  await waitFor(async () => (await env.t.db.chargingSession.findFirst({ where: { userId: u.id, status: "COMPLETED" } })) ?? null);
  assert.equal((await runSessionSweep(env.t.db)).finalised, 1);
  const s = await env.t.db.chargingSession.findFirstOrThrow({ where: { userId: u.id }, include: { payments: true, meterReadings: true } });
  const cost = computeCost(s.tariffSnapshot as never, {
    startedAt: s.startedAt!, endedAt: s.endedAt!, timeZone: "UTC", meterStartWh: Number(s.meterStartWh),
    samples: samplesFromMeterReadings(flattenReadings(s.meterReadings)).samples,
  });
  assert.equal(cost.energyWh, s.energyWh);
  assert.equal(s.costMinor, cost.totalInclVat);
  assert.equal(s.payments[0]!.capturedMinor, cost.totalInclVat);
  assert.equal((await runSessionSweep(env.t.db)).finalised, 0, "finalising twice changes nothing");
  void sessionId;
});

test("a start the charger refuses, or never makes, is failed and the hold released; other drivers cannot see it", async () => {
  const { station, sim } = await charger("SESS-REJ-1");
  const u = await makeUser(env.t.db);
  sim.client.handle("RemoteStartTransaction", () => ({ status: "Rejected" }));
  await assert.rejects(startCharging(env.t.db, u, input(station.id, "energy", 5), VISA), (e: unknown) => e instanceof AppError && e.code === "CHARGER_REJECTED" && /refused to start\. Nothing was charged\./.test(e.message));
  const failed = await env.t.db.chargingSession.findFirstOrThrow({ where: { userId: u.id } });
  assert.equal(failed.status, "FAILED");
  assert.equal((await env.t.db.payment.findFirstOrThrow({ where: { sessionId: failed.id } })).status, "CANCELLED");

  sim.client.handle("RemoteStartTransaction", () => ({ status: "Accepted" })); // ... and then nothing happens
  const { sessionId } = await startCharging(env.t.db, u, input(station.id, "energy", 5), VISA);
  const other = await makeUser(env.t.db);
  await assert.rejects(liveSession(env.t.db, other.id, sessionId), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND", "another driver cannot see it");
  assert.equal((await adoptStartedSession(env.t.db, sessionId)).status, "PENDING");
  assert.equal((await adoptStartedSession(env.t.db, sessionId, new Date(Date.now() + 5 * 60_000))).status, "FAILED");
  const state = await liveSession(env.t.db, u.id, sessionId);
  assert.equal(state.status, "FAILED");
  assert.equal(state.failureReason, "The charger did not start charging in time.");
  assert.deepEqual((await env.t.db.payment.findMany({ where: { userId: u.id }, orderBy: { createdAt: "asc" } })).map((p) => [p.status, p.capturedMinor]), [["CANCELLED", 0], ["CANCELLED", 0]]);
});
