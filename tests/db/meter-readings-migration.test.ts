// The migration to one meter_readings row per MeterValue element regroups the
// readings a database already holds: nothing a charger sent is lost.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import { freshDatabase, withDatabase, type TestDb } from "../helpers/db.ts";

const REGROUP = "20261121135820_meter_readings_one_row_per_meter_value";

let t: TestDb;
let url: string;
let older: string;
before(async () => {
  t = await freshDatabase();
  const name = `${t.name}_old`;
  const admin = new pg.Client({ connectionString: withDatabase(t.url, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url = withDatabase(t.url, name);
  older = mkdtempSync(path.join(os.tmpdir(), "chargeway-migrations-"));
  for (const m of readMigrations().filter((m) => m.name < REGROUP)) cpSync(path.join("prisma/migrations", m.name), path.join(older, m.name), { recursive: true });
});
after(async () => {
  const admin = new pg.Client({ connectionString: withDatabase(t.url, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${t.name}_old" WITH (FORCE)`);
  await admin.end();
  rmSync(older, { recursive: true, force: true });
  await t.close();
});

test("readings stored one per sampled value become one row per timestamp with every field", async () => {
  await migrate(url, { dir: older });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const st = (await c.query(`INSERT INTO stations (id, name, lat, lng, updated_at) VALUES (gen_random_uuid(), 'S', 1, 1, now()) RETURNING id`)).rows[0].id;
    const row = (ts: string, measurand: string | null, value: string, unit: string | null, phase: string | null, context: string | null, tid: number | null = 7) =>
      c.query(
        `INSERT INTO meter_readings (station_id, connector_id, transaction_id, "timestamp", measurand, value, numeric_value, unit, phase, context, location, format)
         VALUES ($1, 1, $2, $3, coalesce($4, 'Energy.Active.Import.Register'), $5, $6, $7, $8, $9, NULL, NULL)`,
        [st, tid, ts, measurand, value, Number.isFinite(Number(value)) ? Number(value) : null, unit, phase, context],
      );
    await row("2026-01-01T10:00:00Z", null, "1.5", "kWh", null, "Sample.Periodic");
    await row("2026-01-01T10:00:00Z", "Power.Active.Import", "3600", "W", "L1", "Sample.Periodic");
    await row("2026-01-01T10:00:00Z", "Power.Active.Import", "3700", "W", "L2", "Sample.Periodic");
    await row("2026-01-01T10:00:00Z", "Voltage", "230.1", "V", "L1-N", "Sample.Periodic");
    await row("2026-01-01T10:01:00Z", null, "1600", "Wh", null, "Transaction.End");
    await row("2026-01-01T10:01:00Z", null, "99", "Wh", null, null, null);

    assert.deepEqual((await migrate(url)).applied.includes(REGROUP), true);
    const rows = (await c.query(`SELECT transaction_id, "timestamp", sampled_values, context, energy_wh, power_w FROM meter_readings ORDER BY "timestamp", transaction_id NULLS LAST`)).rows;
    assert.deepEqual(rows.map((r) => [r.transaction_id, r.timestamp.toISOString(), r.context, r.energy_wh, r.power_w]), [
      [7, "2026-01-01T10:00:00.000Z", "Sample.Periodic", "1500", 7300],
      [7, "2026-01-01T10:01:00.000Z", "Transaction.End", "1600", null],
      [null, "2026-01-01T10:01:00.000Z", null, "99", null],
    ]);
    assert.deepEqual(rows[0].sampled_values, [
      { value: "1.5", measurand: "Energy.Active.Import.Register", unit: "kWh", context: "Sample.Periodic" },
      { value: "3600", measurand: "Power.Active.Import", unit: "W", phase: "L1", context: "Sample.Periodic" },
      { value: "3700", measurand: "Power.Active.Import", unit: "W", phase: "L2", context: "Sample.Periodic" },
      { value: "230.1", measurand: "Voltage", unit: "V", phase: "L1-N", context: "Sample.Periodic" },
    ]);
  } finally {
    await c.end();
  }
});
