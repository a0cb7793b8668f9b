// The shared keep-alive pings every client once per interval and terminates
// one that left the previous ping unanswered (ocpp-rpc's pong handler clears
// _pendingPingResponse; here the fake client does it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { KeepAlive, type TPingable } from "../../ocpp-server/keep-alive.ts";

function fakeClient(answers: boolean) {
  const c = {
    pings: 0,
    terminated: false,
    _pendingPingResponse: false,
    _lastPingTime: 0,
    _ws: {
      ping: () => {
        c.pings++;
        if (answers) setImmediate(() => (c._pendingPingResponse = false));
      },
      terminate: () => (c.terminated = true),
    },
  };
  return c satisfies TPingable;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("live clients are pinged about once per interval and kept; a silent one is terminated within two intervals; a removed one is left alone", async () => {
  const keepAlive = new KeepAlive(150);
  const live = Array.from({ length: 40 }, () => fakeClient(true));
  const silent = fakeClient(false);
  const removed = fakeClient(true);
  for (const c of [...live, silent, removed]) keepAlive.add(c);
  keepAlive.remove(removed);
  keepAlive.start();
  const t0 = Date.now();
  try {
    while (!silent.terminated && Date.now() - t0 < 5000) await sleep(20);
    const elapsed = Date.now() - t0;
    assert.equal(silent.terminated, true, "the silent client is terminated");
    assert.equal(silent.pings, 1, "terminated at the ping after the unanswered one");
    await sleep(400);
    const intervals = (Date.now() - t0) / 150;
    for (const c of live) {
      assert.equal(c.terminated, false);
      assert.ok(c.pings >= 2 && c.pings <= intervals + 1, `pinged ${c.pings} times in ${intervals.toFixed(1)} intervals`);
    }
    assert.ok(elapsed < 2 * 150 + 500, `terminated within about two intervals (${elapsed} ms)`);
    assert.equal(removed.pings, 0);
  } finally {
    keepAlive.stop();
  }
});

test("pings are spread over the interval, not sent all at once", async () => {
  const keepAlive = new KeepAlive(300);
  const clients = Array.from({ length: 300 }, () => fakeClient(true));
  // Added at different turns, as chargers connect over time.
  keepAlive.start();
  try {
    for (const c of clients) {
      keepAlive.add(c);
      if (clients.indexOf(c) % 10 === 9) await sleep(10);
    }
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) {
      const before = clients.reduce((a, c) => a + c.pings, 0);
      await sleep(10);
      seen.push(clients.reduce((a, c) => a + c.pings, 0) - before);
    }
    assert.ok(Math.max(...seen) < 150, `at most half the clients pinged in any 10 ms (saw ${Math.max(...seen)})`);
  } finally {
    keepAlive.stop();
  }
});

test("an interval of 0 turns pinging off", async () => {
  const keepAlive = new KeepAlive(0);
  const c = fakeClient(false);
  keepAlive.add(c);
  keepAlive.start();
  await sleep(50);
  assert.equal(c.pings, 0);
  keepAlive.stop();
});
