// Favourites (seed 004): alias, usage count and last use; only the driver's
// own; recordFavoriteUse for the charging flow; sessions as a floor.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { listFavorites } from "../../lib/favorites/list-favorites.ts";
import { recordFavoriteUse } from "../../lib/favorites/record-favorite-use.ts";
import { removeFavorite, saveFavorite } from "../../lib/favorites/save-favorite.ts";
import { makeDriver, makeSession, makeStation } from "../stations/helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

test("saving a favourite with an alias, renaming it, and removing it; each driver sees only their own", async () => {
  const [a, b] = [await makeDriver(t.db), await makeDriver(t.db)];
  const station = await makeStation(t.db, { name: "Harbour Hub" });
  await saveFavorite(t.db, a.id, { stationId: station.id, alias: "  Work  " });
  await saveFavorite(t.db, b.id, { stationId: station.id });
  let mine = await listFavorites(t.db, a.id);
  assert.deepEqual(mine.map((f) => [f.alias, f.station.name, f.usageCount, f.lastUsedAt]), [["Work", "Harbour Hub", 0, null]]);
  await saveFavorite(t.db, a.id, { stationId: station.id, alias: "Office" });
  mine = await listFavorites(t.db, a.id);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].alias, "Office");
  assert.equal((await listFavorites(t.db, b.id))[0].alias, null);
  assert.deepEqual(await removeFavorite(t.db, a.id, { stationId: station.id }), { removed: true });
  assert.deepEqual(await removeFavorite(t.db, a.id, { stationId: station.id }), { removed: false });
  assert.equal((await listFavorites(t.db, a.id)).length, 0);
  assert.equal((await listFavorites(t.db, b.id)).length, 1, "removing mine leaves the other driver's");
});

test("recordFavoriteUse counts uses and the last use; renaming keeps them; a non-favourite is left alone", async () => {
  const driver = await makeDriver(t.db);
  const [fav, other] = [await makeStation(t.db), await makeStation(t.db)];
  await saveFavorite(t.db, driver.id, { stationId: fav.id, alias: "Home" });
  const t1 = new Date("2026-03-01T10:00:00Z");
  const t2 = new Date("2026-03-02T18:30:00Z");
  assert.equal(await recordFavoriteUse(t.db, driver.id, fav.id, t1), true);
  assert.equal(await recordFavoriteUse(t.db, driver.id, fav.id, t2), true);
  assert.equal(await recordFavoriteUse(t.db, driver.id, other.id, t2), false);
  assert.equal(await t.db.favorite.count({ where: { stationId: other.id } }), 0);
  await saveFavorite(t.db, driver.id, { stationId: fav.id, alias: "Home 2" });
  const [row] = await listFavorites(t.db, driver.id);
  assert.equal(row.usageCount, 2);
  assert.equal(row.lastUsedAt?.toISOString(), t2.toISOString());
  assert.equal(row.alias, "Home 2");
});

test("sessions the driver started at a favourite count even where the hook was not called", async () => {
  const driver = await makeDriver(t.db);
  const someoneElse = await makeDriver(t.db);
  const station = await makeStation(t.db);
  await saveFavorite(t.db, driver.id, { stationId: station.id });
  const last = new Date("2026-05-05T08:00:00Z");
  await makeSession(t.db, driver.id, station.id, "COMPLETED", new Date("2026-05-01T08:00:00Z"));
  await makeSession(t.db, driver.id, station.id, "COMPLETED", last);
  await makeSession(t.db, someoneElse.id, station.id, "COMPLETED", new Date("2026-06-01T08:00:00Z"));
  const [row] = await listFavorites(t.db, driver.id);
  assert.equal(row.usageCount, 2);
  assert.equal(row.lastUsedAt?.toISOString(), last.toISOString());
});

test("a hidden or unknown station cannot be favourited; an over-long alias is refused; nothing is written", async () => {
  const driver = await makeDriver(t.db);
  const hidden = await makeStation(t.db, { publish: false });
  const suspended = await makeStation(t.db, { status: "SUSPENDED" });
  await assert.rejects(saveFavorite(t.db, driver.id, { stationId: hidden.id }), /was not found/);
  await assert.rejects(saveFavorite(t.db, driver.id, { stationId: suspended.id }), /was not found/);
  await assert.rejects(saveFavorite(t.db, driver.id, { stationId: "not-a-uuid" }), /Unknown station/);
  const ok = await makeStation(t.db);
  await assert.rejects(saveFavorite(t.db, driver.id, { stationId: ok.id, alias: "x".repeat(61) }), /at most 60/);
  assert.equal(await t.db.favorite.count(), 0);
});
