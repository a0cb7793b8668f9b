// The hot batches hand PostgreSQL array literals we build ourselves: whatever
// a charger puts in a string must come back out of the database unchanged.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { freshDatabase } from "../helpers/db.ts";
import { pgArray } from "../../lib/charging/hot-sql.ts";

describe("pgArray", () => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  let client: pg.Client;
  before(async () => {
    t = await freshDatabase();
    client = new pg.Client({ connectionString: t.url });
    await client.connect();
  });
  after(async () => {
    await client.end();
    await t.close();
  });

  test("strings with quotes, backslashes, commas, braces, blanks, NULL-like words and unicode round-trip", async () => {
    const values = ['a"b', "back\\slash", "x,y", "{braces}", " padded ", "", "NULL", "null", "ünï 电", "\\\"", null, 'end"'];
    const { rows } = await client.query("SELECT $1::text[] AS v", [pgArray(values)]);
    assert.deepEqual(rows[0].v, values);
  });

  test("numbers, booleans, nulls and timestamps keep their values", async () => {
    const ts = new Date("2026-11-21T08:00:00.123Z");
    const { rows } = await client.query("SELECT $1::float8[] AS f, $2::int[] AS i, $3::bool[] AS b, $4::timestamptz[] AS t, $5::jsonb[] AS j", [
      pgArray([1.5, -0.25, 1e21, null]),
      pgArray([0, -7, 2147483647]),
      pgArray([true, false, null]),
      pgArray([ts.toISOString()]),
      pgArray([JSON.stringify({ vendorId: 'V"1', n: "a\\b" })]),
    ]);
    assert.deepEqual(rows[0].f, [1.5, -0.25, 1e21, null]);
    assert.deepEqual(rows[0].i, [0, -7, 2147483647]);
    assert.deepEqual(rows[0].b, [true, false, null]);
    assert.deepEqual(rows[0].t, [ts]);
    assert.deepEqual(rows[0].j, [{ vendorId: 'V"1', n: "a\\b" }]);
  });

  test("an empty batch is an empty array", async () => {
    const { rows } = await client.query("SELECT cardinality($1::text[]) AS n", [pgArray([])]);
    assert.equal(rows[0].n, 0);
  });
});
