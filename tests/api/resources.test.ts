// Stations, connectors, tokens and sessions through the route handlers: what
// an integrator sees, including paging, filters, 404s and field errors.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { truncateAll, type TestDb } from "../helpers/db.ts";
import { verifyPassword } from "../../lib/auth/password.ts";
import { apiTestDb, call, newKey, routes, stationBody } from "./helpers.ts";

let t: TestDb;
let key: string;
before(async () => { t = await apiTestDb(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); key = await newKey(t); });

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("stations", () => {
  test("create with connectors and a password; the hash never comes back", async () => {
    const { POST, GET } = await routes.stations();
    const r = await call(POST, "POST", "/stations", {
      key,
      body: stationBody("CP-API-1", { password: "super-secret-pw", country: "de", connectors: [{ connectorId: 1, type: "TYPE2", maxPowerKw: 22 }, { connectorId: 2, type: "CCS", powerType: "DC", maxPowerKw: 150 }] }),
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.data.ocppIdentity, "CP-API-1");
    assert.equal(r.body.data.hasOcppPassword, true);
    assert.equal(r.body.data.country, "DE");
    assert.equal(r.body.data.maxPowerKw, 150);
    assert.deepEqual(r.body.data.plugTypes.sort(), ["CCS", "TYPE2"]);
    const row = await t.db.station.findUniqueOrThrow({ where: { ocppIdentity: "CP-API-1" } });
    assert.ok(await verifyPassword("super-secret-pw", row.ocppPasswordHash!));

    const one = await call((await routes.station()).GET, "GET", `/stations/${row.id}`, { key, params: { id: row.id } });
    const list = await call(GET, "GET", "/stations", { key });
    for (const body of [r.body, one.body, list.body]) {
      const text = JSON.stringify(body);
      assert.ok(!text.includes("ocppPasswordHash") && !text.includes(row.ocppPasswordHash!), "no password hash in responses");
    }
    assert.equal(one.body.data.id, row.id);
    assert.equal(list.body.data.length, 1);
    assert.ok(await t.db.auditLog.count({ where: { action: "api.station.create", entityId: row.id } }));
  });

  test("bad input is a 400 with field errors and creates nothing; a duplicate identity is a 409", async () => {
    const { POST } = await routes.stations();
    const bad = await call(POST, "POST", "/stations", { key, body: { ocppIdentity: "has/slash", name: "", lat: 91, lng: 13, password: "short", extra: 1 } });
    assert.equal(bad.status, 400);
    for (const f of ["ocppIdentity", "name", "lat", "password"]) assert.ok(bad.body.fieldErrors[f], `fieldErrors.${f} in ${JSON.stringify(bad.body.fieldErrors)}`);
    assert.ok(bad.body.fieldErrors.body?.some((m: string) => /extra/.test(m)), "unknown keys are named");
    const notJson = await call(POST, "POST", "/stations", { key, rawBody: "{nope" });
    assert.equal(notJson.status, 400);
    assert.match(notJson.body.error, /not valid JSON/);
    assert.equal(await t.db.station.count(), 0);

    assert.equal((await call(POST, "POST", "/stations", { key, body: stationBody("CP-DUP") })).status, 201);
    const dup = await call(POST, "POST", "/stations", { key, body: stationBody("CP-DUP") });
    assert.equal(dup.status, 409);
    assert.deepEqual(dup.body.fieldErrors, { ocppIdentity: ["Already in use"] });
  });

  test("paging with cursor and limit visits every station once; limit over 200 is refused", async () => {
    const { POST, GET } = await routes.stations();
    for (let i = 0; i < 7; i++) assert.equal((await call(POST, "POST", "/stations", { key, body: stationBody(`CP-P${i}`) })).status, 201);
    await t.db.station.create({ data: { name: "Imported, not ours", lat: 1, lng: 1 } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await call(GET, "GET", "/stations", { key, query: `limit=3${cursor ? `&cursor=${cursor}` : ""}` });
      assert.equal(r.status, 200);
      assert.ok(r.body.data.length <= 3);
      seen.push(...r.body.data.map((s: any) => s.ocppIdentity));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen.sort(), [0, 1, 2, 3, 4, 5, 6].map((i) => `CP-P${i}`));

    const big = await call(GET, "GET", "/stations", { key, query: "limit=201" });
    assert.equal(big.status, 400);
    assert.ok(big.body.fieldErrors.limit);
    const badCursor = await call(GET, "GET", "/stations", { key, query: "cursor=garbage" });
    assert.equal(badCursor.status, 400);
    const unknownFilter = await call(GET, "GET", "/stations", { key, query: "colour=red" });
    assert.equal(unknownFilter.status, 400);
  });

  test("filters: identity, online flag, registration status", async () => {
    const { POST, GET } = await routes.stations();
    await call(POST, "POST", "/stations", { key, body: stationBody("CP-F1") });
    await call(POST, "POST", "/stations", { key, body: stationBody("CP-F2", { registrationStatus: "PENDING" }) });
    await t.db.station.update({ where: { ocppIdentity: "CP-F1" }, data: { isOnline: true } });
    const ids = async (q: string) => (await call(GET, "GET", "/stations", { key, query: q })).body.data.map((s: any) => s.ocppIdentity);
    assert.deepEqual(await ids("ocppIdentity=CP-F2"), ["CP-F2"]);
    assert.deepEqual(await ids("isOnline=true"), ["CP-F1"]);
    assert.deepEqual(await ids("registrationStatus=PENDING"), ["CP-F2"]);
    assert.equal((await call(GET, "GET", "/stations", { key, query: "isOnline=yes" })).status, 400);
  });

  test("PATCH changes the named fields; unknown ids are 404 JSON", async () => {
    const { POST } = await routes.stations();
    const { GET, PATCH } = await routes.station();
    const id = (await call(POST, "POST", "/stations", { key, body: stationBody("CP-U1") })).body.data.id;
    const r = await call(PATCH, "PATCH", `/stations/${id}`, { key, params: { id }, body: { name: "Bay 3", status: "MAINTENANCE", timeZone: "Europe/Berlin" } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.data.name, "Bay 3");
    assert.equal(r.body.data.status, "MAINTENANCE");
    assert.equal(r.body.data.ocppIdentity, "CP-U1");

    const badTz = await call(PATCH, "PATCH", `/stations/${id}`, { key, params: { id }, body: { timeZone: "Mars/Olympus" } });
    assert.equal(badTz.status, 400);
    assert.ok(badTz.body.fieldErrors.timeZone);
    assert.equal((await call(PATCH, "PATCH", `/stations/${id}`, { key, params: { id }, body: {} })).status, 400);
    // ocppIdentity is fixed once created: the charger connects with it.
    assert.equal((await call(PATCH, "PATCH", `/stations/${id}`, { key, params: { id }, body: { ocppIdentity: "X" } })).status, 400);

    for (const missing of [MISSING, "not-a-uuid"]) {
      const nf = await call(GET, "GET", `/stations/${missing}`, { key, params: { id: missing } });
      assert.equal(nf.status, 404);
      assert.match(nf.body.error, /not found/);
      assert.equal((await call(PATCH, "PATCH", `/stations/${missing}`, { key, params: { id: missing }, body: { name: "x" } })).status, 404);
    }
  });

  test("PUT ocpp-password stores a hash; a short password is refused", async () => {
    const { POST } = await routes.stations();
    const { PUT } = await routes.ocppPassword();
    const id = (await call(POST, "POST", "/stations", { key, body: stationBody("CP-PW1") })).body.data.id;
    const short = await call(PUT, "PUT", `/stations/${id}/ocpp-password`, { key, params: { id }, body: { password: "abc" } });
    assert.equal(short.status, 400);
    assert.ok(short.body.fieldErrors.password);
    assert.equal((await t.db.station.findUniqueOrThrow({ where: { id } })).ocppPasswordHash, null);
    const ok = await call(PUT, "PUT", `/stations/${id}/ocpp-password`, { key, params: { id }, body: { password: "a-long-enough-pw" } });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.data, { stationId: id, hasOcppPassword: true });
    const hash = (await t.db.station.findUniqueOrThrow({ where: { id } })).ocppPasswordHash!;
    assert.ok(!hash.includes("a-long-enough-pw") && (await verifyPassword("a-long-enough-pw", hash)));
    assert.equal((await call(PUT, "PUT", `/stations/${MISSING}/ocpp-password`, { key, params: { id: MISSING }, body: { password: "a-long-enough-pw" } })).status, 404);
  });
});

describe("connectors", () => {
  test("listed per station by number, one by number, 404 for a number the station lacks", async () => {
    const { POST } = await routes.stations();
    const id = (await call(POST, "POST", "/stations", {
      key,
      body: stationBody("CP-C1", { connectors: [1, 2, 3].map((n) => ({ connectorId: n, type: "TYPE2", maxPowerKw: 11 })) }),
    })).body.data.id;
    const list = await call((await routes.connectors()).GET, "GET", `/stations/${id}/connectors`, { key, params: { id }, query: "limit=2" });
    assert.deepEqual(list.body.data.map((c: any) => c.connectorId), [1, 2]);
    const next = await call((await routes.connectors()).GET, "GET", `/stations/${id}/connectors`, { key, params: { id }, query: `limit=2&cursor=${list.body.nextCursor}` });
    assert.deepEqual(next.body.data.map((c: any) => c.connectorId), [3]);
    assert.equal(next.body.nextCursor, null);

    const { GET } = await routes.connector();
    const two = await call(GET, "GET", `/stations/${id}/connectors/2`, { key, params: { id, connectorId: "2" } });
    assert.equal(two.status, 200);
    assert.equal(two.body.data.connectorId, 2);
    assert.equal((await call(GET, "GET", `/stations/${id}/connectors/9`, { key, params: { id, connectorId: "9" } })).status, 404);
    assert.equal((await call(GET, "GET", `/stations/${MISSING}/connectors/1`, { key, params: { id: MISSING, connectorId: "1" } })).status, 404);
  });
});

describe("tokens", () => {
  test("create, read, list by status, update status/expiry/parent; duplicates and bad input refused", async () => {
    const { POST, GET } = await routes.tokens();
    const created = await call(POST, "POST", "/tokens", { key, body: { idTag: "04A1B2C3D4", parentIdTag: "FLEET-7", expiresAt: "2030-01-01T00:00:00Z" } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.data.status, "ACCEPTED");
    assert.equal(created.body.data.expiresAt, "2030-01-01T00:00:00.000Z");
    const id = created.body.data.id;

    assert.equal((await call(POST, "POST", "/tokens", { key, body: { idTag: "04A1B2C3D4" } })).status, 409);
    const tooLong = await call(POST, "POST", "/tokens", { key, body: { idTag: "X".repeat(21), status: "MAYBE" } });
    assert.equal(tooLong.status, 400);
    assert.ok(tooLong.body.fieldErrors.idTag && tooLong.body.fieldErrors.status);

    const { GET: getOne, PATCH } = await routes.token();
    const upd = await call(PATCH, "PATCH", `/tokens/${id}`, { key, params: { id }, body: { status: "BLOCKED", expiresAt: null, parentIdTag: "FLEET-8" } });
    assert.equal(upd.status, 200);
    assert.deepEqual([upd.body.data.status, upd.body.data.expiresAt, upd.body.data.parentIdTag], ["BLOCKED", null, "FLEET-8"]);
    assert.equal((await call(getOne, "GET", `/tokens/${id}`, { key, params: { id } })).body.data.status, "BLOCKED");
    assert.equal((await call(PATCH, "PATCH", `/tokens/${id}`, { key, params: { id }, body: { idTag: "NEW" } })).status, 400);
    assert.equal((await call(getOne, "GET", `/tokens/${MISSING}`, { key, params: { id: MISSING } })).status, 404);

    await call(POST, "POST", "/tokens", { key, body: { idTag: "OTHER-1" } });
    const blocked = await call(GET, "GET", "/tokens", { key, query: "status=BLOCKED" });
    assert.deepEqual(blocked.body.data.map((x: any) => x.idTag), ["04A1B2C3D4"]);
    const all = await call(GET, "GET", "/tokens", { key, query: "limit=1" });
    assert.equal(all.body.data.length, 1);
    assert.ok(all.body.nextCursor);
  });
});

describe("sessions", () => {
  async function sessionWithReadings(identity: string, idTag: string, startedAt: Date, readings: number) {
    const st = await t.db.station.create({ data: { name: identity, lat: 1, lng: 1, ocppIdentity: identity } });
    const s = await t.db.chargingSession.create({
      data: { stationId: st.id, connectorNumber: 1, idTag, status: "ACTIVE", startedAt, meterStartWh: 1000n, lastMeterWh: 1000n + BigInt(readings) },
    });
    await t.db.meterReading.createMany({
      data: Array.from({ length: readings }, (_, i) => ({
        stationId: st.id, connectorId: 1, sessionId: s.id, transactionId: s.transactionId, timestamp: new Date(startedAt.getTime() + i * 60_000),
        sampledValues: [{ value: String(1000 + i), measurand: "Energy.Active.Import.Register", unit: "Wh" }], energyWh: BigInt(1000 + i),
      })),
    });
    return { station: st, session: s };
  }

  test("filters by station, idTag, status and time; newest first", async () => {
    const a = await sessionWithReadings("CP-S1", "TAG-A", new Date("2026-03-01T10:00:00Z"), 1);
    const b = await sessionWithReadings("CP-S2", "TAG-B", new Date("2026-03-02T10:00:00Z"), 1);
    await t.db.chargingSession.update({ where: { id: a.session.id }, data: { status: "COMPLETED" } });
    const { GET } = await routes.sessions();
    const ids = async (q = "") => {
      const r = await call(GET, "GET", "/sessions", { key, query: q });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.data.map((s: any) => s.id);
    };
    assert.deepEqual(await ids(), [b.session.id, a.session.id]);
    assert.deepEqual(await ids(`stationId=${a.station.id}`), [a.session.id]);
    assert.deepEqual(await ids("idTag=TAG-B"), [b.session.id]);
    assert.deepEqual(await ids("status=COMPLETED"), [a.session.id]);
    assert.deepEqual(await ids("from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z"), [b.session.id]);
    const bad = await call(GET, "GET", "/sessions", { key, query: "from=yesterday&status=DONE" });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.fieldErrors.from && bad.body.fieldErrors.status);
    const page1 = await call(GET, "GET", "/sessions", { key, query: "limit=1" });
    const page2 = await call(GET, "GET", "/sessions", { key, query: `limit=1&cursor=${page1.body.nextCursor}` });
    assert.deepEqual([page1.body.data[0].id, page2.body.data[0].id, page2.body.nextCursor], [b.session.id, a.session.id, null]);
  });

  test("one session, with its meter values paged on request", async () => {
    const { session } = await sessionWithReadings("CP-S3", "TAG-C", new Date("2026-03-01T10:00:00Z"), 5);
    const { GET } = await routes.session();
    const plain = await call(GET, "GET", `/sessions/${session.id}`, { key, params: { id: session.id } });
    assert.equal(plain.status, 200);
    assert.equal(plain.body.data.meterStartWh, 1000);
    assert.equal(plain.body.meterValues, undefined);

    const values: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r = await call(GET, "GET", `/sessions/${session.id}`, { key, params: { id: session.id }, query: `include=meterValues&limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      assert.equal(r.status, 200);
      values.push(...r.body.meterValues.data.map((m: any) => m.energyWh));
      for (const m of r.body.meterValues.data) assert.deepEqual(m.sampledValue, [{ value: String(m.energyWh), measurand: "Energy.Active.Import.Register", unit: "Wh" }]);
      cursor = r.body.meterValues.nextCursor;
      if (!cursor) break;
    }
    assert.deepEqual(values, [1000, 1001, 1002, 1003, 1004]);
    assert.equal((await call(GET, "GET", `/sessions/${MISSING}`, { key, params: { id: MISSING } })).status, 404);
    assert.equal((await call(GET, "GET", `/sessions/${session.id}`, { key, params: { id: session.id }, query: "include=everything" })).status, 400);
  });
});
