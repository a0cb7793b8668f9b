// Group commit: batches form under load, and one bad item does not fail the rest.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { GroupCommit } from "../../lib/charging/group-commit.ts";

describe("GroupCommit", () => {
  test("items arriving while a batch is written go together into the next batch", async () => {
    const batches: number[][] = [];
    const gc = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 20));
      return items.map((i) => i * 2);
    }, { concurrency: 1 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => gc.submit(i)));
    assert.deepEqual(results, [2, 4, 6, 8, 10]);
    assert.deepEqual(batches, [[1], [2, 3, 4, 5]]);
  });

  test("a failing batch is retried item by item: only the bad item is rejected", async () => {
    const gc = new GroupCommit<number, number>(async (items) => {
      await new Promise((r) => setTimeout(r, 5));
      if (items.includes(13)) throw new Error("bad item");
      return items;
    }, { concurrency: 1 });
    const settled = await Promise.allSettled([1, 13, 2, 3].map((i) => gc.submit(i)));
    assert.deepEqual(settled.map((s) => s.status), ["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    await gc.drain();
  });
});
