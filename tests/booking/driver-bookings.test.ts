// The bookings page's order and money (QA finding 28): upcoming and current
// bookings first, soonest first, then past ones, newest first; a confirmed
// booking shows its hold, a settled one what was charged. Notices caused by a
// booking are in the driver's language (QA finding 7).
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { cancelBooking, createBooking, driverBookings } from "../../lib/booking/index.ts";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { DECLINED, VISA, makeUser, reference } from "../payments/helpers.ts";

let t: TestDb;
before(async () => { delete process.env.STRIPE_SECRET_KEY; t = await freshDatabase(); });
after(async () => t.close());
beforeEach(async () => { await truncateAll(t.db); await reference(t.db); });
const HOUR = 3_600_000;

async function station() {
  return t.db.station.create({
    data: { name: `Bookings list ${Math.random()}`, lat: 52.5, lng: 13.4, timeZone: "Europe/Berlin", pricePerKwhMinor: 40, connectors: { create: [{ connectorId: 1, type: "TYPE2", maxPowerKw: 11, status: "AVAILABLE" }] } },
    include: { connectors: true },
  });
}

test("upcoming bookings come first, soonest first, then past ones newest first; each with its hold or charge", async () => {
  const s = await station();
  const u = await makeUser(t.db);
  const book = (h: number) => createBooking(t.db, u, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(Date.now() + h * HOUR), durationMinutes: 60 }, VISA);
  const later = await book(30);
  const soon = await book(5);
  const cancelledFree = await book(10);
  await cancelBooking(t.db, u, cancelledFree.id);
  const cancelledLate = await book(0.5);
  await cancelBooking(t.db, u, cancelledLate.id); // after the cut-off: €2.00 kept
  const { upcoming, past } = await driverBookings(t.db, u.id);
  assert.deepEqual(upcoming.map((b) => b.id), [soon.id, later.id]);
  assert.deepEqual(past.map((b) => b.id), [cancelledFree.id, cancelledLate.id], "newest slot first");
  assert.deepEqual(upcoming.map((b) => b.heldMinor), [700, 700], "reservation + no-show fee held");
  assert.deepEqual(past.map((b) => [b.heldMinor, b.chargedMinor]), [[0, 0], [0, 200]]);
});

test("a driver without saved settings gets the booking notice in the language they booked in, with dates in that language", async () => {
  const s = await station();
  const u = await makeUser(t.db);
  await t.db.userSettings.deleteMany({ where: { userId: u.id } });
  await createBooking(t.db, { ...u, locale: "ru" }, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(Date.UTC(2030, 0, 5, 10, 0)), durationMinutes: 60 }, VISA, new Date(Date.UTC(2030, 0, 1)));
  const n = await t.db.notification.findFirstOrThrow({ where: { userId: u.id } });
  assert.equal(n.title, "Бронирование подтверждено");
  assert.match(n.message!, /янв/, n.message!);
  // A declined card: the notice too.
  await assert.rejects(createBooking(t.db, { ...u, locale: "ru" }, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(Date.UTC(2030, 0, 6, 10, 0)), durationMinutes: 60 }, DECLINED, new Date(Date.UTC(2030, 0, 1))));
  const failed = await t.db.notification.findFirstOrThrow({ where: { userId: u.id, type: "PAYMENT" } });
  assert.equal(failed.title, "Платёж не прошёл");
  assert.equal(failed.message, "Карта отклонена.");
});

test("a saved language wins over the request's", async () => {
  const s = await station();
  const u = await makeUser(t.db);
  await t.db.userSettings.upsert({ where: { userId: u.id }, create: { userId: u.id, preferredLanguage: "ru" }, update: { preferredLanguage: "ru" } });
  await createBooking(t.db, { ...u, locale: "en" }, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(Date.now() + 5 * HOUR), durationMinutes: 60 }, VISA);
  const n = await t.db.notification.findFirstOrThrow({ where: { userId: u.id } });
  assert.equal(n.title, "Бронирование подтверждено");
});
