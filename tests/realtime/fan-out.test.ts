// The web process's live-events connection: streams wait until it listens,
// and hear about a reconnection (events were missed) so their pages re-read.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { fanOut, readyWithin } from "../../lib/realtime/fan-out.ts";
import { publish, type TRealtimeEvent } from "../../lib/realtime/index.ts";
import { freshDatabase, type TestDb } from "../helpers/db.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

const status = (stationId: string): TRealtimeEvent => ({ type: "connector_status", stationId, connectorId: 1, status: "CHARGING", errorCode: null, availability: "BUSY" });

async function until(check: () => boolean, what: string, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("once ready, an event published at that moment reaches every listener", async () => {
  const hub = fanOut(t.url);
  try {
    const a: TRealtimeEvent[] = [];
    const b: TRealtimeEvent[] = [];
    hub.add((e) => a.push(e), () => {});
    hub.add((e) => b.push(e), () => {});
    assert.equal(await readyWithin(hub, 5000), true);
    await publish(t.db, status("first"));
    await until(() => a.length === 1 && b.length === 1, "both listeners");
    assert.deepEqual(a, [status("first")]);
    assert.deepEqual(b, [status("first")]);
  } finally {
    await hub.stop();
  }
});

test("when the connection drops and comes back, listeners are told events may be missing, and events flow again", async () => {
  const gaps: string[] = [];
  const got: TRealtimeEvent[] = [];
  const hub = fanOut(t.url, { onError: () => {} });
  try {
    const off = hub.add((e) => got.push(e), () => gaps.push("one"));
    hub.add(() => {}, () => gaps.push("two"));
    await hub.ready;
    assert.deepEqual(gaps, [], "no gap on the first connection");
    off();

    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()`);
    } finally {
      await admin.end();
    }
    await until(() => gaps.length > 0, "the gap after reconnecting");
    assert.deepEqual(gaps, ["two"], "only listeners still there are told");

    const after: TRealtimeEvent[] = [];
    hub.add((e) => after.push(e), () => {});
    await publish(t.db, status("again"));
    await until(() => after.length === 1, "an event after the reconnection");
    assert.deepEqual(got, [], "an unsubscribed listener hears nothing");
  } finally {
    await hub.stop();
  }
});

test("readyWithin says false when the database cannot be reached", async () => {
  const hub = fanOut("postgres://nobody:wrong@127.0.0.1:1/none", { onError: () => {} });
  try {
    assert.equal(await readyWithin(hub, 300), false);
  } finally {
    await hub.stop();
  }
});
