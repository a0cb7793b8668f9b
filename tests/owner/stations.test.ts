// Listing rules on a real database: what a station offers comes from its
// connectors, the tariff and the simple prices agree, names are unique per
// owner, hours/contact/coordinates are validated, owners cannot undo a
// suspension, charger passwords are stored only as hashes, every change is audited.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import bcrypt from "bcryptjs";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { ZStationFields } from "../../lib/owner/schemas.ts";
import { createStation, setStationStatus, updateStation } from "../../lib/owner/stations.ts";
import { findStationForEdit } from "../../lib/owner/station-read.ts";
import { chargerUrl, setUpCharger } from "../../lib/owner/charger.ts";
import { addPhoto, deletePhoto, readPhoto } from "../../lib/owner/photos.ts";
import { replyToReview } from "../../lib/owner/reviews.ts";
import { computeCost, tariffFromRecord } from "../../lib/tariffs/index.ts";
import { loadStation } from "../../lib/stations/load-station.ts";
import { localizeResult } from "../../lib/owner/localize-result.ts";
import { translator } from "../../lib/i18n/translate.ts";
import { codeOf, errorOf, makeStation, makeUser, META, stationInput } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); });

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201c5f0a8a40000000049454e44ae426082", "hex");

test("a listed station offers what its connectors offer and its tariff prices what the simple prices say", async () => {
  const owner = await makeUser(t.db);
  const s = await makeStation(t.db, owner, {
    connectors: [{ type: "CCS", powerType: "DC", maxPowerKw: "150" }, { type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: "11" }, { type: "CCS", powerType: "DC", maxPowerKw: "50" }],
    tariff: { mode: "simple", currency: "EUR", pricePerKwh: "0.45", pricePerHour: "1,20", vatPercent: "19" },
    amenities: ["wifi", "cafe"], is24x7: "false", hours: { mon: "08:00-20:00", sat: "10:00-14:00, 15:00-18:00" },
  });
  assert.deepEqual(s.plugTypes.sort(), ["CCS", "TYPE2"]);
  assert.deepEqual(s.chargingTypes, ["SLOW", "FAST", "SUPERFAST"]);
  assert.equal(s.maxPowerKw, 150);
  assert.equal(s.status, "ACTIVE");
  assert.equal(s.pricePerKwhMinor, 45);
  assert.equal(s.pricePerHourMinor, 120);
  assert.deepEqual(s.workingHours, { mon: [["08:00", "20:00"]], sat: [["10:00", "14:00"], ["15:00", "18:00"]] });
  assert.deepEqual(s.connectors.map((c) => [c.connectorId, c.type, c.maxPowerKw]).sort(), [[1, "CCS", 150], [2, "TYPE2", 11], [3, "CCS", 50]]);
  const tariff = await t.db.tariff.findUniqueOrThrow({ where: { id: s.tariffId! } });
  assert.equal(tariff.ownerId, owner.id);
  // 10 kWh in one hour: 4.50 + 1.20, plus 19 % VAT.
  const cost = computeCost(tariffFromRecord(tariff), { startedAt: "2026-03-02T10:00:00Z", endedAt: "2026-03-02T11:00:00Z", timeZone: "UTC", meterStartWh: 0, samples: [{ at: "2026-03-02T11:00:00Z", energyWh: 10_000 }] });
  assert.equal(cost.totalExclVat, 570);
  assert.equal(cost.totalInclVat, 570 + 86 + 23);
  // The edit form shows the simple prices again.
  const { form } = await findStationForEdit(t.db, owner, s.id);
  assert.deepEqual(form.tariff, { ...form.tariff, mode: "simple", pricePerKwh: "0.45", pricePerHour: "1.20", vatPercent: "19" });
  assert.deepEqual(form.amenities.sort(), ["cafe", "wifi"]);
  assert.equal(form.hours.sat, "10:00-14:00, 15:00-18:00");
  const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: s.id, action: "STATION_CREATED" } });
  assert.equal(audit.actorId, owner.id);
});

test("editing keeps connector numbers, marks dropped connectors removed, and re-derives the offer; an OCPI tariff sets the filter prices", async () => {
  const owner = await makeUser(t.db);
  const s = await makeStation(t.db, owner);
  const ocpi = JSON.stringify({ currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: 0.355, step_size: 1 }, { type: "TIME", price: 0.9, step_size: 60 }] }], min_price: { excl_vat: 1 } });
  await updateStation(t.db, owner, s.id, stationInput({ name: s.name, connectors: [{ type: "TYPE2", powerType: "AC_1_PHASE", maxPowerKw: "7.4" }], tariff: { mode: "ocpi", json: ocpi } }), META);
  const after = await t.db.station.findUniqueOrThrow({ where: { id: s.id }, include: { connectors: { orderBy: { connectorId: "asc" } } } });
  assert.deepEqual(after.connectors.map((c) => [c.connectorId, c.type, c.removed]), [[1, "TYPE2", false], [2, "TYPE2", true]]);
  assert.deepEqual(after.plugTypes, ["TYPE2"]);
  assert.deepEqual(after.chargingTypes, ["SLOW"]);
  assert.equal(after.maxPowerKw, 7.4);
  assert.equal(after.pricePerKwhMinor, 36);
  assert.equal(after.pricePerHourMinor, 90);
  assert.equal(after.tariffId, s.tariffId);
  assert.equal((await findStationForEdit(t.db, owner, s.id)).form.tariff.mode, "ocpi");
  assert.equal(await t.db.auditLog.count({ where: { entityId: s.id, action: "STATION_UPDATED" } }), 1);
});

test("bad input is refused with a message per field and changes nothing", async () => {
  const owner = await makeUser(t.db);
  const bad = ZStationFields.safeParse({
    name: "X", address: "", lat: "91", lng: "abc", timeZone: "Mars/Olympus", is24x7: "false", hours: { mon: "8-20", tue: "10:00-12:00, 11:00-13:00" },
    phone: "call me", email: "a@", website: "not a site", connectors: [{ type: "CCS", powerType: "DC", maxPowerKw: "22000" }],
    tariff: { mode: "simple", currency: "EURO", pricePerKwh: "abc" },
  });
  assert.equal(bad.success, false);
  const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
  assert.equal(fields.name, "owner.err.name");
  assert.equal(fields.address, "owner.err.address");
  assert.equal(fields.lat, "owner.err.lat");
  assert.equal(fields.lng, "owner.err.lng");
  assert.equal(fields.timeZone, "owner.err.timeZone");
  assert.equal(fields.phone, "owner.err.phone");
  assert.equal(fields.email, "owner.err.email");
  assert.equal(fields.website, "owner.err.website");
  assert.equal(fields["connectors.0.maxPowerKw"], "owner.err.power");
  assert.equal(fields["tariff.currency"], "owner.err.currency");
  assert.equal(fields["tariff.pricePerKwh"], "owner.err.price");
  // Hours are checked once the rest passes.
  const hours = ZStationFields.safeParse({ ...stationInputRaw(), is24x7: "false", hours: { mon: "8-20", tue: "10:00-12:00, 11:00-13:00" } });
  const h = Object.fromEntries(hours.error!.issues.map((i) => [i.path.join("."), i.message]));
  assert.deepEqual(h, { "hours.mon": "owner.err.hoursFormat", "hours.tue": "owner.err.hoursOverlap" });
  const none = ZStationFields.safeParse({ ...stationInputRaw(), is24x7: "false" });
  assert.equal(none.error!.issues[0].message, "owner.err.hoursNone");
  // A bad OCPI tariff names the field; no price at all is refused; an unknown amenity too.
  const e1 = await errorOf(() => createStation(t.db, owner, stationInput({ tariff: { mode: "ocpi", json: '{"currency":"EUR","elements":[{"price_components":[{"type":"ENERGY","price":-1}]}]}' } }), META));
  assert.match(e1.fieldErrors!["tariff.json"][0], /^elements\[0\]\.price_components\[0\]\.price: /);
  const e2 = await errorOf(() => createStation(t.db, owner, stationInput({ tariff: { mode: "simple", currency: "EUR", pricePerKwh: "", pricePerHour: "" } }), META));
  assert.deepEqual(e2.fieldErrors, { "tariff.pricePerKwh": ["owner.err.priceNone"] });
  const e3 = await errorOf(() => createStation(t.db, owner, stationInput({ amenities: ["helipad"] }), META));
  assert.deepEqual(e3.fieldErrors, { amenities: ["owner.err.amenity"] });
  assert.equal(await t.db.station.count(), 0);
  assert.equal(await t.db.tariff.count(), 0);
});

function stationInputRaw() {
  return { name: "Raw", address: "Street 1", lat: "52.5", lng: "13.4", timeZone: "Europe/Berlin", is24x7: "true", connectors: [{ type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: "22" }], tariff: { mode: "simple", currency: "EUR", pricePerKwh: "0.3" } };
}

test("a name is unique per owner: the same owner is told so, another owner may use it", async () => {
  const owner = await makeUser(t.db);
  const other = await makeUser(t.db);
  await makeStation(t.db, owner, { name: "Hauptbahnhof" });
  const e = await errorOf(() => createStation(t.db, owner, stationInput({ name: "Hauptbahnhof" }), META));
  assert.equal(e.code, "CONFLICT");
  assert.deepEqual(e.fieldErrors, { name: ["owner.err.nameTaken"] });
  assert.equal(await t.db.tariff.count({ where: { ownerId: owner.id } }), 1, "the refused listing left no tariff behind");
  await makeStation(t.db, other, { name: "Hauptbahnhof" });
  const second = await makeStation(t.db, owner, { name: "Ostbahnhof" });
  const renamed = await errorOf(() => updateStation(t.db, owner, second.id, stationInput({ name: "Hauptbahnhof" }), META));
  assert.deepEqual(renamed.fieldErrors, { name: ["owner.err.nameTaken"] });
});

test("new listings wait for approval when the platform says so; owners toggle active/inactive but cannot lift a suspension", async () => {
  const owner = await makeUser(t.db);
  await t.db.appConfig.create({ data: { key: "owner_station_approval", value: "true", dataType: "BOOLEAN" } });
  const pending = await makeStation(t.db, owner);
  assert.equal(pending.status, "PENDING_APPROVAL");
  assert.equal(await codeOf(() => setStationStatus(t.db, owner, { stationId: pending.id, status: "ACTIVE" }, META)), "PRECONDITION");
  await t.db.appConfig.update({ where: { key: "owner_station_approval" }, data: { value: "false" } });
  const s = await makeStation(t.db, owner);
  assert.equal(s.status, "ACTIVE");
  await setStationStatus(t.db, owner, { stationId: s.id, status: "INACTIVE" }, META);
  assert.equal((await t.db.station.findUniqueOrThrow({ where: { id: s.id } })).status, "INACTIVE");
  await t.db.station.update({ where: { id: s.id }, data: { status: "SUSPENDED" } });
  const e = await errorOf(() => setStationStatus(t.db, owner, { stationId: s.id, status: "ACTIVE" }, META));
  assert.equal(e.message, "owner.err.suspended");
  // Editing details does not touch the suspension either.
  await updateStation(t.db, owner, s.id, stationInput({ name: "Renamed" }), META);
  assert.equal((await t.db.station.findUniqueOrThrow({ where: { id: s.id } })).status, "SUSPENDED");
  const statusAudits = await t.db.auditLog.findMany({ where: { entityId: s.id, action: "STATION_STATUS_CHANGED" } });
  assert.equal(statusAudits.length, 1);
});

test("the charger gets an identity once and a new random password each time; only the hash is stored", async () => {
  const owner = await makeUser(t.db);
  const s = await makeStation(t.db, owner);
  const first = await setUpCharger(t.db, owner, s.id, META);
  assert.match(first.identity, /^OWN-[A-Z2-9]{10}$/);
  assert.ok(first.password.length >= 20);
  const second = await setUpCharger(t.db, owner, s.id, META);
  assert.equal(second.identity, first.identity);
  assert.notEqual(second.password, first.password);
  const row = await t.db.station.findUniqueOrThrow({ where: { id: s.id } });
  assert.ok(!row.ocppPasswordHash!.includes(second.password));
  assert.equal(await bcrypt.compare(second.password, row.ocppPasswordHash!), true);
  assert.equal(await bcrypt.compare(first.password, row.ocppPasswordHash!), false);
  const audits = await t.db.auditLog.findMany({ where: { entityId: s.id, action: { startsWith: "CHARGER_" } }, orderBy: { id: "asc" } });
  assert.deepEqual(audits.map((a) => a.action), ["CHARGER_CREATED", "CHARGER_PASSWORD_REGENERATED"]);
  assert.ok(!JSON.stringify(audits.map((a) => [a.before, a.after])).includes(second.password));
  process.env.OCPP_PUBLIC_URL = "wss://ocpp.example.com/ocpp/";
  assert.equal(chargerUrl("OWN-X", "127.0.0.1:3000"), "wss://ocpp.example.com/ocpp/OWN-X");
  delete process.env.OCPP_PUBLIC_URL;
  process.env.OCPP_PORT = "9123";
  assert.equal(chargerUrl("OWN-X", "chargeway.local:3000"), "ws://chargeway.local:9123/ocpp/OWN-X");
  delete process.env.OCPP_PORT;
});

test("photos: images only (by their bytes), at most 5 MB and 10 per station; removal promotes the next main photo", async () => {
  const owner = await makeUser(t.db);
  const s = await makeStation(t.db, owner);
  assert.equal((await errorOf(() => addPhoto(t.db, owner, { stationId: s.id, bytes: Buffer.from("GIF89a....."), name: "x.png" }, META))).message, "owner.err.photoType");
  assert.equal((await errorOf(() => addPhoto(t.db, owner, { stationId: s.id, bytes: new Uint8Array(5 * 1024 * 1024 + 1), name: "big.jpg" }, META))).message, "owner.err.photoTooLarge");
  const a = await addPhoto(t.db, owner, { stationId: s.id, bytes: PNG, name: "front <script>.png" }, META);
  const b = await addPhoto(t.db, owner, { stationId: s.id, bytes: PNG, name: "side.png" }, META);
  const read = await readPhoto(t.db, owner, { stationId: s.id, mediaId: a.id });
  assert.equal(read.mimeType, "image/png");
  assert.deepEqual(Buffer.from(read.data!), PNG);
  const stored = await t.db.stationMedia.findMany({ where: { stationId: s.id }, include: { upload: true }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(stored.map((m) => m.isPrimary), [true, false]);
  assert.equal(stored[0].upload.originalName, "front _script_.png");
  await deletePhoto(t.db, owner, { stationId: s.id, mediaId: a.id }, META);
  assert.equal((await t.db.stationMedia.findUniqueOrThrow({ where: { id: b.id } })).isPrimary, true);
  assert.equal(await t.db.mediaUpload.count(), 1);
  for (let i = 0; i < 9; i++) await addPhoto(t.db, owner, { stationId: s.id, bytes: PNG, name: `p${i}.png` }, META);
  assert.equal((await errorOf(() => addPhoto(t.db, owner, { stationId: s.id, bytes: PNG, name: "eleven.png" }, META))).message, "owner.err.photoCount");
});

test("an owner replies once to a review of their station", async () => {
  const owner = await makeUser(t.db);
  const driver = await makeUser(t.db, "DRIVER");
  const s = await makeStation(t.db, owner);
  const review = await t.db.review.create({ data: { userId: driver.id, stationId: s.id, rating: 4, comment: "Fast and clean" } });
  await replyToReview(t.db, owner, { reviewId: review.id, reply: "Thank you!" }, META);
  assert.equal((await t.db.review.findUniqueOrThrow({ where: { id: review.id } })).ownerReply, "Thank you!");
  assert.equal((await errorOf(() => replyToReview(t.db, owner, { reviewId: review.id, reply: "Again" }, META))).message, "owner.err.alreadyReplied");
  assert.equal((await t.db.review.findUniqueOrThrow({ where: { id: review.id } })).ownerReply, "Thank you!");
  assert.equal(await t.db.auditLog.count({ where: { action: "REVIEW_REPLIED", entityId: review.id } }), 1);
});

// QA finding 2: OCPI 2.2.1 tariff JSON means OCPI's units (major units, excl. VAT).
const QA_TARIFF = {
  country_code: "DE", party_id: "CWY", id: "T1", currency: "EUR", last_updated: "2026-11-21T08:00:00Z",
  elements: [
    { price_components: [{ type: "ENERGY", price: 0.45, vat: 19, step_size: 1 }], restrictions: { start_time: "07:00", end_time: "22:00" } },
    { price_components: [{ type: "ENERGY", price: 0.3, vat: 19, step_size: 1 }, { type: "PARKING_TIME", price: 6, vat: 19, step_size: 60 }] },
  ],
  min_price: { excl_vat: 1.5, incl_vat: 1.79 },
};

test("an OCPI 2.2.1 tariff in major units round-trips: public page shows €0.45/kWh and €6.00/h idle, the editor shows OCPI units again", async () => {
  const owner = await makeUser(t.db);
  const s = await makeStation(t.db, owner, { tariff: { mode: "ocpi", json: JSON.stringify(QA_TARIFF) } });
  const page = await loadStation(t.db, s.id, { locale: "en" });
  const text = page!.price.join(" | ");
  assert.match(text, /€0\.45\/kWh/);
  assert.match(text, /€0\.30\/kWh/);
  assert.match(text, /€6\.00\/h idle/);
  assert.match(text, /Minimum €1\.50/);
  assert.equal(s.pricePerKwhMinor, 30);
  const { form } = await findStationForEdit(t.db, owner, s.id);
  assert.equal(form.tariff.mode, "ocpi");
  const shown = JSON.parse(form.tariff.json);
  assert.deepEqual(shown.elements[0].price_components[0], { type: "ENERGY", price: 0.45, vat: 19, step_size: 1 });
  assert.deepEqual(shown.elements[1].price_components[1], { type: "PARKING_TIME", price: 6, vat: 19, step_size: 60 });
  assert.deepEqual(shown.min_price, { excl_vat: 1.5 });
  // Saving what the editor shows changes nothing.
  await updateStation(t.db, owner, s.id, stationInput({ name: s.name, tariff: { mode: "ocpi", json: form.tariff.json } }), META);
  assert.deepEqual((await loadStation(t.db, s.id, { locale: "en" }))!.price, page!.price);
  // A simple price is shown in the editor's OCPI box in major units too.
  const simple = await makeStation(t.db, owner, { tariff: { mode: "simple", currency: "EUR", pricePerKwh: "0.40", pricePerHour: "" } });
  assert.equal(JSON.parse((await findStationForEdit(t.db, owner, simple.id)).form.tariff.json).elements[0].price_components[0].price, 0.4);
});

test("a wrongly shaped tariff gets plain messages naming the JSON path, in English and Russian", async () => {
  const owner = await makeUser(t.db);
  const e1 = await errorOf(() => createStation(t.db, owner, stationInput({ tariff: { mode: "ocpi", json: '{"foo":1}' } }), META));
  assert.deepEqual(e1.fieldErrors!["tariff.json"], ["currency: owner.tariff.currency"]);
  const wrong = { currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: "cheap" }, { type: "KWH", price: 1, vat: 190 }] }, { restrictions: {} }], min_price: -1 };
  const e2 = await errorOf(() => createStation(t.db, owner, stationInput({ tariff: { mode: "ocpi", json: JSON.stringify(wrong) } }), META));
  assert.deepEqual(e2.fieldErrors!["tariff.json"], [
    "elements[0].price_components[0].price: owner.tariff.price",
    "elements[0].price_components[1].type: owner.tariff.type",
    "elements[0].price_components[1].vat: owner.tariff.vat",
    "elements[1].price_components: owner.tariff.components",
    "min_price: owner.tariff.amount",
  ]);
  const e3 = await errorOf(() => createStation(t.db, owner, stationInput({ tariff: { mode: "ocpi", json: JSON.stringify({ ...QA_TARIFF, elements: [{ ...QA_TARIFF.elements[0], restrictions: { start_time: "7am" } }] }) } }), META));
  assert.deepEqual(e3.fieldErrors!["tariff.json"], ["elements[0].restrictions.start_time: owner.tariff.time"]);
  assert.equal(await t.db.station.count(), 0);
  // What the owner reads (localize.ts), per language.
  const res = { ok: false as const, error: "owner.err.invalid", code: "INVALID_INPUT", fieldErrors: e2.fieldErrors };
  const en = localizeResult(res, translator("en"));
  assert.equal(!en.ok && en.fieldErrors!["tariff.json"][0], "elements[0].price_components[0].price: a price in the currency's main unit (euros), not negative, e.g. 0.45");
  const ru = localizeResult(res, translator("ru"));
  assert.equal(!ru.ok && ru.fieldErrors!["tariff.json"][0], "elements[0].price_components[0].price: цена в основных единицах валюты (евро), не отрицательная, например 0.45");
  assert.doesNotMatch(JSON.stringify([en, ru]), /Invalid input|expected string/);
});
