// The map's viewport query on a real PostgreSQL: which stations a driver
// sees for a box, zoom and filters, as pins, clusters and list rows.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import type { Availability, ConnectorStatus, ConnectorType, StationStatus } from "../../lib/db/client.ts";
import { parseMapQuery, type TMapQuery } from "../../lib/map/filters.ts";
import { handleMapListRequest, handleMapRequest } from "../../lib/map/http.ts";
import { listViewport } from "../../lib/map/list-viewport.ts";
import { queryViewport } from "../../lib/map/query-viewport.ts";
import { generateSampleStations } from "../../lib/map/sample-stations.ts";
import type { TStationItem } from "../../lib/map/types.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

const q = (qs: string): TMapQuery => {
  const r = parseMapQuery(new URLSearchParams(qs));
  if (!r.ok) assert.fail(r.message);
  return r.query;
};

type Conn = { type: ConnectorType; kw: number; status: ConnectorStatus; removed?: boolean };

let n = 0;
async function station(opts: {
  name?: string; lat?: number; lng?: number; availability?: Availability; status?: StationStatus; publish?: boolean;
  connectors?: Conn[]; timeZone?: string; is24x7?: boolean; workingHours?: object | null; city?: string;
  pricePerKwhMinor?: number; pricePerHourMinor?: number; currency?: string; operatorId?: string;
}) {
  const conns = opts.connectors ?? [{ type: "TYPE2", kw: 22, status: "AVAILABLE" }];
  const live = conns.filter((c) => !c.removed);
  n++;
  return t.db.station.create({
    data: {
      name: opts.name ?? `Station ${n}`,
      lat: opts.lat ?? 48.85 + n * 0.0001,
      lng: opts.lng ?? 2.35 + n * 0.0001,
      availability: opts.availability ?? "AVAILABLE",
      status: opts.status ?? "ACTIVE",
      publish: opts.publish ?? true,
      timeZone: opts.timeZone ?? "Europe/Paris",
      is24x7: opts.is24x7 ?? true,
      workingHours: opts.workingHours ?? undefined,
      city: opts.city,
      pricePerKwhMinor: opts.pricePerKwhMinor,
      pricePerHourMinor: opts.pricePerHourMinor,
      currency: opts.currency ?? "EUR",
      operatorId: opts.operatorId,
      plugTypes: [...new Set(live.map((c) => c.type))],
      maxPowerKw: Math.max(0, ...live.map((c) => c.kw)),
      connectors: {
        create: conns.map((c, i) => ({ connectorId: i + 1, type: c.type, maxPowerKw: c.kw, status: c.status, removed: c.removed ?? false })),
      },
    },
  });
}

const PARIS = "bbox=2.2,48.8,2.5,48.9";
const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

describe("filters", () => {
  test("CCS >= 50 kW available now returns exactly the stations with such a connector free", async () => {
    const a = await station({ connectors: [{ type: "CCS", kw: 150, status: "AVAILABLE" }] });
    const f = await station({ connectors: [{ type: "CCS", kw: 50, status: "AVAILABLE" }, { type: "TYPE2", kw: 22, status: "CHARGING" }] });
    // Available, has CCS >= 50, but the free connector is the Type 2.
    await station({ connectors: [{ type: "CCS", kw: 150, status: "CHARGING" }, { type: "TYPE2", kw: 22, status: "AVAILABLE" }] });
    await station({ connectors: [{ type: "CCS", kw: 24, status: "AVAILABLE" }] });
    await station({ connectors: [{ type: "CHADEMO", kw: 100, status: "AVAILABLE" }, { type: "CCS", kw: 50, status: "CHARGING" }] });
    await station({ status: "MAINTENANCE", connectors: [{ type: "CCS", kw: 150, status: "AVAILABLE" }] });
    await station({ availability: "BUSY", connectors: [{ type: "CCS", kw: 150, status: "CHARGING" }] });
    await station({ connectors: [{ type: "CCS", kw: 150, status: "AVAILABLE", removed: true }, { type: "TYPE2", kw: 22, status: "AVAILABLE" }] });
    await station({ publish: false, connectors: [{ type: "CCS", kw: 150, status: "AVAILABLE" }] });

    const filters = "&connectors=CCS&minPowerKw=50&availableNow=1";
    const pins = await queryViewport(t.db, q(`${PARIS}&zoom=16${filters}`));
    assert.equal(pins.mode, "stations");
    assert.deepEqual(ids(pins.items), [a.id, f.id].sort());
    assert.ok(pins.items.every((i) => i.type === "station" && i.availability === "AVAILABLE" && i.plugTypes.includes("CCS")));

    const clusters = await queryViewport(t.db, q(`${PARIS}&zoom=5${filters}`));
    assert.equal(clusters.total, 2);

    const list = await listViewport(t.db, q(`${PARIS}&zoom=16${filters}`));
    assert.deepEqual(ids(list.items), [a.id, f.id].sort());
  });

  test("text, price, operator and amenity filters", async () => {
    const op = await t.db.operator.create({ data: { name: "Ionity" } });
    const wifi = await t.db.amenity.create({ data: { code: "wifi", name: "Wi-Fi" } });
    const wc = await t.db.amenity.create({ data: { code: "toilet", name: "Toilet" } });
    const tesla = await station({ name: "Tesla Supercharger", city: "Paris", pricePerKwhMinor: 40, operatorId: op.id });
    const cheapSek = await station({ name: "Other 50% Off", pricePerKwhMinor: 30, currency: "SEK" });
    const both = await station({ name: "Cafe charger", pricePerKwhMinor: 60 });
    await t.db.stationAmenity.createMany({
      data: [{ stationId: both.id, amenityId: wifi.id }, { stationId: both.id, amenityId: wc.id }, { stationId: tesla.id, amenityId: wifi.id }],
    });
    const run = async (f: string) => ids((await queryViewport(t.db, q(`${PARIS}&zoom=16${f}`))).items);

    assert.deepEqual(await run("&q=tesla%20paris"), [tesla.id]);
    assert.deepEqual(await run("&q=50%25"), [cheapSek.id], "a % in the search is literal");
    assert.deepEqual(await run("&maxPricePerKwhMinor=45&currency=EUR"), [tesla.id], "SEK prices cannot be compared to EUR");
    assert.deepEqual(await run("&maxPricePerKwhMinor=45&currency=SEK"), [cheapSek.id]);
    assert.deepEqual(await run(`&operators=${op.id}`), [tesla.id]);
    assert.deepEqual(await run("&amenities=wifi,toilet"), [both.id], "every amenity asked for is required");
    assert.deepEqual(await run("&amenities=wifi"), [tesla.id, both.id].sort());
  });
});

describe("open now", () => {
  // Monday 2026-11-23 07:30 UTC: 16:30 in Tokyo, 08:30 in Paris and Berlin,
  // 07:30 in London and Lisbon, 02:30 (still Sunday night's shift) in New York.
  const now = new Date("2026-11-23T07:30:00Z");
  const weekdays = (from: string, to: string) => ({ mon: [[from, to]], tue: [[from, to]], wed: [[from, to]], thu: [[from, to]], fri: [[from, to]] });

  test("uses each station's own time zone, overnight ranges and 24/7", async () => {
    const open = [
      await station({ name: "Tokyo", timeZone: "Asia/Tokyo", is24x7: false, workingHours: weekdays("09:00", "18:00") }),
      await station({ name: "Paris", timeZone: "Europe/Paris", is24x7: false, workingHours: weekdays("08:00", "20:00") }),
      await station({ name: "NY night", timeZone: "America/New_York", is24x7: false, workingHours: { sun: [["20:00", "03:00"]] } }),
      await station({ name: "Berlin", timeZone: "Europe/Berlin", is24x7: false, workingHours: { mon: [["08:30", "24:00"]] } }),
      await station({ name: "Always" }),
    ];
    const closed = [
      await station({ name: "London", timeZone: "Europe/London", is24x7: false, workingHours: weekdays("08:00", "20:00") }),
      await station({ name: "NY day", timeZone: "America/New_York", is24x7: false, workingHours: weekdays("09:00", "18:00") }),
      await station({ name: "Lisbon", timeZone: "Europe/Lisbon", is24x7: false, workingHours: { mon: [["06:00", "07:30"]] } }),
      await station({ name: "No hours", is24x7: false, workingHours: null }),
      await station({ name: "Bad zone", timeZone: "Mars/Olympus", is24x7: false, workingHours: weekdays("00:00", "24:00") }),
      // Malformed hours make a station closed, never the map fail.
      await station({ name: "Junk hours", is24x7: false, workingHours: { mon: "all day", tue: [["09:00"]] } }),
    ];
    const world = q("bbox=-180,-85,180,85&zoom=18&openNow=1");
    const pins = await queryViewport(t.db, world, { now });
    assert.deepEqual(ids(pins.items), ids(open));
    const all = await queryViewport(t.db, q("bbox=-180,-85,180,85&zoom=18"), { now });
    assert.equal(all.total, open.length + closed.length);
    const list = await listViewport(t.db, world, { sort: "name" }, { now });
    assert.deepEqual(list.items.map((i) => i.name), ["Always", "Berlin", "NY night", "Paris", "Tokyo"]);
  });
});

describe("clusters", () => {
  test("counts sum to the matching stations in the box, within the item cap", async () => {
    const sample = generateSampleStations(1500, randomUUID, 7);
    await t.db.station.createMany({
      data: sample.map((s) => ({
        id: s.id, name: s.name, lat: s.lat, lng: s.lng, status: s.status, availability: s.availability, publish: s.publish,
        timeZone: s.timeZone, is24x7: s.is24x7, maxPowerKw: s.maxPowerKw, plugTypes: [...new Set(s.connectors.map((c) => c.type))],
        currency: s.currency, pricePerKwhMinor: s.pricePerKwhMinor,
      })),
    });
    const cases: [string, number, (s: (typeof sample)[number]) => boolean][] = [
      ["-15,30,45,70", 3, () => true],
      ["-15,30,45,70", 5, (s) => s.maxPowerKw >= 50],
      ["0,45,20,55", 7, () => true],
      ["2,48.6,2.6,49.1", 11, () => true],
      ["2,48.6,2.6,49.1", 13, (s) => s.availability === "AVAILABLE" && s.status === "ACTIVE"],
    ];
    for (const [bbox, zoom, extra] of cases) {
      const [w, so, e, no] = bbox.split(",").map(Number);
      const filter = extra.toString().includes("maxPowerKw") ? "&minPowerKw=50" : extra.toString().includes("AVAILABLE") ? "&availableNow=1" : "";
      const expected = sample.filter(
        (s) => s.publish && (s.status === "ACTIVE" || s.status === "MAINTENANCE") && s.lat >= so && s.lat <= no && s.lng >= w && s.lng <= e && extra(s),
      ).length;
      const r = await queryViewport(t.db, q(`bbox=${bbox}&zoom=${zoom}${filter}`));
      assert.equal(r.mode, "clusters");
      const sum = r.items.reduce((acc, i) => acc + (i.type === "cluster" ? i.count : 1), 0);
      assert.equal(sum, expected, `${bbox} z${zoom}${filter}`);
      assert.equal(r.total, expected);
      assert.ok(expected > 0 && r.items.length <= 300, `${r.items.length} items`);
      for (const i of r.items) {
        if (i.type !== "cluster") continue;
        assert.ok(i.count >= 2 && i.available <= i.count);
        const [cw, cs, ce, cn] = i.bounds;
        assert.ok(cw <= i.lng && i.lng <= ce && cs <= i.lat && i.lat <= cn, "centroid inside its bounds");
      }
    }
  });

  test("a cluster's colour is its best availability; maintenance shows as out of order", async () => {
    await station({ lat: 48.85, lng: 2.35, availability: "OFFLINE" });
    await station({ lat: 48.851, lng: 2.351, availability: "BUSY" });
    const m = await station({ lat: 48.86, lng: 2.36, status: "MAINTENANCE", availability: "AVAILABLE" });
    const r = await queryViewport(t.db, q(`${PARIS}&zoom=5`));
    assert.equal(r.items.length, 1);
    const c = r.items[0];
    assert.ok(c.type === "cluster" && c.count === 3 && c.availability === "BUSY" && c.available === 0);
    const pins = await queryViewport(t.db, q(`${PARIS}&zoom=16`));
    assert.equal((pins.items.find((i) => i.id === m.id) as TStationItem).availability, "OUT_OF_ORDER");
  });
});

describe("what never appears", () => {
  test("unpublished, removed, inactive and unapproved stations are in no pin, cluster or list row", async () => {
    const shown = await station({});
    for (const status of ["REMOVED", "INACTIVE", "PENDING_APPROVAL", "SUSPENDED"] as const) await station({ status });
    await station({ publish: false });
    for (const zoom of [3, 9, 16]) {
      const r = await queryViewport(t.db, q(`${PARIS}&zoom=${zoom}`));
      assert.equal(r.total, 1, `zoom ${zoom}`);
      assert.deepEqual(ids(r.items), [shown.id]);
    }
    assert.deepEqual(ids((await listViewport(t.db, q(`${PARIS}&zoom=10`))).items), [shown.id]);
  });
});

describe("antimeridian", () => {
  test("a box across 180 degrees finds stations on both sides and nothing in between", async () => {
    const east = await station({ lat: 0, lng: 179.5 });
    const west = await station({ lat: 0.2, lng: -179.5 });
    await station({ lat: 0, lng: 0 });
    for (const bbox of ["179,-1,181,1", "179,-1,-179,1"]) {
      assert.deepEqual(ids((await queryViewport(t.db, q(`bbox=${bbox}&zoom=16`))).items), [east.id, west.id].sort());
      assert.equal((await queryViewport(t.db, q(`bbox=${bbox}&zoom=3`))).total, 2);
    }
    const list = await listViewport(t.db, q("bbox=179,-1,181,1&zoom=9"));
    assert.deepEqual(list.items.map((i) => i.id), [east.id, west.id], "nearest to the centre (180, 0) first");
    assert.ok(list.items[0].distanceKm < 60, `${list.items[0].distanceKm} km across the antimeridian`);
  });
});

describe("list view", () => {
  test("pages through every match once, nearest first or by name", async () => {
    const made = [];
    for (let i = 0; i < 11; i++) made.push(await station({ name: `S${String(i).padStart(2, "0")}`, lat: 48.85 + i * 0.001, lng: 2.35 }));
    const query = q("bbox=2.3,48.84,2.4,48.87&zoom=14");
    for (const sort of ["distance", "name"] as const) {
      const seen: { id: string; name: string; distanceKm: number }[] = [];
      let cursor: string | undefined;
      do {
        const page = await listViewport(t.db, query, { limit: 4, cursor, sort });
        assert.ok(page.items.length <= 4);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.equal(seen.length, 11, sort);
      assert.deepEqual(ids(seen), ids(made));
      if (sort === "name") assert.deepEqual(seen.map((s) => s.name), made.map((s) => s.name));
      else for (let i = 1; i < seen.length; i++) assert.ok(seen[i - 1].distanceKm <= seen[i].distanceKm);
    }
  });
});

describe("prices on pins and list rows", () => {
  test("a station's time price is shown beside its energy price, and left out where there is none", async () => {
    const both = await station({ name: "Energy and time", pricePerKwhMinor: 45, pricePerHourMinor: 120, lat: 48.851, lng: 2.351 });
    const energy = await station({ name: "Energy only", pricePerKwhMinor: 39, lat: 48.852, lng: 2.352 });
    const query = q("bbox=2.34,48.84,2.36,48.86&zoom=16");
    const pins = await queryViewport(t.db, query);
    const list = await listViewport(t.db, query);
    for (const items of [pins.items, list.items] as { id: string; pricePerKwhMinor?: number | null; pricePerHourMinor?: number }[][]) {
      const a = items.find((i) => i.id === both.id)!;
      const b = items.find((i) => i.id === energy.id)!;
      assert.deepEqual([a.pricePerKwhMinor, a.pricePerHourMinor], [45, 120]);
      assert.deepEqual([b.pricePerKwhMinor, "pricePerHourMinor" in b], [39, false]);
    }
  });
});

describe("GET /api/map", () => {
  test("answers JSON for a good query and 400 with a clear message for a bad one", async () => {
    await station({});
    const good = await handleMapRequest(t.db, new URL(`http://x/api/map?${PARIS}&zoom=16`));
    assert.equal(good.status, 200);
    assert.match(good.headers.get("cache-control") ?? "", /private/);
    const body = await good.json();
    assert.equal(body.mode, "stations");
    assert.equal(body.items.length, 1);

    const bad = await handleMapRequest(t.db, new URL("http://x/api/map?bbox=2,48,2.5&zoom=99"));
    assert.equal(bad.status, 400);
    const err = await bad.json();
    assert.match(err.error, /bbox: must be four numbers.*zoom: must be 0 to 20/);
    assert.deepEqual(Object.keys(err.fieldErrors).sort(), ["bbox", "zoom"]);

    const list = await handleMapListRequest(t.db, new URL(`http://x/api/map/list?${PARIS}&zoom=16&cursor=nonsense`));
    assert.equal(list.status, 400);
    assert.match((await list.json()).error, /cursor is not valid/);
    const limit = await handleMapListRequest(t.db, new URL(`http://x/api/map/list?${PARIS}&zoom=16&limit=1000`));
    assert.equal(limit.status, 400);
  });
});
