// Every real feed in ../shared/data/ocpi imports without a crash, with a
// report, and importing the same file again writes nothing.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { importLocations } from "../../lib/ocpi/import-locations.ts";

const DATA = path.resolve("../shared/data/ocpi");
const files = readdirSync(DATA).filter((f) => f.endsWith(".json")).sort();

// Locations per file, from ../shared/data/README.md.
// corrected: records changed with a reason (time zones, kW as W, country names, ...).
const EXPECTED: Record<string, { locations: number; rejected: number; corrected: number }> = {
  "ocpi_2_1_1_locations-fastned.json": { locations: 106, rejected: 0, corrected: 4 },
  "ocpi_2_2_1_locations-ev24.json": { locations: 11, rejected: 0, corrected: 11 },
  "ocpi_2_2_locations-chargesini.json": { locations: 448, rejected: 0, corrected: 448 },
  "ocpi_2_2_locations-gaia.json": { locations: 4, rejected: 0, corrected: 4 },
  "ocpi_2_2_locations-evio.json": { locations: 21, rejected: 0, corrected: 10 },
};

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

describe("importing every real OCPI file", () => {
  for (const file of files) {
    test(file, async () => {
      const op = await t.db.operator.create({ data: { name: file } });
      const bytes = readFileSync(path.join(DATA, file));
      const first = await importLocations(t.db, { operatorId: op.id, source: "FILE", fileName: file, mode: "FULL", records: bytes });
      console.log(file, first.status, first.counts, `${first.durationMs} ms`);
      assert.equal(first.status, "SUCCEEDED", first.error);
      const exp = EXPECTED[file];
      assert.ok(exp, `no expectation for ${file}`);
      assert.equal(first.counts.created, exp.locations - exp.rejected);
      assert.equal(first.counts.rejected, exp.rejected);
      assert.equal(first.counts.corrected, exp.corrected);
      const sync = await t.db.operatorSync.findUniqueOrThrow({ where: { id: first.syncId } });
      assert.equal((sync.report as unknown[]).length, first.report.length);
      assert.ok(first.report.filter((r) => r.action === "corrected").every((r) => r.reasons.length > 0));
      assert.equal(await t.db.station.count({ where: { operatorId: op.id } }), exp.locations - exp.rejected);

      const again = await importLocations(t.db, { operatorId: op.id, source: "FILE", fileName: file, mode: "FULL", records: bytes });
      console.log(file, "again", again.counts, `${again.durationMs} ms`);
      assert.equal(again.status, "SUCCEEDED");
      assert.deepEqual(
        { created: again.counts.created, updated: again.counts.updated, removed: again.counts.removed },
        { created: 0, updated: 0, removed: 0 },
      );
      assert.equal(again.counts.unchanged, first.counts.created);
      assert.equal(again.counts.corrected, first.counts.corrected);
    });
  }
});
