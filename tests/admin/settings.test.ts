// Platform settings: typed, validated, all-or-nothing, audited.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { updateSettings, validateSetting } from "../../lib/admin/settings.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { auditRows, makeAdmin } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); });

const values = async () => Object.fromEntries((await t.db.appConfig.findMany()).map((r) => [r.key, r.value]));

test("bad values are refused with a message per field, and nothing is saved, not even the good ones", async () => {
  const admin = await makeAdmin(t.db);
  const before = await values();
  const cases: Record<string, string> = {
    platform_fee_percent: "51",
    default_currency: "EURO",
    booking_grace_minutes: "-5",
    booking_reservation_fee_minor: "2.5",
    ocpp_unknown_chargers: "maybe",
  };
  for (const [key, bad] of Object.entries(cases)) {
    const err = await updateSettings(t.db, admin, { booking_no_show_fee_minor: "700", [key]: bad }).catch((e) => e);
    assert.ok(err instanceof AppError, key);
    assert.equal(err.code, "INVALID_INPUT");
    assert.ok(err.fieldErrors?.[key]?.length, `${key} has its own message`);
    assert.equal(err.fieldErrors?.booking_no_show_fee_minor, undefined);
  }
  const unknown = await updateSettings(t.db, admin, { not_a_setting: "1" }).catch((e) => e);
  assert.equal(unknown.fieldErrors.not_a_setting[0], "Unknown setting.");
  assert.deepEqual(await values(), before);
  assert.equal((await auditRows(t.db)).length, 0);
});

test("good values are stored normalised, only changed keys are written, each with an audit row", async () => {
  const admin = await makeAdmin(t.db);
  const result = await updateSettings(t.db, admin, {
    platform_fee_percent: " 12.50 ",
    default_currency: "usd",
    booking_grace_minutes: "15",
    booking_free_cancel_minutes: "30",
  });
  assert.deepEqual(result.changed.sort(), ["booking_free_cancel_minutes", "default_currency", "platform_fee_percent"]);
  const v = await values();
  assert.equal(v.platform_fee_percent, "12.5");
  assert.equal(v.default_currency, "USD");
  const rows = await auditRows(t.db, "SETTING_CHANGED");
  assert.equal(rows.length, 3);
  const fee = rows.find((r) => r.entityId === "platform_fee_percent")!;
  assert.deepEqual([fee.before, fee.after], [{ value: "10" }, { value: "12.5" }]);
  assert.equal((await t.db.appConfig.findUniqueOrThrow({ where: { key: "default_currency" } })).updatedById, admin.id);
});

test("type rules: limits of the fee, ISO currency codes, booleans and JSON", () => {
  assert.deepEqual(validateSetting("platform_fee_percent", "DECIMAL", "0"), { ok: true, value: "0" });
  assert.deepEqual(validateSetting("platform_fee_percent", "DECIMAL", "50"), { ok: true, value: "50" });
  assert.equal(validateSetting("platform_fee_percent", "DECIMAL", "50.01").ok, false);
  assert.equal(validateSetting("platform_fee_percent", "DECIMAL", "abc").ok, false);
  assert.equal(validateSetting("default_currency", "STRING", "XYZ").ok, false);
  assert.deepEqual(validateSetting("default_currency", "STRING", "rub"), { ok: true, value: "RUB" });
  assert.deepEqual(validateSetting("feature_x", "BOOLEAN", "TRUE"), { ok: true, value: "true" });
  assert.equal(validateSetting("feature_x", "BOOLEAN", "yes").ok, false);
  assert.equal(validateSetting("map_x", "JSON", "{bad").ok, false);
  assert.deepEqual(validateSetting("map_x", "JSON", '{ "a": 1 }'), { ok: true, value: '{"a":1}' });
  assert.equal(validateSetting("count_x", "INTEGER", "1.5").ok, false);
});
