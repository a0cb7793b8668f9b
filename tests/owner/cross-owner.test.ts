// One owner's data functions never reveal or change another owner's stations
// or money: every read and change of a foreign id answers "not found" and
// leaves the rows as they were; lists, dashboards, statements and exports
// contain only the caller's own.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { findOwnStation } from "../../lib/owner/context.ts";
import { setStationStatus, updateStation } from "../../lib/owner/stations.ts";
import { findStationForEdit, listStations, stationOptions } from "../../lib/owner/station-read.ts";
import { chargerStatus, setUpCharger } from "../../lib/owner/charger.ts";
import { addPhoto, deletePhoto, readPhoto } from "../../lib/owner/photos.ts";
import { listReviews, replyToReview } from "../../lib/owner/reviews.ts";
import { earnings } from "../../lib/owner/earnings.ts";
import { periodOf } from "../../lib/owner/period.ts";
import { monthlyStatement } from "../../lib/owner/statement.ts";
import { sessionsCsv, statementCsv } from "../../lib/owner/csv.ts";
import { codeOf, makeRefund, makeSession, makeStation, makeUser, META, stationInput } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); });

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

async function snapshot() {
  const [stations, connectors, tariffs, media, reviews, audit] = await Promise.all([
    t.db.station.findMany({ orderBy: { id: "asc" } }), t.db.connector.findMany({ orderBy: { id: "asc" } }), t.db.tariff.findMany({ orderBy: { id: "asc" } }),
    t.db.stationMedia.findMany({ orderBy: { id: "asc" } }), t.db.review.findMany({ orderBy: { id: "asc" } }), t.db.auditLog.count(),
  ]);
  return JSON.stringify({ stations, connectors, tariffs, media, reviews, audit }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

test("every change and read of another owner's station, photo or review is 'not found' and changes nothing", async () => {
  const alice = await makeUser(t.db);
  const bob = await makeUser(t.db);
  const driver = await makeUser(t.db, "DRIVER");
  const a = await makeStation(t.db, alice, { name: "Alice Central" });
  await setUpCharger(t.db, alice, a.id, META);
  const photo = await addPhoto(t.db, alice, { stationId: a.id, bytes: PNG, name: "a.png" }, META);
  const review = await t.db.review.create({ data: { userId: driver.id, stationId: a.id, rating: 2, comment: "slow" } });
  const before = await snapshot();

  const attempts: [string, () => Promise<unknown>][] = [
    ["findOwnStation", () => findOwnStation(t.db, bob, a.id)],
    ["findStationForEdit", () => findStationForEdit(t.db, bob, a.id)],
    ["updateStation", () => updateStation(t.db, bob, a.id, stationInput({ name: "Hijacked" }), META)],
    ["setStationStatus", () => setStationStatus(t.db, bob, { stationId: a.id, status: "INACTIVE" }, META)],
    ["setUpCharger", () => setUpCharger(t.db, bob, a.id, META)],
    ["chargerStatus", () => chargerStatus(t.db, bob, a.id)],
    ["addPhoto", () => addPhoto(t.db, bob, { stationId: a.id, bytes: PNG, name: "b.png" }, META)],
    ["readPhoto", () => readPhoto(t.db, bob, { stationId: a.id, mediaId: photo.id })],
    ["deletePhoto", () => deletePhoto(t.db, bob, { stationId: a.id, mediaId: photo.id }, META)],
    ["replyToReview", () => replyToReview(t.db, bob, { reviewId: review.id, reply: "Not my station" }, META)],
    ["earnings of a foreign station", () => earnings(t.db, bob, { stationId: a.id, period: periodOf("2026-03-01", "2026-03-31", "UTC") })],
  ];
  for (const [name, run] of attempts) assert.equal(await codeOf(run), "NOT_FOUND", name);
  // Bob's own station cannot reach Alice's photo through its id either.
  const b = await makeStation(t.db, bob, { name: "Bob Corner" });
  assert.equal(await codeOf(() => readPhoto(t.db, bob, { stationId: b.id, mediaId: photo.id })), "NOT_FOUND");
  assert.equal(await codeOf(() => deletePhoto(t.db, bob, { stationId: b.id, mediaId: photo.id }, META)), "NOT_FOUND");
  // Only Bob's own listing changed the database; Alice's rows are as they were.
  const after = JSON.parse(await snapshot());
  const was = JSON.parse(before);
  assert.deepEqual(after.stations.filter((s: { ownerId: string }) => s.ownerId === alice.id), was.stations);
  assert.deepEqual(after.media, was.media);
  assert.deepEqual(after.connectors.filter((c: { stationId: string }) => c.stationId === a.id), was.connectors);
  assert.deepEqual(after.reviews, was.reviews);
});

test("lists, dashboards, statements and exports hold only the caller's stations and money", async () => {
  const alice = await makeUser(t.db);
  const bob = await makeUser(t.db);
  const driver = await makeUser(t.db, "DRIVER");
  const a = await makeStation(t.db, alice, { name: "Alice Central" });
  const b = await makeStation(t.db, bob, { name: "Bob Corner" });
  const at = new Date("2026-03-05T10:00:00Z");
  const pa = await makeSession(t.db, { stationId: a.id, driverId: driver.id, startedAt: at, energyWh: 11_111, paid: 1111, fee: 111 });
  await makeSession(t.db, { stationId: b.id, driverId: driver.id, startedAt: at, energyWh: 22_222, paid: 2222, fee: 222 });
  await makeRefund(t.db, pa.payment!.id, 11, new Date("2026-03-06T10:00:00Z"));
  await t.db.review.create({ data: { userId: driver.id, stationId: a.id, rating: 5, comment: "Alice's review" } });
  await t.db.review.create({ data: { userId: driver.id, stationId: b.id, rating: 1, comment: "Bob's review" } });

  assert.deepEqual((await listStations(t.db, bob)).map((s) => s.name), ["Bob Corner"]);
  assert.deepEqual((await stationOptions(t.db, bob)).map((s) => s.name), ["Bob Corner"]);
  const period = periodOf("2026-03-01", "2026-03-31", "UTC");
  const e = await earnings(t.db, bob, { period, now: new Date("2026-04-02T00:00:00Z") });
  assert.deepEqual(e.stations.map((s) => s.name), ["Bob Corner"]);
  assert.deepEqual(e.total.money, { EUR: { gross: 2222, fees: 222, refunds: 0, net: 2000 } });
  assert.equal(e.total.energyWh, 22_222);
  const s = await monthlyStatement(t.db, bob, "2026-03", new Date("2026-04-02T00:00:00Z"));
  assert.deepEqual(s.totals, { EUR: { gross: 2222, fees: 222, refunds: 0, net: 2000, lines: 1 } });
  assert.doesNotMatch(statementCsv(s), /Alice|11\.11|0\.11/);
  const csv = await new Response(sessionsCsv(t.db, { ownerId: bob.id }, period)).text();
  assert.doesNotMatch(csv, /Alice|11\.111/);
  // A foreign station id in the scope yields nothing at all, not Alice's rows.
  const forged = await new Response(sessionsCsv(t.db, { ownerId: bob.id, stationId: a.id }, period)).text();
  assert.equal(forged.trim().split("\r\n").length, 1);
  const reviews = await listReviews(t.db, bob, {});
  assert.deepEqual(reviews.rows.map((r) => r.comment), ["Bob's review"]);
  assert.equal((await listReviews(t.db, bob, { stationId: a.id })).rows.length, 0);
  // Alice's figures are hers alone.
  const ea = await earnings(t.db, alice, { period, now: new Date("2026-04-02T00:00:00Z") });
  assert.deepEqual(ea.total.money, { EUR: { gross: 1111, fees: 111, refunds: 11, net: 989 } });
});
