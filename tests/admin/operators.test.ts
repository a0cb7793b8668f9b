// Operators: credentials are write-only (never in anything the pages get),
// file import and API sync go through lib/ocpi and are audited.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { getOperator, listOperators, saveOperator, ZOperatorInput } from "../../lib/admin/operators.ts";
import { getSyncReport, importOperatorFile, listSyncs, syncOperatorNow } from "../../lib/admin/operator-import.ts";
import { auditRows, makeAdmin } from "./helpers.ts";

const TOKEN = "tok-9f8e7d6c5b4a-SECRET";
const serialise = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x));
const ev24 = readFileSync(path.resolve("../shared/data/ocpi/ocpi_2_2_1_locations-ev24.json"), "utf8");

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

const create = (admin: Awaited<ReturnType<typeof makeAdmin>>, extra: Record<string, unknown> = {}) =>
  saveOperator(t.db, admin, ZOperatorInput.parse({ name: "EV24", apiBaseUrl: "https://ocpi.ev24.example/2.2.1/", supportPhone: "+31 20 555 0101", apiToken: TOKEN, isActive: "on", ...extra }));

test("the API token never appears in list, detail, sync history, reports or the audit log; 'credentials set' is shown instead", async () => {
  const admin = await makeAdmin(t.db);
  const op = await create(admin);
  const stored = await t.db.operator.findUniqueOrThrow({ where: { id: op.id } });
  assert.equal((stored.config as any).token, TOKEN, "the token is stored for the sync");

  const list = await listOperators(t.db);
  const detail = await getOperator(t.db, op.id);
  assert.equal(list[0].credentialsSet, true);
  assert.equal(detail.credentialsSet, true);
  assert.equal(detail.supportPhone, "+31 20 555 0101");
  const report = await importOperatorFile(t.db, admin, { operatorId: op.id, fileName: "ev24.json", content: ev24, kind: "locations", mode: "FULL" });
  const syncs = await listSyncs(t.db, op.id);
  const syncReport = await getSyncReport(t.db, op.id, report.syncId);
  const everything = serialise({ op, list, detail, report, syncs, syncReport, audit: await auditRows(t.db) });
  assert.ok(!everything.includes(TOKEN), "the token leaked into something a page could render");
  assert.ok(!everything.includes('"config"'), "no config field is returned");

  // Editing without a new token keeps it; a new token replaces it; clearing removes it.
  await saveOperator(t.db, admin, ZOperatorInput.parse({ id: op.id, name: "EV24 NL", apiBaseUrl: "https://ocpi.ev24.example/2.2.1/", locationsPath: "locations", pageLimit: "50" }));
  let cfg = (await t.db.operator.findUniqueOrThrow({ where: { id: op.id } })).config as any;
  assert.deepEqual(cfg, { token: TOKEN, locationsPath: "locations", pageLimit: 50 });
  await saveOperator(t.db, admin, ZOperatorInput.parse({ id: op.id, name: "EV24 NL", apiToken: "new-token-1234" }));
  cfg = (await t.db.operator.findUniqueOrThrow({ where: { id: op.id } })).config as any;
  assert.equal(cfg.token, "new-token-1234");
  await saveOperator(t.db, admin, ZOperatorInput.parse({ id: op.id, name: "EV24 NL", clearCredentials: "on" }));
  assert.equal((await getOperator(t.db, op.id)).credentialsSet, false);
  const updates = await auditRows(t.db, "OPERATOR_UPDATED");
  assert.deepEqual(updates.map((u) => (u.after as any).credentials), ["unchanged", "replaced", "cleared"]);
  assert.ok(!serialise(updates).includes("new-token-1234"));
});

test("a file import reports counts and per-record outcomes, is audited, and re-importing the same file changes nothing", async () => {
  const admin = await makeAdmin(t.db);
  const op = await create(admin);
  const first = await importOperatorFile(t.db, admin, { operatorId: op.id, fileName: "ev24.json", content: `\uFEFF${ev24}`, kind: "locations", mode: "FULL" });
  assert.equal(first.status, "SUCCEEDED");
  assert.ok(first.counts.created > 0, "stations created");
  assert.equal(first.counts.created + first.counts.rejected + first.counts.unchanged + first.counts.updated > 0, true);
  assert.ok(first.issues.every((i) => i.action !== "ok" || i.id === "(feed)"), "the report lists only what needs attention");
  const again = await importOperatorFile(t.db, admin, { operatorId: op.id, fileName: "ev24.json", content: ev24, kind: "locations", mode: "FULL" });
  assert.equal(again.counts.created, 0);
  assert.equal(again.counts.updated, 0);
  assert.equal(again.counts.unchanged, first.counts.created + first.counts.updated);
  const rows = await auditRows(t.db, "OPERATOR_FILE_IMPORTED");
  assert.equal(rows.length, 2);
  assert.equal((rows[0].after as any).created, first.counts.created);

  const broken = await importOperatorFile(t.db, admin, { operatorId: op.id, fileName: "broken.json", content: "{not json", kind: "locations", mode: "FULL" });
  assert.equal(broken.status, "FAILED");
  assert.ok(broken.error);
  assert.equal((await t.db.station.count({ where: { operatorId: op.id } })), first.counts.created, "a failed import changes no station");
});

test("'Sync now' pulls the operator's API with its token, records the sync and audits it", async () => {
  const admin = await makeAdmin(t.db);
  const records = JSON.parse(ev24.replace(/^\uFEFF/, ""));
  const list = Array.isArray(records) ? records : records.data;
  const seenAuth: string[] = [];
  const server = http.createServer((req, res) => {
    seenAuth.push(String(req.headers.authorization));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ data: list.slice(0, 3), status_code: 1000, timestamp: new Date().toISOString() }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocpi/`;
    const op = await create(admin, { apiBaseUrl: base });
    const report = await syncOperatorNow(t.db, admin, { operatorId: op.id, mode: "FULL" });
    assert.equal(report.status, "SUCCEEDED", report.error);
    assert.equal(report.counts.created + report.counts.rejected, 3);
    assert.deepEqual([...new Set(seenAuth)], [`Token ${TOKEN}`]);
    assert.ok(!serialise(report).includes(TOKEN));
    const [sync] = (await listSyncs(t.db, op.id)).rows;
    assert.equal(sync.source, "URL");
    assert.equal((await auditRows(t.db, "OPERATOR_SYNCED")).length, 1);
  } finally {
    server.close();
  }
});

test("bad operator input is refused field by field and creates nothing", async () => {
  const bad = ZOperatorInput.safeParse({ name: "X", apiBaseUrl: "ftp://nope", countryCode: "NLD", syncIntervalMinutes: "2" });
  assert.equal(bad.success, false);
  const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
  for (const f of ["name", "apiBaseUrl", "countryCode", "syncIntervalMinutes"]) assert.ok(fields.has(f), f);
  const admin = await makeAdmin(t.db);
  await create(admin);
  await assert.rejects(create(admin), /already exists/);
  assert.equal(await t.db.operator.count(), 1);
});
