// The review rule: only after a completed session or booking at the station,
// one review per driver and station, editable; bad input changes nothing.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { mayReview, stationsAwaitingReview } from "../../lib/reviews/eligibility.ts";
import { saveReview } from "../../lib/reviews/save-review.ts";
import { stationReviews } from "../../lib/reviews/list-reviews.ts";
import { makeDriver, makeSession, makeStation } from "../stations/helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

test("no review without a completed session or booking; active, failed and cancelled sessions do not count", async () => {
  const driver = await makeDriver(t.db);
  const station = await makeStation(t.db);
  await assert.rejects(saveReview(t.db, driver.id, { stationId: station.id, rating: 5 }), (e: Error & { code?: string }) => e.code === "PRECONDITION" && /completed a charging session or a booking/.test(e.message));
  for (const status of ["ACTIVE", "FAILED", "CANCELLED"] as const) await makeSession(t.db, driver.id, station.id, status);
  assert.equal(await mayReview(t.db, driver.id, station.id), false);
  await assert.rejects(saveReview(t.db, driver.id, { stationId: station.id, rating: 4 }), /completed a charging session/);
  assert.equal(await t.db.review.count(), 0);
});

test("another driver's completed session at the station does not make this driver eligible", async () => {
  const [a, b] = [await makeDriver(t.db), await makeDriver(t.db)];
  const station = await makeStation(t.db);
  await makeSession(t.db, a.id, station.id);
  assert.equal(await mayReview(t.db, a.id, station.id), true);
  assert.equal(await mayReview(t.db, b.id, station.id), false);
  // ... nor does a completed session at another station.
  const other = await makeStation(t.db);
  assert.equal(await mayReview(t.db, a.id, other.id), false);
});

test("a completed booking makes the driver eligible", async () => {
  const driver = await makeDriver(t.db);
  const station = await t.db.station.create({
    data: { name: "Booked", lat: 1, lng: 1, connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 22 } } },
    include: { connectors: true },
  });
  const start = new Date(Date.now() - 7200_000);
  await t.db.booking.create({
    data: { userId: driver.id, stationId: station.id, connectorId: station.connectors[0].id, startsAt: start, endsAt: new Date(start.getTime() + 3600_000), status: "COMPLETED", currency: "EUR" },
  });
  const r = await saveReview(t.db, driver.id, { stationId: station.id, rating: "4", comment: "  Quick and clean  " });
  assert.equal(r.created, true);
  const stored = await t.db.review.findUniqueOrThrow({ where: { id: r.id } });
  assert.equal(stored.rating, 4);
  assert.equal(stored.comment, "Quick and clean");
});

test("one review per driver and station: saving again edits it and keeps the owner's reply; average follows", async () => {
  const [a, b] = [await makeDriver(t.db), await makeDriver(t.db)];
  const station = await makeStation(t.db);
  await makeSession(t.db, a.id, station.id);
  await makeSession(t.db, b.id, station.id);
  const first = await saveReview(t.db, a.id, { stationId: station.id, rating: 2, comment: "Slow" });
  await t.db.review.update({ where: { id: first.id }, data: { ownerReply: "Fixed the cable", ownerRepliedAt: new Date() } });
  const second = await saveReview(t.db, a.id, { stationId: station.id, rating: 4, comment: "Better now" });
  assert.equal(second.id, first.id);
  assert.equal(second.created, false);
  await saveReview(t.db, b.id, { stationId: station.id, rating: 5 });
  const reviews = await stationReviews(t.db, station.id);
  assert.equal(reviews.count, 2);
  assert.equal(reviews.average, 4.5);
  const mine = reviews.reviews.find((r) => r.userId === a.id)!;
  assert.equal(mine.comment, "Better now");
  assert.equal(mine.ownerReply, "Fixed the cable");
  assert.equal(mine.author, a.name.split(" ")[0]);
  assert.deepEqual(await stationsAwaitingReview(t.db, a.id), []);
});

test("ratings outside 1–5, fractional ratings and over-long text are refused and change nothing", async () => {
  const driver = await makeDriver(t.db);
  const station = await makeStation(t.db);
  await makeSession(t.db, driver.id, station.id);
  assert.deepEqual((await stationsAwaitingReview(t.db, driver.id)).map((s) => s.id), [station.id]);
  for (const rating of [0, 6, 3.5, "x"]) {
    await assert.rejects(saveReview(t.db, driver.id, { stationId: station.id, rating: rating as number }), /1 to 5 stars/);
  }
  await assert.rejects(saveReview(t.db, driver.id, { stationId: station.id, rating: 3, comment: "a".repeat(2001) }), /at most 2000/);
  assert.equal(await t.db.review.count(), 0);
});

test("a station that is not public cannot be reviewed even after a completed session", async () => {
  const driver = await makeDriver(t.db);
  const hidden = await makeStation(t.db, { publish: false });
  await makeSession(t.db, driver.id, hidden.id);
  await assert.rejects(saveReview(t.db, driver.id, { stationId: hidden.id, rating: 5 }), /was not found/);
});
