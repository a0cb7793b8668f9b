// Secrets stay on the server: what the pages, the API and the logs get from
// the data functions never holds a password hash, a charger password hash,
// an API key (or its hash) or an operator's credentials. And the OCPP
// handshake checks the charger's own password against its own hash.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { getUserDetail, listUsers } from "../../lib/admin/users.ts";
import { getStationDetail, listStations as adminStations } from "../../lib/admin/stations.ts";
import { getOperator, listOperators, saveOperator, ZOperatorInput } from "../../lib/admin/operators.ts";
import { createApiKey, listApiKeys } from "../../lib/api/api-keys.ts";
import { getStation as apiStation, listStations as apiStations } from "../../lib/api/stations.ts";
import { loadStation } from "../../lib/stations/load-station.ts";
import { stationReviews } from "../../lib/reviews/list-reviews.ts";
import { findStationForEdit, listStations as ownerStations } from "../../lib/owner/station-read.ts";
import { chargerStatus } from "../../lib/owner/charger.ts";
import { chargerDetails } from "../../lib/garage/charger.ts";
import { recordAudit } from "../../lib/audit/record-audit.ts";
import { logError, logInfo } from "../../lib/log.ts";
import { createAuthCallback } from "../../ocpp-server/auth.ts";
import { BCRYPT, garage, makeUser, publicStation, text } from "./fixtures.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); });

const TOKEN = "op-token-7c1d-DO-NOT-SHOW";

function assertClean(what: string, value: unknown, extra: string[] = []) {
  const s = text(value);
  assert.doesNotMatch(s, BCRYPT, `${what} holds a bcrypt hash`);
  assert.ok(!/passwordHash|ocppPasswordHash|keyHash/.test(s), `${what} names a hash field`);
  for (const secret of extra) assert.ok(!s.includes(secret), `${what} holds a secret`);
}

test("admin, owner, garage, public and API reads hold no password hashes, API keys or operator credentials", async () => {
  const admin = await makeUser(t.db, "ADMIN");
  const owner = await makeUser(t.db, "OWNER");
  const garageAdmin = await makeUser(t.db, "GARAGE_ADMIN");
  const pub = await publicStation(t.db, owner.id);
  const g = await garage(t.db, garageAdmin.id);
  const key = await createApiKey(t.db, { name: "integrator", createdById: admin.id });
  const keyRow = await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
  const op = await saveOperator(t.db, { id: admin.id, role: "ADMIN" }, ZOperatorInput.parse({ name: "Secret Op", apiBaseUrl: "https://ocpi.example/2.2.1/", apiToken: TOKEN }));
  const secrets = [TOKEN, key.key, keyRow.keyHash];

  assertClean("admin user list", await listUsers(t.db, {}), secrets);
  assertClean("admin user detail", await getUserDetail(t.db, owner.id), secrets);
  assertClean("admin station list", await adminStations(t.db, {}), secrets);
  assertClean("admin station detail", await getStationDetail(t.db, g.station.id), secrets);
  assertClean("admin operator list", await listOperators(t.db), secrets);
  assertClean("admin operator detail", await getOperator(t.db, op.id), secrets);
  const keys = await listApiKeys(t.db);
  assertClean("API key list", keys, secrets);
  assert.equal(keys[0].prefix, key.key.slice(0, keys[0].prefix.length), "the list shows the prefix only");

  assertClean("owner station list", await ownerStations(t.db, owner), secrets);
  assertClean("owner charger status", await chargerStatus(t.db, owner, pub.id), secrets);
  assertClean("garage charger page", await chargerDetails(t.db, garageAdmin, g.site.id, g.station.id), secrets);
  assertClean("public station page", await loadStation(t.db, pub.id, { locale: "en" }), secrets);
  assertClean("public reviews", await stationReviews(t.db, pub.id), secrets);
  assertClean("API station", await apiStation(t.db, pub.id), secrets);
  assertClean("API station list", await apiStations(t.db, {}), secrets);
});

// For the lead: findStationForEdit returns the whole Station row (include), so
// ocppPasswordHash is one spread away from a client component's props.
test("the owner's station editor gets no charger password hash", async () => {
  const owner = await makeUser(t.db, "OWNER");
  const pub = await publicStation(t.db, owner.id);
  assertClean("owner station editor", await findStationForEdit(t.db, owner, pub.id));
});

test("the audit log and the server log redact passwords, tokens, keys and configs", async () => {
  const admin = await makeUser(t.db, "ADMIN");
  await recordAudit(t.db, {
    actor: { id: admin.id, role: "ADMIN" }, action: "TEST", entityType: "Test",
    after: { password: "hunter22", apiToken: TOKEN, config: { token: TOKEN }, nested: { authorization: "Bearer cw_live_abc" }, name: "kept" },
  });
  const row = await t.db.auditLog.findFirstOrThrow({ where: { action: "TEST" } });
  const s = text(row.after);
  for (const secret of ["hunter22", TOKEN, "cw_live_abc"]) assert.ok(!s.includes(secret), `audit row holds ${secret}`);
  assert.ok(s.includes("kept"));

  const lines: string[] = [];
  const [log, err] = [console.log, console.error];
  console.log = console.error = (l: string) => lines.push(String(l));
  try {
    logInfo("operator saved", { operator: { name: "x", config: { token: TOKEN } }, password: "hunter22" });
    logError("request failed", new Error("boom"), { headers: { cookie: "next-auth.session-token=abc", authorization: "Bearer cw_live_abc" } });
  } finally {
    [console.log, console.error] = [log, err];
  }
  const out = lines.join("\n");
  for (const secret of ["hunter22", TOKEN, "cw_live_abc", "session-token=abc"]) assert.ok(!out.includes(secret), `log holds ${secret}`);
  assert.ok(out.includes("boom"));
});

test("OCPP handshake: each charger's own password only; a stored hash or another charger's password is refused", async () => {
  const a = await publicStation(t.db); // password charger-pass-1
  const admin = await makeUser(t.db, "GARAGE_ADMIN");
  const b = (await garage(t.db, admin.id)).station; // password charger-pass-2
  const log = { info() {}, warn() {}, error() {}, debug() {} } as never;
  const auth = createAuthCallback({ db: t.db, log, unknownChargers: "reject", trustProxy: false });
  const attempt = async (identity: string, password?: string) => {
    let outcome = "none";
    await auth(
      () => { outcome = "accepted"; },
      (code: number) => { outcome = String(code); },
      { identity, endpoint: "/ocpp", protocols: new Set(["ocpp1.6"]), password: password === undefined ? undefined : Buffer.from(password), remoteAddress: "127.0.0.1", headers: {} },
    );
    return outcome;
  };
  assert.equal(await attempt(a.ocppIdentity!, "charger-pass-1"), "accepted");
  assert.equal(await attempt(b.ocppIdentity!, "charger-pass-1"), "401", "charger A's password does not open charger B");
  assert.equal(await attempt(b.ocppIdentity!, b.ocppPasswordHash!), "401", "the hash itself is not a password");
  assert.equal(await attempt(b.ocppIdentity!), "401", "no password");
  assert.equal(await attempt(b.ocppIdentity!, "charger-pass-2"), "accepted");
  assert.equal(await attempt("UNKNOWN-CP-1", "whatever"), "404", "unknown chargers are refused under the reject policy");
  assert.equal(await t.db.station.count({ where: { ocppIdentity: "UNKNOWN-CP-1" } }), 0);
  assert.equal(await attempt("../../etc", "x"), "404", "identities outside the charset are refused");
});
