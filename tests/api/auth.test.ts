// Who may use the integrator API: admin-created keys (stored hashed,
// revocable) and the ADMIN_API_KEY from the environment.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { truncateAll, type TestDb } from "../helpers/db.ts";
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "../../lib/api/api-keys.ts";
import { apiTestDb, call, routes } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await apiTestDb(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); delete process.env.ADMIN_API_KEY; });

describe("API keys", () => {
  test("a new key is shown once and only its sha256 is stored", async () => {
    const created = await createApiKey(t.db, { name: "Fleet partner" });
    assert.match(created.key, /^cw_live_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    assert.equal(row.keyHash, createHash("sha256").update(created.key).digest("hex"));
    assert.ok(created.key.startsWith(row.prefix) && row.prefix.length < 20);
    const listed = await listApiKeys(t.db);
    assert.deepEqual(listed.map((k) => k.name), ["Fleet partner"]);
    assert.ok(!JSON.stringify(listed).includes(row.keyHash) && !JSON.stringify(listed).includes(created.key));
  });

  test("requests without a key, with a wrong key or a revoked key get 401 JSON", async () => {
    const { GET } = await routes.stations();
    const none = await call(GET, "GET", "/stations");
    assert.equal(none.status, 401);
    assert.match(none.body.error, /Missing API key/);
    assert.match(none.headers.get("www-authenticate") ?? "", /^Bearer/);

    const wrong = await call(GET, "GET", "/stations", { key: "cw_live_" + "x".repeat(43) });
    assert.equal(wrong.status, 401);
    assert.match(wrong.body.error, /Invalid or revoked/);

    const key = await createApiKey(t.db, { name: "soon revoked" });
    assert.equal((await call(GET, "GET", "/stations", { key: key.key })).status, 200);
    assert.equal(await revokeApiKey(t.db, key.id), true);
    assert.equal((await call(GET, "GET", "/stations", { key: key.key })).status, 401);
    assert.equal(await revokeApiKey(t.db, "00000000-0000-4000-8000-000000000000"), false);
  });

  test("a 401 changes nothing", async () => {
    const { POST } = await routes.stations();
    const r = await call(POST, "POST", "/stations", { key: "nope", body: { ocppIdentity: "CP-X", name: "x", lat: 1, lng: 1 } });
    assert.equal(r.status, 401);
    assert.equal(await t.db.station.count(), 0);
  });

  test("ADMIN_API_KEY from the environment works, compared exactly", async () => {
    const { GET } = await routes.stations();
    process.env.ADMIN_API_KEY = "automation-secret-0123456789";
    assert.equal((await call(GET, "GET", "/stations", { key: "automation-secret-0123456789" })).status, 200);
    assert.equal((await call(GET, "GET", "/stations", { key: "automation-secret-012345678" })).status, 401);
    assert.equal((await call(GET, "GET", "/stations", { key: "automation-secret-0123456789x" })).status, 401);
    delete process.env.ADMIN_API_KEY;
    assert.equal((await call(GET, "GET", "/stations", { key: "automation-secret-0123456789" })).status, 401);
  });

  test("lastUsedAt is written on use, at most once a minute", async () => {
    const key = await createApiKey(t.db, { name: "usage" });
    assert.ok(await verifyApiKey(t.db, key.key));
    const first = (await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    assert.ok(first);
    await new Promise((r) => setTimeout(r, 20));
    await verifyApiKey(t.db, key.key);
    const second = (await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    assert.equal(second?.getTime(), first.getTime());
    // An hour later it is written again.
    await t.db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(Date.now() - 3_600_000) } });
    await verifyApiKey(t.db, key.key);
    const third = (await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt!;
    assert.ok(Date.now() - third.getTime() < 5000);
  });

  test("the OpenAPI document needs no key", async () => {
    const { GET } = await routes.openapi();
    const r = await GET();
    assert.equal(r.status, 200);
    const doc = await r.json();
    assert.equal(doc.openapi, "3.1.0");
    assert.deepEqual(doc.components.securitySchemes.bearer, { type: "http", scheme: "bearer", description: doc.components.securitySchemes.bearer.description });
  });

  test("the create-api-key CLI prints a working key once", async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/create-api-key.ts", "CI", "robot"], {
      env: { ...process.env, DATABASE_URL: t.url },
    });
    const key = stdout.trim();
    assert.match(key, /^cw_live_/);
    assert.match(stderr, /Created API key "CI robot"/);
    assert.ok(!stderr.includes(key), "the key goes to stdout only");
    const who = await verifyApiKey(t.db, key);
    assert.equal(who?.kind === "key" && who.name, "CI robot");
  });
});
