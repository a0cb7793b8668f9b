// importLocations on a real PostgreSQL: what the map and the sync history show after imports.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { importLocations } from "../../lib/ocpi/import-locations.ts";
import { parseFeed } from "../../lib/ocpi/parse-feed.ts";

const DATA = path.resolve("../shared/data/ocpi");
const real = (file: string) => parseFeed(readFileSync(path.join(DATA, file))).records as any[];
const fixture = (file: string) => readFileSync(path.resolve("tests/fixtures/ocpi", file));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

let t: TestDb;
let operatorId: string;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => {
  await truncateAll(t.db);
  operatorId = (await t.db.operator.create({ data: { name: "CPO" } })).id;
});

const run = (records: unknown, extra: Partial<Parameters<typeof importLocations>[1]> = {}) =>
  importLocations(t.db, { operatorId, source: "FILE", mode: "FULL", records: records as any, ...extra });
const station = (externalId: string) =>
  t.db.station.findUniqueOrThrow({ where: { operatorId_externalId: { operatorId, externalId } }, include: { connectors: { orderBy: { connectorId: "asc" } } } });

describe("importLocations", () => {
  test("a quirky file: corrected records imported with reasons, broken ones rejected, sync row written", async () => {
    const result = await run(fixture("quirky-locations.json"), { fileName: "quirky-locations.json" });
    assert.equal(result.status, "SUCCEEDED");
    assert.deepEqual(result.counts, { created: 4, updated: 0, unchanged: 0, removed: 0, rejected: 2, corrected: 4 });
    const byId = new Map(result.report.map((r) => [r.id, r]));
    assert.deepEqual(byId.get("NO-COORDS"), { id: "NO-COORDS", action: "rejected", reasons: ["coordinates are missing"] });
    assert.equal(byId.get("(no id)")!.action, "rejected");
    assert.match(byId.get("(feed)")!.reasons.join(), /byte-order mark/);
    assert.ok(byId.get("KW-1")!.reasons.some((r) => /looks like kW/.test(r)));

    const kw = await station("KW-1");
    const kwRaw = (parseFeed(fixture("quirky-locations.json")).records as any[]).find((r) => r.id === "KW-1");
    const sentKw = Math.max(...kwRaw.evses.flatMap((e: any) => e.connectors.map((c: any) => c.max_electric_power)));
    assert.ok(sentKw < 1000);
    assert.equal(kw.maxPowerKw, sentKw); // not sentKw / 1000
    assert.equal(kw.timeZone, "Asia/Kuala_Lumpur");
    const first = await station("1");
    assert.equal(first.timeZone, "Asia/Kuala_Lumpur");
    assert.equal(first.is24x7, true);
    assert.equal(first.country, "MY");
    const bare = await station("BARE-1");
    assert.equal(bare.name, "Hauptstr. 1");
    assert.equal(bare.publish, false); // nothing to charge at
    assert.equal(bare.connectors.length, 0);

    const sync = await t.db.operatorSync.findUniqueOrThrow({ where: { id: result.syncId } });
    assert.equal(sync.status, "SUCCEEDED");
    assert.equal(sync.fileName, "quirky-locations.json");
    assert.deepEqual([sync.created, sync.rejected, sync.corrected, sync.removed], [4, 2, 4, 0]);
    assert.ok(sync.finishedAt);
    assert.deepEqual(sync.report, result.report);
    const op = await t.db.operator.findUniqueOrThrow({ where: { id: operatorId } });
    assert.deepEqual(op.lastSyncedAt, sync.startedAt);
    assert.deepEqual(kw.lastSyncedAt, sync.startedAt);
  });

  test("the map fields: plug types, speeds, power, availability, hidden EVSEs and locations", async () => {
    const cs = real("ocpi_2_2_locations-chargesini.json");
    const gaia = real("ocpi_2_2_locations-gaia.json");
    await run([...cs, ...gaia]);
    const s1 = await station("1");
    assert.deepEqual(s1.plugTypes, ["TYPE2"]);
    assert.deepEqual(s1.chargingTypes, ["FAST"]);
    assert.equal(s1.maxPowerKw, 22);
    assert.equal(s1.availability, "AVAILABLE");
    assert.deepEqual(s1.connectors.map((c) => [c.connectorId, c.evseUid, c.externalId, c.status]), [
      [1, "685512166704667_1428", "1428", "AVAILABLE"],
      [2, "13405180193_1524", "1524", "AVAILABLE"],
    ]);
    const unpublished = cs.find((l) => l.publish === false);
    assert.equal((await station(unpublished.id)).publish, false);
    // gaia's first location has only a REMOVED EVSE: connector kept but hidden, station hidden.
    const g0 = await station(gaia[0].id);
    assert.deepEqual(g0.connectors.map((c) => [c.removed, c.publish]), [[true, false]]);
    assert.equal(g0.publish, false);
    assert.equal(g0.country, "ES");
    const busy = cs.find((l) => l.evses.every((e: any) => e.status === "CHARGING"));
    if (busy) assert.equal((await station(busy.id)).availability, "BUSY");
    const broken = cs.find((l) => l.evses.every((e: any) => e.status === "OUTOFORDER" || e.status === "INOPERATIVE"));
    if (broken) assert.equal((await station(broken.id)).availability, "OUT_OF_ORDER");
    const dc = cs.find((l) => l.evses.some((e: any) => e.connectors.some((c: any) => c.max_electric_power >= 60000)));
    const dcStation = await station(dc.id);
    assert.ok(dcStation.plugTypes.includes("CCS"));
    assert.ok(dcStation.maxPowerKw >= 60);
  });

  test("tariffs: rows in minor units, linked to connectors, tariff text and per-kWh price on stations", async () => {
    const cs = real("ocpi_2_2_locations-chargesini.json");
    const result = await run(cs, { tariffs: fixture("chargesini-tariffs.json") });
    assert.equal(result.status, "SUCCEEDED");
    assert.ok(result.report.some((r) => r.id === "tariff:BROKEN" && r.action === "rejected"));
    assert.match(result.report.find((r) => r.id === "(feed)")!.reasons.join(), /tariffs: 3 created, 0 updated of 4/);
    const tariff = await t.db.tariff.findUniqueOrThrow({ where: { operatorId_externalId: { operatorId, externalId: "1AC" } } });
    assert.equal(tariff.currency, "MYR");
    assert.equal(tariff.minPriceMinor, 150);
    const s1 = await station("1"); // connectors on 1AC
    assert.equal(s1.tariffId, tariff.id);
    assert.ok(s1.connectors.every((c) => c.tariffId === tariff.id));
    assert.equal(s1.currency, "MYR");
    assert.equal(s1.pricePerKwhMinor, 80);
    assert.match(s1.tariffText!, /^MYR\s0\.80\/kWh, Prices exclude 6% VAT, Minimum MYR\s1\.50 per session$/);
    const mixed = cs.find((l) => JSON.stringify(l).includes('"1AC"') && JSON.stringify(l).includes('"1DC-62"'));
    if (mixed) {
      const m = await station(mixed.id);
      assert.match(m.tariffText!, /^TYPE2.*: MYR\s0\.80\/kWh.*; CCS: MYR\s1\.15\/kWh/);
      assert.equal(m.pricePerKwhMinor, 80);
    }
    const again = await run(cs, { tariffs: fixture("chargesini-tariffs.json") });
    assert.deepEqual([again.counts.created, again.counts.updated], [0, 0]);
    assert.match(again.report.find((r) => r.id === "(feed)")!.reasons.join(), /tariffs: 0 created, 0 updated/);
  });

  test("a tariffs-only import with new prices updates the stations priced by them", async () => {
    const cs = real("ocpi_2_2_locations-chargesini.json");
    await run(cs, { tariffs: fixture("chargesini-tariffs.json") });
    const tariffs = clone(parseFeed(fixture("chargesini-tariffs.json")).records) as any[];
    tariffs[0].elements[0].price_components[0].price = 0.9;
    const result = await run([], { mode: "INCREMENTAL", tariffs: JSON.stringify(tariffs) });
    assert.equal(result.status, "SUCCEEDED");
    assert.deepEqual(result.counts, { created: 0, updated: 0, unchanged: 0, removed: 0, rejected: 1, corrected: 0 }); // BROKEN tariff
    const notes = result.report.find((r) => r.id === "(feed)")!.reasons.join(" | ");
    assert.doesNotMatch(notes, /bare JSON array, not an OCPI envelope$/m);
    assert.match(notes, /tariffs: 0 created, 1 updated of 4/);
    const onTariff = cs.filter((l) => JSON.stringify(l).includes('"1AC"')).length;
    assert.match(notes, new RegExp(`new prices shown on ${onTariff} more station`));
    const s1 = await station("1");
    assert.equal(s1.pricePerKwhMinor, 90);
    assert.match(s1.tariffText!, /^MYR\s0\.90\/kWh/);
  });

  test("re-import writes nothing; a changed record updates only that station, connector numbers stay stable", async () => {
    const records = real("ocpi_2_2_locations-evio.json");
    await run(records);
    const before = new Map((await t.db.station.findMany({ where: { operatorId } })).map((s) => [s.id, s.updatedAt.getTime()]));
    const changed = clone(records);
    const target = changed.find((l: any) => l.evses.length >= 2);
    target.evses[0].status = "CHARGING";
    target.evses.push({ uid: "NEW-EVSE", status: "AVAILABLE", connectors: [{ id: "NEW-1", standard: "CHADEMO", power_type: "DC", max_voltage: 500, max_amperage: 100, max_electric_power: 50000 }] });
    const removedEvse = target.evses.splice(1, 1)[0];
    const result = await run(changed);
    assert.deepEqual([result.counts.created, result.counts.updated, result.counts.unchanged], [0, 1, records.length - 1]);

    const s = await station(target.id);
    const n = s.connectors.length;
    assert.deepEqual(s.connectors.map((c) => c.connectorId), [...Array(n).keys()].map((i) => i + 1));
    const gone = s.connectors.find((c) => c.evseUid === removedEvse.uid)!;
    assert.deepEqual([gone.removed, gone.publish], [true, false]);
    const added = s.connectors.find((c) => c.evseUid === "NEW-EVSE")!;
    assert.equal(added.connectorId, n); // appended after the existing numbers
    assert.equal(added.type, "CHADEMO");
    assert.equal(s.connectors.find((c) => c.evseUid === target.evses[0].uid)!.status, "CHARGING");
    assert.ok(s.plugTypes.includes("CHADEMO"));
    for (const other of await t.db.station.findMany({ where: { operatorId, NOT: { id: s.id } } })) {
      assert.equal(other.updatedAt.getTime(), before.get(other.id), `station ${other.externalId} was rewritten`);
    }
  });

  test("FULL marks stations missing from the feed removed; INCREMENTAL does not; a comeback revives it", async () => {
    const records = real("ocpi_2_2_locations-gaia.json");
    await run(records);
    const incremental = await run(records.slice(1), { mode: "INCREMENTAL" });
    assert.equal(incremental.counts.removed, 0);
    const full = await run(records.slice(1));
    assert.equal(full.counts.removed, 1);
    assert.deepEqual(full.report.find((r) => r.action === "removed")!.id, records[0].id);
    const gone = await station(records[0].id);
    assert.deepEqual([gone.status, gone.publish], ["REMOVED", false]);
    assert.equal((await run(records.slice(1))).counts.removed, 0); // already removed: not counted again
    const back = await run(records);
    assert.equal(back.counts.updated, 1);
    assert.equal((await station(records[0].id)).status, "ACTIVE");
  });

  test("one record the database refuses is rejected alone; the rest is imported", async () => {
    const records = clone(real("ocpi_2_2_locations-evio.json"));
    records[3].name = "bad\u0000name"; // PostgreSQL text cannot hold NUL
    const result = await run(records);
    assert.equal(result.status, "SUCCEEDED");
    assert.equal(result.counts.created, records.length - 1);
    assert.equal(result.counts.rejected, 1);
    const rejected = result.report.find((r) => r.action === "rejected")!;
    assert.equal(rejected.id, records[3].id);
    assert.match(rejected.reasons.at(-1)!, /database refused the record/);
    assert.equal(await t.db.station.count({ where: { operatorId } }), records.length - 1);

    // The same on updates: the bulk update fails, the retry isolates the bad record.
    const next = clone(records);
    next[3].name = "fixed";
    next[5].name = "also\u0000bad";
    next[7].name = "Renamed";
    const second = await run(next);
    assert.deepEqual([second.counts.created, second.counts.updated, second.counts.rejected], [1, 1, 1]);
    assert.equal(second.report.find((r) => r.action === "rejected")!.id, next[5].id);
    assert.equal((await station(next[7].id)).name, "Renamed");
    assert.equal((await station(next[5].id)).name, records[5].name);
  });

  test("an unreadable feed is a FAILED sync with the reason and changes nothing", async () => {
    await run(real("ocpi_2_2_locations-gaia.json"));
    const result = await run("{ this is not json");
    assert.equal(result.status, "FAILED");
    assert.match(result.error!, /not valid JSON/);
    const sync = await t.db.operatorSync.findUniqueOrThrow({ where: { id: result.syncId } });
    assert.equal(sync.status, "FAILED");
    assert.ok(sync.finishedAt);
    assert.equal(await t.db.station.count({ where: { operatorId, status: "REMOVED" } }), 0);
  });

  test("the 448-location chargesini file imports in a few seconds", async () => {
    const bytes = readFileSync(path.join(DATA, "ocpi_2_2_locations-chargesini.json"));
    const first = await run(bytes);
    const again = await run(bytes);
    console.log(`chargesini: first import ${first.durationMs} ms, re-import ${again.durationMs} ms`);
    assert.equal(first.counts.created, 448);
    assert.equal(await t.db.connector.count(), 1155);
    assert.ok(first.durationMs < 10_000, `took ${first.durationMs} ms`);
  });
});
