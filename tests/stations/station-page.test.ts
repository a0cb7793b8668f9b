// The station page's data and the driver's problem reports: only public
// stations, hours in the station's zone, prices through the tariff engine,
// reports with an optional photo, and a history CSV of the driver's own sessions.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { reportIssue } from "../../lib/issues/report-issue.ts";
import { chargingHistory, chargingHistoryCsv } from "../../lib/stations/charging-history.ts";
import { loadStation } from "../../lib/stations/load-station.ts";
import { openingHours } from "../../lib/stations/opening-hours.ts";
import { makeDriver, makeSession, makeStation } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

const HOURS = { mon: [["08:00", "20:00"]], fri: [["22:00", "02:00"]], sun: [] };

test("open now follows the station's own time zone, and a range past midnight runs into the next day", () => {
  const station = { is24x7: false, workingHours: HOURS, timeZone: "Asia/Tokyo" };
  // Monday 2026-03-02 09:00 in Tokyo = 00:00 UTC.
  assert.equal(openingHours(station, new Date("2026-03-02T00:00:00Z")).openNow, true);
  assert.equal(openingHours(station, new Date("2026-03-02T00:00:00Z")).today, "mon");
  // Monday 07:59 Tokyo: closed.
  assert.equal(openingHours(station, new Date("2026-03-01T22:59:00Z")).openNow, false);
  // Saturday 01:30 Tokyo belongs to Friday's 22:00–02:00.
  assert.equal(openingHours(station, new Date("2026-03-06T16:30:00Z")).openNow, true);
  assert.equal(openingHours(station, new Date("2026-03-06T17:00:00Z")).openNow, false);
  assert.equal(openingHours({ ...station, timeZone: "Mars/Olympus" }, new Date()).openNow, undefined);
  assert.equal(openingHours({ ...station, is24x7: true }, new Date()).openNow, true);
});

test("the station page loads only public stations and prices connectors through the tariff engine", async () => {
  const hidden = await makeStation(t.db, { publish: false });
  const suspended = await makeStation(t.db, { status: "SUSPENDED" });
  assert.equal(await loadStation(t.db, hidden.id, { locale: "en" }), null);
  assert.equal(await loadStation(t.db, suspended.id, { locale: "en" }), null);
  assert.equal(await loadStation(t.db, "not-a-uuid", { locale: "en" }), null);
  const station = await makeStation(t.db, { status: "MAINTENANCE" });
  await t.db.station.update({ where: { id: station.id }, data: { pricePerKwhMinor: 39, currency: "EUR" } });
  const page = (await loadStation(t.db, station.id, { locale: "ru" }))!;
  assert.equal(page.availability, "OUT_OF_ORDER", "maintenance shows as out of order, as on the map");
  assert.equal(page.connectors[0].status, "UNAVAILABLE");
  assert.match(page.connectors[0].price[0], /0,39\s€\/кВт·ч/);
});

test("a report creates a REPORTED issue with its photo; bad input (type, short text, wrong file) writes nothing", async () => {
  const driver = await makeDriver(t.db);
  const station = await makeStation(t.db);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const issue = await reportIssue(t.db, driver.id, { stationId: station.id, type: "CONNECTOR_ERROR", description: "CCS handle is cracked" }, { name: "cable.png", mimeType: "image/png", bytes: png });
  assert.equal(issue.status, "REPORTED");
  assert.equal(issue.priority, "HIGH");
  const [img] = issue.images as { mediaUploadId: string }[];
  const upload = await t.db.mediaUpload.findUniqueOrThrow({ where: { id: img.mediaUploadId } });
  assert.deepEqual(new Uint8Array(upload.data!), png);
  assert.equal(upload.uploadedById, driver.id);

  await assert.rejects(reportIssue(t.db, driver.id, { stationId: station.id, type: "ALIENS", description: "Something odd here" }), /kind of problem/);
  await assert.rejects(reportIssue(t.db, driver.id, { stationId: station.id, type: "OTHER", description: "bad" }), /at least 10 characters/);
  await assert.rejects(
    reportIssue(t.db, driver.id, { stationId: station.id, type: "OTHER", description: "See the attached file" }, { name: "x.svg", mimeType: "image/svg+xml", bytes: png }),
    /JPEG, PNG or WebP/,
  );
  const hidden = await makeStation(t.db, { publish: false });
  await assert.rejects(reportIssue(t.db, driver.id, { stationId: hidden.id, type: "OTHER", description: "Where is this one?" }), /was not found/);
  assert.equal(await t.db.stationIssue.count(), 1);
  assert.equal(await t.db.mediaUpload.count(), 1);
});

test("history and its CSV hold only the driver's own sessions, newest first, with machine-readable numbers", async () => {
  const [a, b] = [await makeDriver(t.db), await makeDriver(t.db)];
  const station = await makeStation(t.db, { name: 'Quote "Hub", =1+1' });
  await makeSession(t.db, a.id, station.id, "COMPLETED", new Date("2026-01-01T10:00:00Z"));
  await makeSession(t.db, a.id, station.id, "FAILED", new Date("2026-01-02T10:00:00Z"));
  await makeSession(t.db, b.id, station.id, "COMPLETED", new Date("2026-01-03T10:00:00Z"));
  const h = await chargingHistory(t.db, a.id);
  assert.equal(h.total, 2);
  assert.deepEqual(h.totals, [{ currency: "EUR", energyWh: 12_345, costMinor: 567 }]);
  const csv = await chargingHistoryCsv(t.db, a.id);
  const lines = csv.trim().split("\r\n");
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^session,transaction,station/);
  assert.ok(lines.every((l, i) => i === 0 || l.includes('"Quote ""Hub"", =1+1"')), "names with quotes and commas are quoted");
  assert.ok(lines.slice(1).every((l) => l.includes(",12.345,5.67,EUR,")));
  assert.ok(!csv.includes(b.id));
});
