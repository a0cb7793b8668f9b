// The map's URL parameters: what a shared link means, and clear errors.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mapQueryToSearchParams, parseMapQuery } from "../../lib/map/filters.ts";
import { gridFor, MAX_ITEMS } from "../../lib/map/grid.ts";

const parse = (qs: string) => parseMapQuery(new URLSearchParams(qs));
const ok = (qs: string) => {
  const r = parse(qs);
  if (!r.ok) assert.fail(r.message);
  return r.query;
};

describe("parseMapQuery", () => {
  test("reads viewport and every filter", () => {
    const q = ok(
      "bbox=2.2,48.8,2.5,48.9&zoom=12&connectors=CCS,TYPE2&minPowerKw=50&availableNow=1&openNow=true" +
        "&maxPricePerKwhMinor=45&currency=eur&amenities=wifi&amenities=toilet&operators=3f1c2b9e-8d4a-4c3b-9a2e-1b2c3d4e5f60&q=%20Tesla%20",
    );
    assert.deepEqual(q.bbox, { west: 2.2, south: 48.8, east: 2.5, north: 48.9 });
    assert.equal(q.zoom, 12);
    assert.deepEqual(q.connectors, ["CCS", "TYPE2"]);
    assert.equal(q.minPowerKw, 50);
    assert.equal(q.availableNow, true);
    assert.equal(q.openNow, true);
    assert.equal(q.maxPricePerKwhMinor, 45);
    assert.equal(q.currency, "EUR");
    assert.deepEqual(q.amenities, ["wifi", "toilet"]);
    assert.deepEqual(q.operators, ["3f1c2b9e-8d4a-4c3b-9a2e-1b2c3d4e5f60"]);
    assert.equal(q.q, "Tesla");
  });

  test("serialises back to the same query (a shared link shows the same view)", () => {
    const q = ok("bbox=-10,35,30,60&zoom=5&connectors=CCS&minPowerKw=50&availableNow=1&amenities=wifi&q=berlin");
    assert.deepEqual(ok(mapQueryToSearchParams(q).toString()), q);
    assert.equal(
      mapQueryToSearchParams(q).toString(),
      "bbox=-10%2C35%2C30%2C60&zoom=5&connectors=CCS&minPowerKw=50&availableNow=1&amenities=wifi&q=berlin",
    );
  });

  test("names each bad parameter in one clear message", () => {
    const r = parse("bbox=1,2,3&zoom=25&connectors=CCS,PLUG&availableNow=maybe&operators=abc");
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.message, /bbox: must be four numbers: west,south,east,north/);
    assert.match(r.message, /zoom: must be 0 to 20/);
    assert.match(r.message, /connectors: must be among TYPE1, TYPE2, CCS/);
    assert.match(r.message, /availableNow: must be true or false/);
    assert.match(r.message, /operators: operator ids must be UUIDs/);
    assert.deepEqual(Object.keys(r.fieldErrors).sort(), ["availableNow", "bbox", "connectors", "operators", "zoom"]);
  });

  test("requires a viewport, and south below north", () => {
    const missing = parse("zoom=3");
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.message : "", /bbox: is required/);
    const flipped = parse("bbox=0,50,10,40&zoom=3");
    assert.match(!flipped.ok ? flipped.message : "", /south must be less than north/);
    const text = parse("bbox=0,40,10,50&zoom=3&minPowerKw=lots");
    assert.match(!text.ok ? text.message : "", /minPowerKw: must be a number/);
  });

  test("a box across the antimeridian is normalised, in either notation", () => {
    // Leaflet after panning east past 180: west < east, east beyond 180.
    assert.deepEqual(ok("bbox=170,-20,190,0&zoom=5").bbox, { west: 170, south: -20, east: -170, north: 0 });
    // GeoJSON style: west > east.
    assert.deepEqual(ok("bbox=170,-20,-170,0&zoom=5").bbox, { west: 170, south: -20, east: -170, north: 0 });
    // Wider than the world: the whole world.
    assert.deepEqual(ok("bbox=-250,-80,200,80&zoom=0").bbox, { west: -180, south: -80, east: 180, north: 80 });
    // Past a pole: clamped, nothing lies beyond.
    assert.deepEqual(ok("bbox=-10,-100,10,95&zoom=1").bbox, { west: -10, south: -90, east: 10, north: 90 });
  });
});

describe("gridFor", () => {
  test("never yields more cells than the response may hold, whatever box the client sends", () => {
    for (const [qs, zoom] of [["-180,-90,180,90", 0], ["-180,-85,180,85", 18], ["-10,35,30,60", 4], ["2,48,3,49", 16], ["170,-20,-170,0", 3]] as const) {
      const b = ok(`bbox=${qs}&zoom=${zoom}`).bbox;
      const { cellLng, cellLat } = gridFor(b, zoom);
      const width = b.west <= b.east ? b.east - b.west : 360 - (b.west - b.east);
      const cells = (Math.ceil(width / cellLng) + 2) * (Math.ceil((b.north - b.south) / cellLat) + 1);
      assert.ok(cells <= MAX_ITEMS, `${qs} at zoom ${zoom}: ${cells} cells`);
    }
  });
});
