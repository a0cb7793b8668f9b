// syncOperator against a local OCPI server (node:http) that serves the real
// feeds page by page with Link headers and honours date_from.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { syncOperator } from "../../lib/ocpi/sync-operator.ts";
import { dueOperators } from "../../lib/ocpi/due-operators.ts";
import { parseFeed } from "../../lib/ocpi/parse-feed.ts";

const DATA = path.resolve("../shared/data/ocpi");
const TOKEN = "s3cret-cpo-token-7f2a";
const load = (file: string) => parseFeed(readFileSync(file)).records as any[];

type Served = { records: any[]; envelope: boolean; link: boolean };
const served: Record<string, Served> = {};
const requests: { path: string; query: URLSearchParams; auth?: string }[] = [];
let server: http.Server;
let base: string;
let t: TestDb;

// OCPI timestamps without a zone are UTC (ev24 omits the Z).
const stamp = (v: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`).getTime();

function ocpiServer() {
  return http.createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    requests.push({ path: url.pathname, query: url.searchParams, auth: req.headers.authorization });
    if (req.headers.authorization !== `Token ${TOKEN}`) {
      res.writeHead(401, { "content-type": "application/json" });
      // A careless server echoing the credentials it got: they must not reach our report.
      res.end(JSON.stringify({ status_code: 2001, status_message: `unknown token: ${req.headers.authorization}` }));
      return;
    }
    const feed = served[url.pathname];
    if (!feed) { res.writeHead(404).end(); return; }
    const dateFrom = url.searchParams.get("date_from");
    const all = dateFrom ? feed.records.filter((r) => stamp(r.last_updated) >= Date.parse(dateFrom)) : feed.records;
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 50);
    const page = all.slice(offset, offset + limit);
    const headers: Record<string, string> = { "content-type": "application/json", "X-Total-Count": String(all.length), "X-Limit": String(limit) };
    if (feed.link && offset + limit < all.length) {
      const next = new URL(`${base}${url.pathname}`);
      next.searchParams.set("offset", String(offset + limit));
      next.searchParams.set("limit", String(limit));
      if (dateFrom) next.searchParams.set("date_from", dateFrom);
      headers.Link = `<${next}>; rel="next"`;
    }
    res.writeHead(200, headers);
    const body = feed.envelope ? { data: page, status_code: 1000, status_message: "Success", timestamp: new Date().toISOString() } : page;
    res.end("\ufeff" + JSON.stringify(body)); // with a byte-order mark, as some CPOs send
  });
}

before(async () => {
  t = await freshDatabase();
  server = ocpiServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.close();
  await t.close();
});
beforeEach(async () => {
  await truncateAll(t.db);
  requests.length = 0;
  served["/cs/2.2/locations"] = { records: load(path.join(DATA, "ocpi_2_2_locations-chargesini.json")), envelope: true, link: true };
  served["/cs/2.2/tariffs"] = { records: load(path.resolve("tests/fixtures/ocpi/chargesini-tariffs.json")), envelope: true, link: true };
  served["/evio/locations"] = { records: load(path.join(DATA, "ocpi_2_2_locations-evio.json")), envelope: false, link: false };
});

async function operator(name: string, apiPath: string, config: Record<string, unknown>) {
  return t.db.operator.create({ data: { name, apiBaseUrl: `${base}${apiPath}`, config: { token: TOKEN, ...config } } });
}

describe("syncOperator", () => {
  test("a FULL sync pulls every page (Link headers), with the token, tariffs first", async () => {
    const op = await operator("ChargeSini", "/cs/2.2", { pageLimit: 50, tariffsPath: "tariffs" });
    const result = await syncOperator(t.db, op.id, { mode: "FULL" });
    assert.equal(result.status, "SUCCEEDED", result.error);
    assert.equal(result.counts.created, 448);
    const locationPages = requests.filter((r) => r.path === "/cs/2.2/locations");
    assert.equal(locationPages.length, 9); // 448 / 50
    assert.deepEqual(locationPages.map((r) => Number(r.query.get("offset"))), [0, 50, 100, 150, 200, 250, 300, 350, 400]);
    assert.ok(requests.every((r) => r.auth === `Token ${TOKEN}`));
    assert.ok(requests.every((r) => !r.query.has("date_from")));
    assert.ok(requests.findIndex((r) => r.path.endsWith("tariffs")) < requests.findIndex((r) => r.path.endsWith("locations")));
    const s = await t.db.station.findFirstOrThrow({ where: { operatorId: op.id, externalId: "1" } });
    assert.equal(s.pricePerKwhMinor, 80);
    const sync = await t.db.operatorSync.findUniqueOrThrow({ where: { id: result.syncId } });
    assert.deepEqual([sync.source, sync.mode, sync.status, sync.created], ["URL", "FULL", "SUCCEEDED", 448]);
    assert.ok(!JSON.stringify(sync).includes(TOKEN));
    assert.deepEqual((await t.db.operator.findUniqueOrThrow({ where: { id: op.id } })).lastSyncedAt, sync.startedAt);
  });

  test("an INCREMENTAL sync asks with date_from and updates only the record that changed", async () => {
    const op = await operator("ChargeSini", "/cs/2.2", { pageLimit: 100 });
    const full = await syncOperator(t.db, op.id, { mode: "FULL" });
    const fullSync = await t.db.operatorSync.findUniqueOrThrow({ where: { id: full.syncId } });
    const before = new Map((await t.db.station.findMany({ where: { operatorId: op.id } })).map((s) => [s.externalId, s.updatedAt.getTime()]));

    const changed = served["/cs/2.2/locations"].records[10];
    changed.name = "Renamed by the CPO";
    changed.evses[0].status = "CHARGING";
    changed.last_updated = new Date(Date.now() + 1000).toISOString();
    requests.length = 0;

    const inc = await syncOperator(t.db, op.id, { mode: "INCREMENTAL" });
    assert.equal(inc.status, "SUCCEEDED", inc.error);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].query.get("date_from"), fullSync.startedAt.toISOString());
    assert.deepEqual(inc.counts, { created: 0, updated: 1, unchanged: 0, removed: 0, rejected: 0, corrected: 1 });
    assert.match(inc.report[0].reasons.join(), /locations: 1 fetched in 1 page/);
    const after = await t.db.station.findMany({ where: { operatorId: op.id }, include: { connectors: true } });
    for (const s of after) {
      if (s.externalId === changed.id) {
        assert.equal(s.name, "Renamed by the CPO");
        assert.equal(s.connectors.find((c) => c.evseUid === changed.evses[0].uid)!.status, "CHARGING");
        assert.notEqual(s.updatedAt.getTime(), before.get(s.externalId));
      } else assert.equal(s.updatedAt.getTime(), before.get(s.externalId), `${s.externalId} was rewritten`);
    }
    assert.equal(await t.db.station.count({ where: { operatorId: op.id, status: "REMOVED" } }), 0);
  });

  test("a bare array without Link pages by X-Total-Count", async () => {
    const op = await operator("EVIO", "/evio", { pageLimit: 5 });
    const result = await syncOperator(t.db, op.id, { mode: "FULL" });
    assert.equal(result.status, "SUCCEEDED", result.error);
    assert.equal(result.counts.created, 21);
    assert.equal(requests.length, 5);
    assert.match(result.report[0].reasons.join(), /bare JSON array/);
  });

  test("a refused token is a FAILED sync whose error does not contain the token", async () => {
    const op = await t.db.operator.create({ data: { name: "Bad", apiBaseUrl: `${base}/cs/2.2`, config: { token: "wrong-token-123456" } } });
    const result = await syncOperator(t.db, op.id, { mode: "FULL" });
    assert.equal(result.status, "FAILED");
    assert.match(result.error!, /HTTP 401/);
    const sync = await t.db.operatorSync.findUniqueOrThrow({ where: { id: result.syncId } });
    assert.ok(!JSON.stringify(sync).includes("wrong-token-123456"));
    assert.equal((await t.db.operator.findUniqueOrThrow({ where: { id: op.id } })).lastSyncedAt, null);
    assert.equal(await t.db.station.count(), 0);
  });

  test("a Link to another server is not followed (the token stays home)", async () => {
    const op = await operator("Evil", "/evil", {});
    const seen: string[] = [];
    const fakeFetch = async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ data: [], status_code: 1000 }), { headers: { Link: '<http://attacker.example/steal?offset=1>; rel="next"' } });
    };
    const result = await syncOperator(t.db, op.id, { mode: "FULL", fetch: fakeFetch });
    assert.equal(result.status, "FAILED");
    assert.match(result.error!, /another server/);
    assert.equal(seen.length, 1);
  });

  test("a missing token or base URL is a FAILED sync with a clear reason", async () => {
    const noToken = await t.db.operator.create({ data: { name: "NoToken", apiBaseUrl: `${base}/cs/2.2`, config: {} } });
    assert.match((await syncOperator(t.db, noToken.id, { mode: "FULL" })).error!, /config.token is missing/);
    const noUrl = await t.db.operator.create({ data: { name: "NoUrl", config: { token: TOKEN } } });
    assert.match((await syncOperator(t.db, noUrl.id, { mode: "FULL" })).error!, /no API base URL/);
    assert.equal(requests.length, 0);
  });
});

describe("syncOperator while another sync runs", () => {
  test("steps aside and records why, fetching nothing", async () => {
    const op = await operator("Busy", "/cs/2.2", {});
    await t.db.operatorSync.create({ data: { operatorId: op.id, source: "URL", mode: "FULL" } });
    const result = await syncOperator(t.db, op.id, { mode: "INCREMENTAL" });
    assert.equal(result.status, "FAILED");
    assert.match(result.error!, /another sync of this operator is still running/);
    assert.equal(requests.length, 0);
  });
});

describe("dueOperators", () => {
  test("returns active operators with an API whose interval has elapsed, without their config", async () => {
    const now = new Date("2030-01-01T12:00:00Z");
    const mk = (name: string, data: Record<string, unknown>) =>
      t.db.operator.create({ data: { name, apiBaseUrl: "http://127.0.0.1:1/ocpi", config: { token: TOKEN }, syncIntervalMinutes: 15, ...data } });
    const never = await mk("never synced", {});
    const old = await mk("16 min ago", { lastSyncedAt: new Date(now.getTime() - 16 * 60_000) });
    await mk("5 min ago", { lastSyncedAt: new Date(now.getTime() - 5 * 60_000) });
    await mk("inactive", { isActive: false });
    await mk("no interval", { syncIntervalMinutes: null });
    await mk("no url", { apiBaseUrl: null });
    const running = await mk("running", { lastSyncedAt: new Date(now.getTime() - 60 * 60_000) });
    await t.db.operatorSync.create({ data: { operatorId: running.id, source: "URL", mode: "FULL", startedAt: new Date(now.getTime() - 60_000) } });
    const due = await dueOperators(t.db, now);
    assert.deepEqual(due.map((o) => o.name).sort(), [never.name, old.name].sort());
    assert.ok(due.every((o) => !("config" in o)));
  });
});
