// A booked OCPP connector on a real socket: the server reserves it with the
// driver's app idTag and the driver's group as parentIdTag, so the driver's own
// RFID card starts on it; another driver's card is refused by the (simulated)
// charger, and by the server too when a charger ignores the reservation.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { createBooking } from "../../lib/booking/index.ts";
import { driverGroupTag } from "../../lib/charging/authorize-token.ts";
import { SimulatedCharger } from "../../lib/sim/index.ts";
import { createCharger, PASSWORD, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "../ocpp/helpers.ts";
import { VISA, makeUser, reference } from "../payments/helpers.ts";

let env: TEnv;
const sims: SimulatedCharger[] = [];
before(async () => { delete process.env.STRIPE_SECRET_KEY; env = await startEnv(); });
after(async () => { for (const s of sims) await s.close(); await stopEnv(env); });
beforeEach(async () => { for (const s of sims.splice(0)) await s.close(); await resetEnv(env); await reference(env.t.db); });

async function bookedCharger(identity: string) {
  const station = await createCharger(env.t.db, identity, { pricePerKwhMinor: 40, connectors: { create: [{ connectorId: 1, type: "TYPE2", maxPowerKw: 22 }, { connectorId: 2, type: "TYPE2", maxPowerKw: 22 }] } });
  const sim = new SimulatedCharger({ url: env.url, identity, password: PASSWORD, connectors: 2, meterIntervalMs: 60_000 });
  sims.push(sim);
  await sim.connect();
  await waitFor(async () => (await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).isOnline || null);
  const [owner, other] = [await makeUser(env.t.db), await makeUser(env.t.db)];
  const ownCard = await env.t.db.authToken.create({ data: { idTag: `CARD-${identity}-A`, type: "RFID", userId: owner.id } });
  const otherCard = await env.t.db.authToken.create({ data: { idTag: `CARD-${identity}-B`, type: "RFID", userId: other.id } });
  const connector = await env.t.db.connector.findFirstOrThrow({ where: { stationId: station.id, connectorId: 1 } });
  // A slot starting now is reserved on the charger at once.
  const booking = await createBooking(env.t.db, owner, { stationId: station.id, connectorId: connector.id, startsAt: new Date(), durationMinutes: 60 }, VISA);
  await waitFor(() => sim.connectors.get(1)!.reservation, 5000, "ReserveNow reached the charger");
  return { station, sim, owner, other, ownCard, otherCard, booking };
}

test("ReserveNow carries the driver's group as parentIdTag; Authorize answers it for the driver's cards only", async () => {
  const { sim, owner, ownCard, otherCard, booking, station } = await bookedCharger("RES-GROUP-1");
  const cmd = await env.t.db.ocppCommand.findFirstOrThrow({ where: { stationId: station.id, action: "ReserveNow" } });
  const payload = cmd.payload as { idTag: string; parentIdTag?: string; reservationId: number };
  assert.equal(payload.parentIdTag, driverGroupTag(owner.id));
  assert.ok(payload.parentIdTag!.length <= 20, "fits OCPP 1.6 idToken");
  assert.equal(payload.reservationId, booking.reservationId);
  assert.equal(sim.connectors.get(1)!.reservation!.parentIdTag, driverGroupTag(owner.id), "the charger kept the group");
  assert.deepEqual(await sim.authorize(ownCard.idTag), { status: "Accepted", parentIdTag: driverGroupTag(owner.id) });
  const otherInfo = await sim.authorize(otherCard.idTag);
  assert.equal(otherInfo.status, "Accepted", "the other card is fine elsewhere");
  assert.notEqual(otherInfo.parentIdTag, payload.parentIdTag);
});

test("another driver's card is refused on the reserved connector; the booking driver's RFID card starts on it and the session is the booking's", async () => {
  const { sim, owner, other, ownCard, otherCard, booking } = await bookedCharger("RES-CARD-1");
  const refused = await sim.presentCard(1, otherCard.idTag);
  assert.deepEqual(refused, { started: false, reason: "Reserved" });
  assert.equal(await env.t.db.chargingSession.count(), 0, "no session for the refused card");

  // The other connector is not reserved: the other driver charges there.
  const elsewhere = await sim.presentCard(2, otherCard.idTag);
  assert.equal(elsewhere.started, true);

  const started = await sim.presentCard(1, ownCard.idTag);
  assert.equal(started.started, true, JSON.stringify(started));
  const session = await waitFor(() => env.t.db.chargingSession.findFirst({ where: { transactionId: started.transactionId } }));
  assert.deepEqual([session.status, session.authStatus, session.userId, session.bookingId, session.reservationId], ["ACTIVE", "ACCEPTED", owner.id, booking.id, booking.reservationId]);
  const otherSession = await env.t.db.chargingSession.findFirstOrThrow({ where: { transactionId: elsewhere.transactionId } });
  assert.deepEqual([otherSession.userId, otherSession.connectorNumber, otherSession.authStatus], [other.id, 2, "ACCEPTED"]);
});

test("a charger that ignores the reservation: the server answers Blocked to another driver's StartTransaction on the booked connector, Accepted to the driver's app token", async () => {
  const { sim, owner, otherCard } = await bookedCharger("RES-SERVER-1");
  const meterStart = 1000;
  const res = await sim.call("StartTransaction", { connectorId: 1, idTag: otherCard.idTag, meterStart, timestamp: new Date().toISOString() });
  assert.equal(res.idTagInfo.status, "Blocked");
  const s = await env.t.db.chargingSession.findFirstOrThrow({ where: { transactionId: res.transactionId } });
  assert.ok(s.flags.includes("RESERVED_FOR_OTHER"), s.flags.join(","));
  assert.ok(s.flags.includes("NOT_AUTHORIZED"));
  await sim.call("StopTransaction", { transactionId: res.transactionId, meterStop: meterStart, timestamp: new Date().toISOString(), reason: "DeAuthorized" });

  const app = await env.t.db.authToken.findFirstOrThrow({ where: { userId: owner.id, type: "APP" } });
  const own = await sim.call("StartTransaction", { connectorId: 1, idTag: app.idTag, meterStart, timestamp: new Date(Date.now() + 1000).toISOString() });
  assert.equal(own.idTagInfo.status, "Accepted");
  assert.equal(own.idTagInfo.parentIdTag, driverGroupTag(owner.id));
});
