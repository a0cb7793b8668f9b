// The session page's numbers follow the charger within seconds (QA findings
// 29/30): the stop at the energy target and the final capture come from the
// live events, not the 30 s sweep; right after a start the charger is asked for
// a meter reading; the page state says "waiting for the first reading" rather
// than 0 kWh, and names how the driver paid (wallet / card •••• 4242).
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { SimulatedCharger } from "../../lib/sim/index.ts";
import { adoptStartedSession, liveSession, startCharging } from "../../lib/sessions/index.ts";
import { followChargerEvents } from "../../lib/sessions/react-to-charger.ts";
import { creditWallet } from "../../lib/payments/index.ts";
import { createCharger, PASSWORD, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "../ocpp/helpers.ts";
import { VISA, makeUser, reference } from "../payments/helpers.ts";

let env: TEnv;
const sims: SimulatedCharger[] = [];
const stops: (() => Promise<void>)[] = [];
before(async () => { delete process.env.STRIPE_SECRET_KEY; env = await startEnv(); });
after(async () => { for (const s of sims) await s.close(); await stopEnv(env); });
beforeEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  for (const s of sims.splice(0)) await s.close();
  await resetEnv(env);
  await reference(env.t.db);
});

async function charger(identity: string, meterIntervalMs: number) {
  const tariff = await env.t.db.tariff.create({ data: { name: identity, currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: "99.9", vat: "19", step_size: 1 }] }] } });
  const station = await createCharger(env.t.db, identity, { tariffId: tariff.id, connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 50 } } });
  const sim = new SimulatedCharger({ url: env.url, identity, password: PASSWORD, meterIntervalMs, powerW: 50_000 });
  sims.push(sim);
  await sim.connect();
  await waitFor(async () => (await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).isOnline || null);
  return { station, sim };
}

test("at the energy target the stop is sent and the total captured within seconds, with no page open and no sweep", async () => {
  const { station } = await charger("FOLLOW-CAP-1", 300);
  stops.push(followChargerEvents(env.t.db, env.t.url));
  const u = await makeUser(env.t.db);
  const { sessionId } = await startCharging(env.t.db, u, { stationId: station.id, connectorNumber: 1, targetKind: "amount", targetValue: 0.1 }, VISA);
  const adopted = await waitFor(async () => { const r = await adoptStartedSession(env.t.db, sessionId); return r.status === "ADOPTED" ? r : null; }, 10_000, "adopted");
  // Nobody reads the live state from here on: only the event follower acts.
  const reached = await waitFor(async () => {
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { id: adopted.sessionId } });
    return s.energyWh !== null && s.targetWh !== null && s.energyWh >= s.targetWh ? Date.now() : null;
  }, 15_000, "target reached");
  const captured = await waitFor(async () => {
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { id: adopted.sessionId }, include: { payments: true } });
    return s.status === "COMPLETED" && s.costMinor !== null && s.payments.every((p) => p.status === "CAPTURED") ? Date.now() : null;
  }, 10_000, "stopped and captured");
  assert.ok(captured - reached < 6000, `total ${captured - reached} ms after the target`);
  const state = await liveSession(env.t.db, u.id, adopted.sessionId);
  assert.equal(state.costFinal, true);
  assert.deepEqual(state.paidWith, { kind: "card", brand: "visa", last4: "4242", demo: true });
});

test("right after the start the charger is asked for a meter reading: the first one comes in seconds, not at its 60 s interval", async () => {
  const { station } = await charger("FOLLOW-TRIGGER-1", 60_000);
  const u = await makeUser(env.t.db);
  await creditWallet(env.t.db, { userId: u.id, amountMinor: 5000, currency: "EUR", description: "test" });
  const { sessionId } = await startCharging(env.t.db, u, { stationId: station.id, connectorNumber: 1, targetKind: "energy", targetValue: 5 }, "wallet");
  const adopted = await waitFor(async () => { const r = await adoptStartedSession(env.t.db, sessionId); return r.status === "ADOPTED" ? r : null; }, 10_000, "adopted");
  const first = await liveSession(env.t.db, u.id, adopted.sessionId);
  assert.equal(first.awaitingMeter, true, "no reading yet");
  const cmd = await env.t.db.ocppCommand.findFirst({ where: { stationId: station.id, action: "TriggerMessage" } });
  assert.deepEqual(cmd?.payload, { requestedMessage: "MeterValues", connectorId: 1 });
  const live = await waitFor(async () => { const s = await liveSession(env.t.db, u.id, adopted.sessionId); return !s.awaitingMeter ? s : null; }, 8000, "first reading");
  assert.ok(live.energyWh >= 0 && live.powerW !== null, "power known from the triggered reading");
  assert.equal(live.status, "ACTIVE");
  assert.deepEqual(live.paidWith, { kind: "wallet" });
});

test("a running session without any reading since its start reads as waiting for the first meter reading", async () => {
  const station = await createCharger(env.t.db, "FOLLOW-WAIT-1", { pricePerKwhMinor: 40, connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 22 } } });
  const u = await makeUser(env.t.db);
  const startedAt = new Date(Date.now() - 5000);
  const s = await env.t.db.chargingSession.create({
    data: { userId: u.id, stationId: station.id, connectorNumber: 1, status: "ACTIVE", transactionId: 4242, startedAt, meterStartWh: 1000n, lastMeterWh: 1000n, lastMeterAt: startedAt, energyWh: 0, currency: "EUR" },
  });
  assert.equal((await liveSession(env.t.db, u.id, s.id)).awaitingMeter, true);
  await env.t.db.chargingSession.update({ where: { id: s.id }, data: { lastMeterAt: new Date(), energyWh: 12 } });
  assert.equal((await liveSession(env.t.db, u.id, s.id)).awaitingMeter, false);
});
