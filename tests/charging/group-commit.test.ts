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

  test("with lingerMs, items arriving within the window share one batch; a full batch does not wait", async () => {
    const batches: number[][] = [];
    const gc = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      return items;
    }, { concurrency: 2, maxBatch: 3, lingerMs: 30 });
    const first = gc.submit(1);
    await new Promise((r) => setTimeout(r, 5));
    const second = gc.submit(2);
    assert.deepEqual(await Promise.all([first, second]), [1, 2]);
    assert.deepEqual(batches, [[1, 2]]);

    const t0 = Date.now();
    await Promise.all([3, 4, 5].map((i) => gc.submit(i)));
    assert.deepEqual(batches[1], [3, 4, 5]);
    assert.ok(Date.now() - t0 < 25, "a full batch is written at once");
    await gc.drain();
  });
});
