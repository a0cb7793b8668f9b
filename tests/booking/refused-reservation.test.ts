// A booking the charger cannot hold (QA finding 5): a slot "now" on a busy
// connector is refused before paying; a charger that answers ReserveNow with
// Occupied gets the booking cancelled, the hold released and the driver told;
// a connector booked for now reads Reserved to everyone on the station page.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { createBooking, runBookingSweep } from "../../lib/booking/index.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { SimulatedCharger } from "../../lib/sim/index.ts";
import { loadStation } from "../../lib/stations/load-station.ts";
import { createCharger, PASSWORD, resetEnv, startEnv, stopEnv, waitFor, type TEnv } from "../ocpp/helpers.ts";
import { VISA, makeUser, reference } from "../payments/helpers.ts";

let env: TEnv;
const sims: SimulatedCharger[] = [];
before(async () => { delete process.env.STRIPE_SECRET_KEY; env = await startEnv(); });
after(async () => { for (const s of sims) await s.close(); await stopEnv(env); });
beforeEach(async () => { for (const s of sims.splice(0)) await s.close(); await resetEnv(env); await reference(env.t.db); });

async function charger(identity: string) {
  const station = await createCharger(env.t.db, identity, { pricePerKwhMinor: 40, connectors: { create: [{ connectorId: 1, type: "TYPE2", maxPowerKw: 22 }] } });
  const sim = new SimulatedCharger({ url: env.url, identity, password: PASSWORD, connectors: 1, meterIntervalMs: 60_000 });
  sims.push(sim);
  await sim.connect();
  await waitFor(async () => (await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).isOnline || null, 5000, "online");
  await waitFor(async () => (await env.t.db.connector.findFirst({ where: { stationId: station.id, status: "AVAILABLE" } })) ?? null, 5000, "connector available");
  const connector = await env.t.db.connector.findFirstOrThrow({ where: { stationId: station.id, connectorId: 1 } });
  return { station, sim, connector, driver: await makeUser(env.t.db) };
}
const isCode = (code: string, re?: RegExp) => (e: unknown) => e instanceof AppError && e.code === code && (!re || re.test(e.message));

test("a slot starting now on a connector that is finishing is refused before paying", async () => {
  const { station, connector, driver } = await charger("REFUSE-NOW-1");
  await env.t.db.connector.update({ where: { id: connector.id }, data: { status: "FINISHING" } });
  await assert.rejects(createBooking(env.t.db, driver, { stationId: station.id, connectorId: connector.id, startsAt: new Date(), durationMinutes: 60 }, VISA), isCode("PRECONDITION", /finishing right now/));
  assert.equal(await env.t.db.payment.count(), 0, "nothing held");
  assert.equal(await env.t.db.booking.count(), 0);
  // A later slot is still fine.
  const later = await createBooking(env.t.db, driver, { stationId: station.id, connectorId: connector.id, startsAt: new Date(Date.now() + 3 * 3_600_000), durationMinutes: 60 }, VISA);
  assert.equal(later.status, "CONFIRMED");
});

test("the charger answers ReserveNow with Occupied: the driver is told at once, the booking is cancelled and its hold released, and a notice says so", async () => {
  const { station, sim, connector, driver } = await charger("REFUSE-NOW-2");
  // The charger's connector is busy but its status has not reached us yet.
  sim.connectors.get(1)!.status = "Finishing";
  await assert.rejects(createBooking(env.t.db, driver, { stationId: station.id, connectorId: connector.id, startsAt: new Date(), durationMinutes: 60 }, VISA), isCode("CHARGER_REJECTED", /cannot hold this connector.*nothing was charged/));
  const b = await env.t.db.booking.findFirstOrThrow({ where: { userId: driver.id } });
  assert.equal(b.status, "CANCELLED");
  const pay = await env.t.db.payment.findFirstOrThrow({ where: { bookingId: b.id } });
  assert.equal(pay.status, "CANCELLED", "hold released, reservation fee not kept");
  assert.equal(pay.capturedMinor, 0);
  const notes = await env.t.db.notification.findMany({ where: { userId: driver.id }, select: { title: true } });
  assert.deepEqual(notes.map((n) => n.title), ["Booking cancelled: the charger cannot hold the connector"], "no 'Booking confirmed'");
});

test("at slot start the sweep's ReserveNow is refused: the booking is cancelled, released and the driver notified; an accepted one shows Reserved to others", async () => {
  const { station, sim, connector, driver } = await charger("REFUSE-SWEEP-1");
  const startsAt = new Date(Date.now() + 20 * 60_000);
  const b = await createBooking(env.t.db, driver, { stationId: station.id, connectorId: connector.id, startsAt, durationMinutes: 60 }, VISA);
  sim.connectors.get(1)!.status = "Charging"; // someone overstays
  const out = await runBookingSweep(env.t.db, new Date(startsAt.getTime() + 1000));
  assert.equal(out.refused, 1);
  const after1 = await env.t.db.booking.findUniqueOrThrow({ where: { id: b.id } });
  assert.equal(after1.status, "CANCELLED");
  assert.equal((await env.t.db.payment.findFirstOrThrow({ where: { bookingId: b.id } })).status, "CANCELLED");
  assert.equal(await env.t.db.notification.count({ where: { userId: driver.id, dedupeKey: `booking:${b.id}:refused` } }), 1);

  // Booked for now and accepted: another driver's station page reads Reserved at once.
  sim.connectors.get(1)!.status = "Available";
  const other = await makeUser(env.t.db);
  const now = await createBooking(env.t.db, driver, { stationId: station.id, connectorId: connector.id, startsAt: new Date(), durationMinutes: 30 }, VISA);
  assert.equal(now.status, "CONFIRMED");
  await env.t.db.connector.update({ where: { id: connector.id }, data: { status: "AVAILABLE" } }); // the charger's Reserved not in yet
  const page = await loadStation(env.t.db, station.id, { viewerId: other.id, locale: "en" });
  assert.equal(page!.connectors[0]!.status, "RESERVED");
});

test("a disconnected charger's connectors read Unknown on the station page, not their last status", async () => {
  const { station, sim } = await charger("REFUSE-OFF-1");
  await env.t.db.connector.updateMany({ where: { stationId: station.id }, data: { status: "FINISHING" } });
  await sim.close();
  await waitFor(async () => ((await env.t.db.station.findUniqueOrThrow({ where: { id: station.id } })).isOnline ? null : true), 5000, "offline");
  const page = await loadStation(env.t.db, station.id, { locale: "en" });
  assert.equal(page!.connectors[0]!.status, "UNKNOWN");
});
