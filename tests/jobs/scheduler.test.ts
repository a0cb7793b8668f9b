// Two web instances run the same schedule: each job run happens on one of them only.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { startScheduler } from "../../lib/jobs/scheduler.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

test("a job runs on one instance at a time, never twice at once", async () => {
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  const job = {
    name: "test-job",
    everyMs: 100,
    run: async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs++;
      await new Promise((r) => setTimeout(r, 250));
      active--;
    },
  };
  const stopA = startScheduler(t.url, [job]);
  const stopB = startScheduler(t.url, [job]);
  await new Promise((r) => setTimeout(r, 6_500));
  await Promise.all([stopA(), stopB()]);
  assert.ok(runs >= 3, `expected several runs, got ${runs}`);
  assert.equal(maxActive, 1);
});
