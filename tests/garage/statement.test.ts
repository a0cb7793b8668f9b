// The monthly statement and the sessions list: energy exactly as metered,
// cost at the garage's price, months on the garage's own calendar, filters.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { issueCard } from "../../lib/garage/cards.ts";
import { monthRange } from "../../lib/garage/month.ts";
import { listSessions, sessionDetails } from "../../lib/garage/sessions.ts";
import { createSpot } from "../../lib/garage/spots.ts";
import { costOf, monthlyStatement, monthTotals, statementCsv } from "../../lib/garage/statement.ts";
import { makeGarage, makeRenter, makeSession } from "./helpers.ts";
import { readingRow } from "../../lib/charging/meter-readings.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

test("months follow the garage's time zone", () => {
  const r = monthRange("2026-03", "Europe/Berlin");
  assert.equal(r.start.toISOString(), "2026-02-28T23:00:00.000Z");
  assert.equal(r.end.toISOString(), "2026-03-31T22:00:00.000Z", "summer time starts on 29 March");
});

test("statement: per-session kWh and cost, totals that add up, CSV, only that renter and month", async () => {
  const { admin, site, stations } = await makeGarage(t.db, "G", 2, 32);
  const rita = await makeRenter(t.db, site.id, "Rita");
  const paul = await makeRenter(t.db, site.id, "Paul");
  const spot = await createSpot(t.db, admin, { siteId: site.id, label: "B2-101", renterId: rita.id, stationId: stations[0].id });
  const { card } = await issueCard(t.db, admin, { siteId: site.id, renterId: rita.id, idTag: "RITA-1" });
  const common = { stationId: stations[0].id, renterId: rita.id, tokenId: card.id, idTag: "RITA-1", spotId: spot!.id };
  // 1 March 00:30 Berlin is still February in UTC: it belongs to March here.
  await makeSession(t.db, { ...common, startedAt: new Date("2026-02-28T23:30:00Z"), energyWh: 7_777 });
  await makeSession(t.db, { ...common, startedAt: new Date("2026-03-15T10:00:00Z"), energyWh: 12_345 });
  await makeSession(t.db, { ...common, stationId: stations[1].id, spotId: undefined, startedAt: new Date("2026-03-20T10:00:00Z"), energyWh: 1 });
  await makeSession(t.db, { ...common, startedAt: new Date("2026-03-31T22:30:00Z"), energyWh: 999 }); // April in Berlin
  await makeSession(t.db, { ...common, startedAt: new Date("2026-03-25T10:00:00Z"), energyWh: 500, status: "ACTIVE" }); // not finished
  await makeSession(t.db, { stationId: stations[1].id, renterId: paul.id, idTag: "PAUL", startedAt: new Date("2026-03-10T10:00:00Z"), energyWh: 4_000 });

  const s = await monthlyStatement(t.db, admin, { siteId: site.id, renterId: rita.id, month: "2026-03" });
  assert.deepEqual(s.lines.map((l) => [l.energyWh, l.costMinor, l.spot]), [[7_777, 249, "B2-101"], [12_345, 395, "B2-101"], [1, 0, null]]);
  assert.equal(s.totalWh, 20_123);
  assert.equal(s.totalCostMinor, 249 + 395 + 0);
  assert.equal(costOf(12_345, 32), 395);

  const csv = statementCsv(s).trim().split("\r\n");
  assert.equal(csv.length, 1 + 3 + 1);
  assert.match(csv[0], /^"garage","renter","month","session"/);
  assert.match(csv[2], /"12\.345","0\.32","3\.95","EUR"$/);
  assert.match(csv[4], /"TOTAL".*"20\.123","0\.32","6\.44","EUR"$/);

  const totals = await monthTotals(t.db, admin, { siteId: site.id, month: "2026-03" });
  assert.deepEqual(totals.rows.map((r) => [r.name, r.sessions, r.energyWh]), [["Paul", 1, 4_000], ["Rita", 3, 20_123]]);
});

test("sessions list filters by renter, card, spot and period; a session shows its meter readings", async () => {
  const { admin, site, stations } = await makeGarage(t.db, "F", 2);
  const rita = await makeRenter(t.db, site.id, "Rita");
  const paul = await makeRenter(t.db, site.id, "Paul");
  const spot = await createSpot(t.db, admin, { siteId: site.id, label: "S-1", stationId: stations[0].id });
  const { card } = await issueCard(t.db, admin, { siteId: site.id, renterId: rita.id, idTag: "F-RITA" });
  const s1 = await makeSession(t.db, { stationId: stations[0].id, renterId: rita.id, tokenId: card.id, idTag: "F-RITA", spotId: spot!.id, startedAt: new Date("2026-05-02T08:00:00Z"), energyWh: 100 });
  await makeSession(t.db, { stationId: stations[1].id, renterId: paul.id, idTag: "F-PAUL", startedAt: new Date("2026-05-03T08:00:00Z"), energyWh: 200 });
  await makeSession(t.db, { stationId: stations[1].id, renterId: rita.id, idTag: "F-RITA", startedAt: new Date("2026-06-01T08:00:00Z"), energyWh: 300 });
  const ids = async (f: Record<string, string>) => (await listSessions(t.db, admin, { siteId: site.id, page: 1, ...f })).rows.map((r) => r.energyWh);
  assert.deepEqual(await ids({}), [300, 200, 100]);
  assert.deepEqual(await ids({ renterId: rita.id }), [300, 100]);
  assert.deepEqual(await ids({ cardId: card.id }), [300, 100], "by card: the token or its idTag");
  assert.deepEqual(await ids({ spotId: spot!.id }), [100]);
  assert.deepEqual(await ids({ from: "2026-05-03", to: "2026-05-31" }), [200]);

  const base = { stationId: stations[0].id, connectorNumber: 1, sessionId: s1.id, transactionId: null };
  await t.db.meterReading.createMany({
    data: [
      readingRow(base, { timestamp: new Date("2026-05-02T08:00:00Z"), values: [{ value: "1000", unit: "Wh" }] }),
      readingRow(base, {
        timestamp: new Date("2026-05-02T08:30:00Z"),
        values: [
          { value: "1.05", unit: "kWh" },
          { value: "7.4", measurand: "Power.Active.Import", unit: "kW" },
          { value: "16", measurand: "Current.Import", unit: "A" },
        ],
      }),
      readingRow(base, { timestamp: new Date("2026-05-02T08:45:00Z"), values: [{ value: "230", measurand: "Voltage", unit: "V" }] }),
    ],
  });
  const d = await sessionDetails(t.db, admin, site.id, s1.id);
  assert.deepEqual(d.readings.map((r) => [r.kind, r.value]), [["energy", 1000], ["energy", 1050], ["power", 7400]]);
});
