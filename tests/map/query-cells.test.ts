// Pre-aggregated cells (large maps, low zoom) agree with reading stations live.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { parseMapQuery } from "../../lib/map/filters.ts";
import { queryViewport } from "../../lib/map/query-viewport.ts";
import { refreshMapCells } from "../../lib/map/query-cells.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

test("at zoom 4 the cells give the same total and nearly the same clusters as live stations; stale until refreshed", async () => {
  const rows = Array.from({ length: 400 }, (_, i) => ({
    name: `Cell test ${i}`, lat: 40 + ((i * 7919) % 2000) / 100, lng: -5 + ((i * 104729) % 3000) / 100,
    status: i % 17 === 0 ? ("INACTIVE" as const) : ("ACTIVE" as const), availability: i % 3 === 0 ? ("AVAILABLE" as const) : ("BUSY" as const), maxPowerKw: 11 + (i % 5) * 50,
  }));
  await t.db.station.createMany({ data: rows });
  await refreshMapCells(t.db);
  const q = parseMapQuery(new URLSearchParams({ bbox: "-20,30,40,70", zoom: "4" }));
  assert.ok(q.ok);
  const live = await queryViewport(t.db, q.query, { cells: false });
  const cells = await queryViewport(t.db, q.query, { cells: true });
  const visible = rows.filter((r) => r.status === "ACTIVE").length;
  assert.equal(live.total, visible);
  assert.equal(cells.total, visible);
  const avail = (r: typeof live) => r.items.reduce((n, it) => n + (it.type === "cluster" ? it.available : it.availability === "AVAILABLE" ? 1 : 0), 0);
  assert.equal(avail(cells), avail(live));
  // Fine cells snap to the coarse grid by their centre: a few clusters may differ at cell edges.
  assert.ok(Math.abs(cells.items.length - live.items.length) <= Math.ceil(live.items.length * 0.2), `${cells.items.length} vs ${live.items.length}`);

  // A filter reads the per-station facts (query-facts.ts), exact after a refresh.
  const filtered = parseMapQuery(new URLSearchParams({ bbox: "-20,30,40,70", zoom: "4", minPowerKw: "150" }));
  assert.ok(filtered.ok);
  assert.equal((await queryViewport(t.db, filtered.query, { cells: true })).total, rows.filter((r) => r.status === "ACTIVE" && r.maxPowerKw >= 150).length);

  // New stations appear in the cells after the next refresh.
  await t.db.station.create({ data: { name: "New", lat: 50, lng: 10, status: "ACTIVE" } });
  assert.equal((await queryViewport(t.db, q.query, { cells: true })).total, visible);
  await refreshMapCells(t.db);
  assert.equal((await queryViewport(t.db, q.query, { cells: true })).total, visible + 1);
});
