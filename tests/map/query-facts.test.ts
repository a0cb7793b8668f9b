// Filtered clusters on a large map come from station_map_facts (refreshed
// every 30 s) instead of the live tables: for every filter the map offers,
// both paths must find the same stations.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import type { ConnectorStatus, ConnectorType } from "../../lib/db/client.ts";
import { CONNECTOR_TYPES, parseMapQuery, type TMapQuery } from "../../lib/map/filters.ts";
import { refreshMapCells } from "../../lib/map/query-cells.ts";
import { factsCacheSettled } from "../../lib/map/query-facts.ts";
import { queryViewport } from "../../lib/map/query-viewport.ts";
import { generateSampleStations } from "../../lib/map/sample-stations.ts";
import type { TViewportResult } from "../../lib/map/types.ts";

let t: TestDb;
const now = new Date();
const special: Record<string, string> = {};
let operatorId = "";

const q = (qs: string): TMapQuery => {
  const r = parseMapQuery(new URLSearchParams(qs));
  if (!r.ok) assert.fail(r.message);
  return r.query;
};

/** The day key and "HH:MM" in a zone at now + minutes, to build opening hours around the real clock. */
function localAt(tz: string, minutes: number): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: tz, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(now.getTime() + minutes * 60_000))
      .map((p) => [p.type, p.value]),
  );
  return { day: parts.weekday.toLowerCase(), time: `${parts.hour}:${parts.minute}` };
}
/** Open from now+from to now+to minutes, local time (may run past midnight). */
function hoursAround(tz: string, from: number, to: number) {
  const a = localAt(tz, from);
  return { [a.day]: [[a.time, localAt(tz, to).time]] };
}

// Far out in the Atlantic, 0.3° apart: at zoom 9 each is its own pin.
let spot = 0;
async function addStation(name: string, opts: {
  timeZone?: string; hours?: object; conns: { type: ConnectorType; kw: number; status: ConnectorStatus }[];
}) {
  spot++;
  const s = await t.db.station.create({
    data: {
      name, lat: 45 + (spot % 5) * 0.3, lng: -20 + Math.floor(spot / 5) * 0.3, availability: "AVAILABLE", status: "ACTIVE",
      timeZone: opts.timeZone ?? "Europe/Paris", is24x7: !opts.hours, workingHours: opts.hours,
      plugTypes: [...new Set(opts.conns.map((c) => c.type))], maxPowerKw: Math.max(...opts.conns.map((c) => c.kw)),
      connectors: { create: opts.conns.map((c, i) => ({ connectorId: i + 1, type: c.type, maxPowerKw: c.kw, status: c.status })) },
    },
  });
  special[name] = s.id;
  return s;
}

before(async () => {
  t = await freshDatabase();
  const ops = await Promise.all([0, 1, 2, 3].map((i) => t.db.operator.create({ data: { name: `Op ${i}` } })));
  operatorId = ops[1].id;
  const amenities = await Promise.all(
    ["wifi", "toilet", "cafe", "shop", "playground", "restaurant"].map((code) => t.db.amenity.create({ data: { code, name: code } })),
  );
  const sample = generateSampleStations(1500, randomUUID, 11);
  await t.db.station.createMany({
    data: sample.map((s) => ({
      id: s.id, name: s.name, address: s.address, city: s.city, lat: s.lat, lng: s.lng, status: s.status, availability: s.availability,
      publish: s.publish, timeZone: s.timeZone, is24x7: s.is24x7, workingHours: s.workingHours ?? undefined, maxPowerKw: s.maxPowerKw,
      plugTypes: [...new Set(s.connectors.map((c) => c.type))], currency: s.currency, pricePerKwhMinor: s.pricePerKwhMinor,
      operatorId: ops[s.operator % ops.length].id,
    })),
  });
  await t.db.connector.createMany({
    data: sample.flatMap((s) => s.connectors.map((c, i) => ({
      stationId: s.id, connectorId: i + 1, type: c.type, powerType: c.powerType, maxPowerKw: c.maxPowerKw, status: c.status,
    }))),
  });
  const code = new Map(amenities.map((a) => [a.code, a.id]));
  await t.db.stationAmenity.createMany({ data: sample.flatMap((s) => s.amenities.map((a) => ({ stationId: s.id, amenityId: code.get(a)! }))) });

  // Has CCS >= 50 kW and is available, but the free connector is the Type 2.
  await addStation("Busy CCS", { conns: [{ type: "CCS", kw: 150, status: "CHARGING" }, { type: "TYPE2", kw: 22, status: "AVAILABLE" }] });
  await addStation("Free CCS", { conns: [{ type: "CCS", kw: 150, status: "AVAILABLE" }, { type: "TYPE2", kw: 22, status: "CHARGING" }] });
  // Opening hours a few minutes around the real clock, in zones with and
  // without daylight saving time now (Santiago and Sydney are on summer time
  // when Europe and New York are not, and the other way round); an offset
  // off by an hour would swap open and closed.
  for (const tz of ["Asia/Tokyo", "America/New_York", "America/Santiago", "Australia/Sydney", "Europe/London", "Asia/Kolkata"]) {
    await addStation(`Open ${tz}`, { timeZone: tz, hours: hoursAround(tz, -20, 20), conns: [{ type: "TYPE2", kw: 22, status: "AVAILABLE" }] });
    await addStation(`Closed ${tz}`, { timeZone: tz, hours: hoursAround(tz, 40, 80), conns: [{ type: "TYPE2", kw: 22, status: "AVAILABLE" }] });
    await addStation(`Closed before ${tz}`, { timeZone: tz, hours: hoursAround(tz, -80, -40), conns: [{ type: "TYPE2", kw: 22, status: "AVAILABLE" }] });
  }
  await t.db.$executeRawUnsafe("ANALYZE");
  await refreshMapCells(t.db);
});
after(async () => { await t.close(); });

const FILTERS = [
  "", "connectors=CCS", "connectors=TYPE2,CHADEMO", "minPowerKw=50", "minPowerKw=22.5", "availableNow=1",
  "connectors=CCS&minPowerKw=50&availableNow=1", "connectors=CCS&availableNow=1", "connectors=CCS,TESLA&minPowerKw=100",
  "minPowerKw=150&availableNow=1", "openNow=1", "maxPricePerKwhMinor=40&currency=EUR", "maxPricePerKwhMinor=300&currency=NOK",
  "amenities=wifi", "amenities=wifi,toilet", "operators=OP", "q=central", "q=park%20london", "q=LONDON%20Park",
  "connectors=CCS,TYPE2&minPowerKw=22&availableNow=1&openNow=1&maxPricePerKwhMinor=60&currency=EUR&amenities=wifi",
];

const byId = (r: TViewportResult) => [...r.items].sort((a, b) => a.id.localeCompare(b.id));
const available = (r: TViewportResult) =>
  r.items.reduce((n, i) => n + (i.type === "cluster" ? i.available : i.availability === "AVAILABLE" ? 1 : 0), 0);

describe("facts and live agree", () => {
  for (const filter of FILTERS) {
    test(filter || "no filter (zoom 7-9 read the facts too)", async () => {
      const f = `&${filter.replace("OP", operatorId)}`;
      // Country zoom: per-station cells from the facts, the same clusters as live.
      const country = q(`bbox=-2,44,8,52&zoom=8${f}`);
      const liveCountry = await queryViewport(t.db, country, { cells: false, now });
      assert.deepEqual(byId(await queryViewport(t.db, country, { cells: true, now })), byId(liveCountry));
      // Continent zoom: cached 0.25° cells from the facts; the same stations, cluster edges may differ.
      const continent = q(`bbox=-30,25,50,72&zoom=4${f}`);
      const live = await queryViewport(t.db, continent, { cells: false, now });
      const facts = await queryViewport(t.db, continent, { cells: true, now });
      assert.ok(live.total > 0, "the seeded set has matches");
      assert.equal(facts.total, live.total);
      assert.equal(available(facts), available(live));
      // And the pins (always live) count the same stations.
      const pins = await queryViewport(t.db, q(`bbox=-30,25,50,72&zoom=18${f}`), { now });
      if (pins.mode === "stations") assert.equal(pins.total, live.total);
    });
  }

  test("the busy-CCS station never matches CCS >= 50 kW available; open now follows each zone's clock", async () => {
    const ids = async (f: string) => {
      const r = await queryViewport(t.db, q(`bbox=-21,44,-10,47&zoom=9&${f}`), { cells: true, now });
      const out = new Set<string>();
      // Each station is its own cell at zoom 9 and drawn as a pin.
      for (const i of r.items) assert.equal(i.type, "station"), out.add(i.id);
      return out;
    };
    const ccs = await ids("connectors=CCS&minPowerKw=50&availableNow=1");
    assert.ok(ccs.has(special["Free CCS"]) && !ccs.has(special["Busy CCS"]));
    const open = await ids("openNow=1");
    for (const tz of ["Asia/Tokyo", "America/New_York", "America/Santiago", "Australia/Sydney", "Europe/London", "Asia/Kolkata"]) {
      assert.ok(open.has(special[`Open ${tz}`]), `open in ${tz}`);
      assert.ok(!open.has(special[`Closed ${tz}`]) && !open.has(special[`Closed before ${tz}`]), `closed in ${tz}`);
    }
  });
});

test("the view's connector arrays follow the ConnectorType enum's order", async () => {
  const [row] = await t.db.$queryRaw<{ types: string[] }[]>`SELECT enum_range(NULL::"ConnectorType")::text[] AS types`;
  assert.deepEqual(row.types, CONNECTOR_TYPES);
  const [free] = await t.db.$queryRaw<{ kw: number[]; avail_kw: number[]; plugs: number }[]>`
    SELECT kw, avail_kw, plugs FROM station_map_facts WHERE id = ${special["Busy CCS"]}::uuid`;
  const ccs = CONNECTOR_TYPES.indexOf("CCS");
  const type2 = CONNECTOR_TYPES.indexOf("TYPE2");
  assert.equal(free.kw.length, CONNECTOR_TYPES.length);
  assert.equal(free.kw[ccs], 150);
  assert.equal(free.avail_kw[ccs], -Infinity);
  assert.equal(free.avail_kw[type2], 22);
  assert.equal(free.plugs, (1 << ccs) | (1 << type2));
});

test("facts clusters change after the next refresh; pins at once", async () => {
  const continent = q("bbox=-30,25,50,72&zoom=4&connectors=CCS&minPowerKw=50&availableNow=1");
  const before = (await queryViewport(t.db, continent, { cells: true, now })).total;
  await t.db.connector.updateMany({ where: { stationId: special["Busy CCS"], type: "CCS" }, data: { status: "AVAILABLE" } });
  const pins = await queryViewport(t.db, q("bbox=-21,44,-10,47&zoom=18&connectors=CCS&minPowerKw=50&availableNow=1"), { now });
  assert.ok(pins.items.some((i) => i.id === special["Busy CCS"]), "pins read live");
  assert.equal((await queryViewport(t.db, continent, { cells: true, now })).total, before, "clusters wait for the refresh");
  await refreshMapCells(t.db);
  await factsCacheSettled(); // the version is otherwise asked at most once a second
  // The first request after a refresh may still get the previous cells while new ones are computed.
  const next = (await queryViewport(t.db, continent, { cells: true, now })).total;
  assert.ok(next === before || next === before + 1);
  await factsCacheSettled();
  assert.equal((await queryViewport(t.db, continent, { cells: true, now })).total, before + 1);
  assert.equal((await queryViewport(t.db, continent, { cells: false, now })).total, before + 1);
});

test("the refresh swaps the facts only between readers, and readers never queue behind it for long", async () => {
  const active = async () =>
    (await t.db.$queryRaw<{ d: string }[]>`SELECT definition AS d FROM pg_views WHERE viewname = 'station_map_facts'`)[0].d;
  const reader = new pg.Client({ connectionString: t.url });
  await reader.connect();
  await reader.query("BEGIN");
  await reader.query("SELECT count(*) FROM station_map_facts");
  const before = await active();
  let done = false;
  const refreshing = refreshMapCells(t.db).then(() => { done = true; });
  await sleep(1000);
  assert.equal(done, false, "waits for the reader");
  assert.equal(await active(), before);
  const t0 = performance.now();
  await queryViewport(t.db, q("bbox=-2,44,8,52&zoom=8&availableNow=1"), { cells: true, now });
  assert.ok(performance.now() - t0 < 500, `another request waited ${performance.now() - t0} ms`);
  await reader.query("COMMIT");
  await reader.end();
  await refreshing;
  assert.notEqual(await active(), before, "swapped once the reader was done");
});
