// A driver's data functions called as somebody else: another driver's
// bookings, sessions, receipts, favourites, notifications and mobile requests
// are "not found" (or simply absent) and stay as they were; stations that are
// not on the public map cannot be favourited, reviewed, reported, booked or
// started.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { cancelBooking, createBooking } from "../../lib/booking/index.ts";
import { liveSession, startCharging, stopCharging } from "../../lib/sessions/index.ts";
import { loadReceipt, receiptPdf } from "../../lib/receipts/index.ts";
import { chargingHistoryCsv } from "../../lib/stations/charging-history.ts";
import { listFavorites } from "../../lib/favorites/list-favorites.ts";
import { removeFavorite, saveFavorite } from "../../lib/favorites/save-favorite.ts";
import { saveReview } from "../../lib/reviews/save-review.ts";
import { reportIssue } from "../../lib/issues/report-issue.ts";
import { listNotifications, markRead } from "../../lib/notifications/inbox.ts";
import { cancelRequest, getRequestForDriver, getRequestForProvider, rateRequest } from "../../lib/mobile/requests.ts";
import { readDocumentFile } from "../../lib/mobile/documents.ts";
import { codeOf, garage, makeUser, mobileRequest, publicStation, session } from "./fixtures.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); });

const CARD = { number: "4242 4242 4242 4242", expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: "123" };

test("another driver's booking, session, live state and receipt are 'not found', and nothing changes", async () => {
  const alice = await makeUser(t.db, "DRIVER");
  const mallory = await makeUser(t.db, "DRIVER");
  const admin = await makeUser(t.db, "ADMIN");
  const station = await publicStation(t.db);
  const booking = await t.db.booking.create({
    data: {
      userId: alice.id, stationId: station.id, connectorId: station.connectors[0].id, status: "CONFIRMED", currency: "EUR",
      startsAt: new Date(Date.now() + 3 * 3600_000), endsAt: new Date(Date.now() + 4 * 3600_000),
    },
  });
  const active = await session(t.db, { stationId: station.id, userId: alice.id, status: "ACTIVE" });
  const done = await session(t.db, { stationId: station.id, userId: alice.id, status: "COMPLETED" });

  assert.equal(await codeOf(() => cancelBooking(t.db, mallory, booking.id)), "NOT_FOUND");
  assert.equal((await t.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status, "CONFIRMED");

  assert.equal(await codeOf(() => stopCharging(t.db, mallory, active.id, { waitMs: 0 })), "NOT_FOUND");
  assert.equal(await t.db.ocppCommand.count(), 0, "no RemoteStopTransaction was queued for someone else's session");
  assert.equal((await t.db.chargingSession.findUniqueOrThrow({ where: { id: active.id } })).status, "ACTIVE");

  assert.equal(await codeOf(() => liveSession(t.db, mallory.id, active.id)), "NOT_FOUND");
  assert.equal(await codeOf(() => liveSession(t.db, mallory.id, done.id)), "NOT_FOUND");

  assert.equal(await codeOf(() => loadReceipt(t.db, { id: mallory.id, isAdmin: false }, "session", done.id)), "NOT_FOUND");
  assert.equal(await codeOf(() => loadReceipt(t.db, { id: mallory.id, isAdmin: false }, "booking", booking.id)), "NOT_FOUND");
  // The check is the viewer, not the id: the owner of the receipt and an admin get it.
  const own = await loadReceipt(t.db, { id: alice.id, isAdmin: false }, "session", done.id);
  assert.equal(own.customer.email, alice.email);
  assert.ok(receiptPdf(await loadReceipt(t.db, { id: admin.id, isAdmin: true }, "session", done.id)).length > 100);
});

test("a driver's CSV export and favourites hold only their own rows", async () => {
  const alice = await makeUser(t.db, "DRIVER");
  const mallory = await makeUser(t.db, "DRIVER");
  const station = await publicStation(t.db);
  await session(t.db, { stationId: station.id, userId: alice.id, status: "COMPLETED", energyWh: 12345 });
  await saveFavorite(t.db, alice.id, { stationId: station.id, alias: "Alice's work" });

  const csv = await chargingHistoryCsv(t.db, mallory.id);
  assert.equal(csv.trim().split(/\r?\n/).length, 1, "only the header row");
  assert.ok(!csv.includes(station.name));
  assert.ok((await chargingHistoryCsv(t.db, alice.id)).includes(station.name));

  assert.deepEqual(await listFavorites(t.db, mallory.id), []);
  assert.deepEqual(await removeFavorite(t.db, mallory.id, { stationId: station.id }), { removed: false });
  assert.equal((await listFavorites(t.db, alice.id))[0]?.alias, "Alice's work");
});

test("a notification of another user can be neither read nor marked read", async () => {
  const alice = await makeUser(t.db, "DRIVER");
  const mallory = await makeUser(t.db, "DRIVER");
  const n = await t.db.notification.create({ data: { userId: alice.id, type: "SYSTEM", title: "Your refund", message: "12.00 EUR refunded" } });
  assert.equal((await listNotifications(t.db, mallory.id)).total, 0);
  assert.equal(await markRead(t.db, mallory.id, { id: n.id }), 0);
  assert.equal(await markRead(t.db, mallory.id, { all: "1" }), 0);
  assert.equal((await t.db.notification.findUniqueOrThrow({ where: { id: n.id } })).isRead, false);
});

test("a garage's private charger cannot be favourited, reviewed, reported or booked by a driver", async () => {
  const garageAdmin = await makeUser(t.db, "GARAGE_ADMIN");
  const driver = await makeUser(t.db, "DRIVER");
  const { station } = await garage(t.db, garageAdmin.id);
  await session(t.db, { stationId: station.id, userId: driver.id, status: "COMPLETED" });
  assert.equal(await codeOf(() => saveFavorite(t.db, driver.id, { stationId: station.id, alias: null })), "NOT_FOUND");
  assert.equal(await codeOf(() => saveReview(t.db, driver.id, { stationId: station.id, rating: 5, comment: "great" })), "NOT_FOUND");
  assert.equal(await codeOf(() => reportIssue(t.db, driver.id, { stationId: station.id, type: "DIRTY", description: "Probing for private ids" })), "NOT_FOUND");
  const startsAt = new Date(Date.now() + 3600_000);
  assert.equal(await codeOf(() => createBooking(t.db, driver, { stationId: station.id, connectorId: station.connectors[0].id, startsAt, durationMinutes: 60 }, CARD)), "NOT_FOUND");
  const [favorites, reviews, issues, bookings, payments] = await Promise.all([t.db.favorite.count(), t.db.review.count(), t.db.stationIssue.count(), t.db.booking.count(), t.db.payment.count()]);
  assert.deepEqual({ favorites, reviews, issues, bookings, payments }, { favorites: 0, reviews: 0, issues: 0, bookings: 0, payments: 0 });
});

// For the lead: lib/sessions/start-charging.ts only checks status ACTIVE, not
// that the station is on the public map (PUBLIC_STATION), so a driver who
// learns a garage charger's id can start it remotely (with a held payment).
test("a driver cannot start a garage's private charger from the app", async () => {
  const garageAdmin = await makeUser(t.db, "GARAGE_ADMIN");
  const driver = await makeUser(t.db, "DRIVER");
  const { station } = await garage(t.db, garageAdmin.id);
  // Offline, so a missing check shows as CHARGER_OFFLINE instead of a command waiting for a charger.
  await t.db.station.update({ where: { id: station.id }, data: { isOnline: false } });
  const code = await codeOf(() => startCharging(t.db, driver, { stationId: station.id, connectorNumber: 1, targetKind: "energy", targetValue: 10 }, CARD, { commandTimeoutMs: 1000 }));
  assert.equal(code, "NOT_FOUND");
  assert.equal(await t.db.payment.count(), 0);
});

// For the lead: lib/sessions/live-state.ts runs adoptStartedSession on any id
// before checking whose it is, so another driver polling /sessions/<id>/state
// moves (here: fails) someone else's pending start.
test("polling another driver's pending start changes nothing", async () => {
  const alice = await makeUser(t.db, "DRIVER");
  const mallory = await makeUser(t.db, "DRIVER");
  const station = await publicStation(t.db);
  const attempt = await session(t.db, { stationId: station.id, userId: alice.id, status: "PENDING" });
  await t.db.chargingSession.update({ where: { id: attempt.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
  assert.equal(await codeOf(() => liveSession(t.db, mallory.id, attempt.id)), "NOT_FOUND");
  assert.equal((await t.db.chargingSession.findUniqueOrThrow({ where: { id: attempt.id } })).status, "PENDING");
});

test("mobile requests and provider documents: other drivers and providers get 'not found', nothing changes", async () => {
  const driver = await makeUser(t.db, "DRIVER");
  const otherDriver = await makeUser(t.db, "DRIVER");
  const provider = await makeUser(t.db, "MOBILE_PROVIDER");
  const otherProvider = await makeUser(t.db, "MOBILE_PROVIDER");
  const admin = await makeUser(t.db, "ADMIN");
  const { request, document } = await mobileRequest(t.db, provider.id, driver.id);

  assert.equal(await getRequestForDriver(t.db, otherDriver.id, request.id), null);
  assert.equal(await getRequestForProvider(t.db, otherProvider.id, request.id), null);
  assert.equal(await getRequestForProvider(t.db, driver.id, request.id), null, "the driver is not its provider");
  assert.equal(await codeOf(() => cancelRequest(t.db, otherDriver, request.id, "not mine")), "NOT_FOUND");
  assert.equal(await codeOf(() => cancelRequest(t.db, otherProvider, request.id, "not mine")), "NOT_FOUND");
  assert.equal(await codeOf(() => rateRequest(t.db, otherDriver, request.id, { rating: 1 })), "NOT_FOUND");
  assert.equal((await t.db.mobileRequest.findUniqueOrThrow({ where: { id: request.id } })).status, "PENDING");

  for (const who of [otherProvider, driver, otherDriver]) {
    assert.equal(await codeOf(() => readDocumentFile(t.db, who, document.id)), "NOT_FOUND", `${who.role} must not read the licence`);
  }
  assert.equal((await readDocumentFile(t.db, provider, document.id)).mimeType, "application/pdf");
  assert.equal((await readDocumentFile(t.db, admin, document.id)).mimeType, "application/pdf");
});
