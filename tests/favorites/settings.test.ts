// Driver settings (seed 004 USER_SETTINGS): validation, defaults from the
// platform's notification rules, saved map filters in the URL's shape.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { mapQueryToSearchParams } from "../../lib/map/filters.ts";
import { clearSearchFilters, getSettings, saveSearchFilters, updateSettings, wantsNotification } from "../../lib/settings/user-settings.ts";
import type { TNotificationPrefs } from "../../lib/settings/schemas.ts";
import { makeDriver } from "../stations/helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); });

test("defaults: English, EUR, the platform's notification rules, no saved filters", async () => {
  const driver = await makeDriver(t.db);
  const s = await getSettings(t.db, driver.id);
  assert.equal(s.language, "en");
  assert.equal(s.currency, "EUR");
  assert.equal(s.searchFilters, null);
  // reference data: BOOKING goes in-app, push and e-mail; PROMOTION only in-app.
  assert.deepEqual(s.notifications.BOOKING, { IN_APP: true, PUSH: true, SMS: false, EMAIL: true });
  assert.deepEqual(s.notifications.PROMOTION, { IN_APP: true, PUSH: false, SMS: false, EMAIL: false });
});

test("language, currency and per type/channel preferences are saved and read back", async () => {
  const driver = await makeDriver(t.db);
  const s = await getSettings(t.db, driver.id);
  const notifications: TNotificationPrefs = structuredClone(s.notifications);
  notifications.BOOKING.EMAIL = false;
  notifications.PROMOTION.IN_APP = false;
  notifications.SESSION.SMS = true;
  await updateSettings(t.db, driver.id, { language: "ru", currency: "RUB", notifications });
  const back = await getSettings(t.db, driver.id);
  assert.equal(back.language, "ru");
  assert.equal(back.currency, "RUB");
  assert.deepEqual(back.notifications, notifications);
  assert.equal(wantsNotification(back.notifications, "BOOKING", "EMAIL"), false);
  assert.equal(wantsNotification(back.notifications, "SESSION", "SMS"), true);
});

test("invalid settings are refused with the field named, and nothing changes", async () => {
  const driver = await makeDriver(t.db);
  const s = await getSettings(t.db, driver.id);
  const bad = [
    [{ language: "de", currency: "EUR", notifications: s.notifications }, /English or Russian/],
    [{ language: "en", currency: "XYZ", notifications: s.notifications }, /Choose one of EUR/],
    [{ language: "en", currency: "EUR", notifications: { ...s.notifications, SECURITY: { ...s.notifications.SECURITY, IN_APP: false } } }, /always go to the in-app inbox/],
    [{ language: "en", currency: "EUR", notifications: { ...s.notifications, BOOKING: { IN_APP: true } } }, /PUSH/],
    [{ language: "en", currency: "EUR", notifications: { ...s.notifications, FAX: { IN_APP: true, PUSH: false, SMS: false, EMAIL: false } } }, /FAX|unrecognized/i],
  ] as const;
  for (const [input, message] of bad) await assert.rejects(updateSettings(t.db, driver.id, input), message);
  assert.equal(await t.db.userSettings.count({ where: { userId: driver.id } }), 0);
});

test("saved filters: validated like the map URL, stored in its shape, round-trip to the same query string; cleared on request", async () => {
  const driver = await makeDriver(t.db);
  const filters = await saveSearchFilters(t.db, driver.id, "?connectors=CCS,TYPE2&minPowerKw=50&availableNow=1&openNow=true&maxPricePerKwhMinor=45&currency=eur&amenities=wifi&q=harbour&bbox=1,2,3,4&zoom=9");
  assert.deepEqual(filters.connectors, ["CCS", "TYPE2"]);
  assert.equal(filters.currency, "EUR");
  const back = await getSettings(t.db, driver.id);
  assert.equal(
    mapQueryToSearchParams(back.searchFilters!).toString(),
    "connectors=CCS%2CTYPE2&minPowerKw=50&availableNow=1&openNow=1&maxPricePerKwhMinor=45&currency=EUR&amenities=wifi&q=harbour",
    "the viewport is not part of a saved default",
  );
  await clearSearchFilters(t.db, driver.id);
  assert.equal((await getSettings(t.db, driver.id)).searchFilters, null);
});

test("bad or empty filters are refused with the parameter named; the saved default stays", async () => {
  const driver = await makeDriver(t.db);
  await saveSearchFilters(t.db, driver.id, "connectors=CCS");
  await assert.rejects(saveSearchFilters(t.db, driver.id, "connectors=PLASMA"), (e: Error & { fieldErrors?: Record<string, string[]> }) => !!e.fieldErrors?.connectors && /connectors/.test(e.message));
  await assert.rejects(saveSearchFilters(t.db, driver.id, "minPowerKw=lots"), /minPowerKw/);
  await assert.rejects(saveSearchFilters(t.db, driver.id, ""), /at least one filter/);
  assert.deepEqual((await getSettings(t.db, driver.id)).searchFilters?.connectors, ["CCS"]);
});

test("stored garbage falls back to defaults instead of breaking the page", async () => {
  const driver = await makeDriver(t.db);
  await t.db.userSettings.create({ data: { userId: driver.id, preferredLanguage: "xx", preferredCurrency: "???", notificationPreferences: { BOOKING: "yes" }, searchFilters: { connectors: 42 } } });
  const s = await getSettings(t.db, driver.id);
  assert.equal(s.language, "en");
  assert.equal(s.currency, "EUR");
  assert.equal(s.searchFilters, null);
  assert.equal(s.notifications.BOOKING.IN_APP, true);
});
