// The dashboard's figures against hand-made sessions, payments, refunds,
// bookings and connection logs: every sum to the cent, utilisation and uptime
// by the clock.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { earnings } from "../../lib/owner/earnings.ts";
import { periodOf } from "../../lib/owner/period.ts";
import { monthlyStatement, recordStatement } from "../../lib/owner/statement.ts";
import { sessionsCsv, statementCsv } from "../../lib/owner/csv.ts";
import { platformFeeFor } from "../../lib/owner/fees.ts";
import { makeRefund, makeSession, makeStation, makeUser } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

const at = (iso: string) => new Date(iso);
const NOW = at("2026-04-10T12:00:00Z");

async function world() {
  const db = t.db;
  const owner = await makeUser(db);
  const other = await makeUser(db);
  const driver = await makeUser(db, "DRIVER");
  const a = await makeStation(db, owner, { name: "Alpha" });
  const b = await makeStation(db, owner, { name: "Beta" });
  const foreign = await makeStation(db, other, { name: "Alpha" });
  // Listed well before the period.
  await db.station.updateMany({ where: { id: { in: [a.id, b.id, foreign.id] } }, data: { createdAt: at("2026-01-01T00:00:00Z") } });
  return { db, owner, other, driver, a, b, foreign };
}

test("totals are the sums of the sessions and payments of the period, to the cent; other owners' money never counts", async () => {
  const { db, owner, driver, a, b, foreign } = await world();
  const p1 = await makeSession(db, { stationId: a.id, driverId: driver.id, startedAt: at("2026-03-02T08:00:00Z"), minutes: 90, energyWh: 12_345, paid: 483, fee: platformFeeFor(483, "10") });
  await makeSession(db, { stationId: a.id, driverId: driver.id, startedAt: at("2026-03-02T12:00:00Z"), minutes: 30, energyWh: 5_001, paid: 196, fee: 20 });
  await makeSession(db, { stationId: b.id, driverId: driver.id, startedAt: at("2026-03-15T23:30:00Z"), minutes: 60, energyWh: 30_000, paid: 1170, fee: 117 });
  // Failed start: no energy, not a session, counted as a failed start.
  await makeSession(db, { stationId: b.id, driverId: driver.id, startedAt: at("2026-03-16T10:00:00Z"), minutes: 1, energyWh: 0, status: "FAILED", paid: null });
  // Outside the period, and at another owner's station.
  await makeSession(db, { stationId: a.id, driverId: driver.id, startedAt: at("2026-02-28T22:59:00Z"), energyWh: 7_000, paid: 273, fee: 27 });
  await makeSession(db, { stationId: foreign.id, driverId: driver.id, startedAt: at("2026-03-05T10:00:00Z"), energyWh: 9_999, paid: 999, fee: 99 });
  await makeRefund(db, p1.payment!.id, 100, at("2026-03-20T10:00:00Z"));

  const period = periodOf("2026-03-01", "2026-03-31", "Europe/Berlin");
  const e = await earnings(db, owner, { period, now: NOW });
  assert.equal(e.total.sessions, 3);
  assert.equal(e.total.failed, 1);
  assert.equal(e.total.energyWh, 12_345 + 5_001 + 30_000);
  assert.deepEqual(e.total.money.EUR, { gross: 483 + 196 + 1170, fees: 48 + 20 + 117, refunds: 100, net: 1849 - 185 - 100 });
  assert.deepEqual(e.stations.map((s) => [s.name, s.sessions, s.money.EUR?.gross]), [["Alpha", 2, 679], ["Beta", 1, 1170]]);
  // 23:30 UTC on 15 March is 16 March in Berlin.
  assert.equal(e.days.find((d) => d.key === "2026-03-16")!.money.EUR.gross, 1170);
  assert.equal(e.days.find((d) => d.key === "2026-03-02")!.sessions, 2);
  assert.equal(e.days.length, 31);
  assert.equal(e.days.reduce((s, d) => s + (d.money.EUR?.gross ?? 0), 0), 1849);
  assert.equal(e.months.length, 1);
  assert.deepEqual(e.months[0].money.EUR, e.total.money.EUR);
  // The session starting 23:59 Berlin on 28 Feb belongs to February.
  const feb = await earnings(db, owner, { period: periodOf("2026-02-01", "2026-02-28", "Europe/Berlin"), now: NOW });
  assert.equal(feb.total.money.EUR.gross, 273);

  // One station only.
  const onlyB = await earnings(db, owner, { stationId: b.id, period, now: NOW });
  assert.equal(onlyB.stations.length, 1);
  assert.equal(onlyB.total.money.EUR.gross, 1170);
  assert.equal(onlyB.total.money.EUR.refunds, 0);

  // The statement of March says the same, line by line.
  const s = await monthlyStatement(db, owner, "2026-03", NOW);
  assert.deepEqual(s.totals.EUR, { gross: 1849, fees: 185, refunds: 100, net: 1564, lines: 4 });
  assert.equal(s.closed, true);
  // The page reads only the first lines; its totals are the same.
  const page = await monthlyStatement(db, owner, "2026-03", NOW, 2);
  assert.equal(page.lines.length, 2);
  assert.deepEqual(page.totals, s.totals);
  const rows = await recordStatement(db, owner, s);
  assert.equal(rows.length, 1);
  assert.equal((await db.payoutStatement.findFirstOrThrow({ where: { userId: owner.id } })).netMinor, 1564);
  const csv = statementCsv(s);
  assert.match(csv, /"2026-03","TOTAL","","","","","18\.49","1\.85","1\.00","15\.64","EUR"/);
  assert.doesNotMatch(csv, /9\.99/);
});

test("utilisation is occupied connector time over connector time; overlapping records count once; uptime follows the connection log", async () => {
  const { db, owner, driver, a } = await world();
  await db.station.update({ where: { id: a.id }, data: { ocppIdentity: "OWN-UPTIME", createdAt: at("2026-01-01T00:00:00Z") } });
  // Connector 1: 10:00–12:00 and an overlapping record 11:00–13:00 = 3 h; connector 2: 1 h.
  await makeSession(db, { stationId: a.id, driverId: driver.id, startedAt: at("2026-03-10T10:00:00Z"), minutes: 120, energyWh: 1000, paid: null });
  await makeSession(db, { stationId: a.id, driverId: driver.id, startedAt: at("2026-03-10T11:00:00Z"), minutes: 120, energyWh: 1000, paid: null });
  await makeSession(db, { stationId: a.id, driverId: driver.id, connector: 2, startedAt: at("2026-03-10T20:00:00Z"), minutes: 60, energyWh: 1000, paid: null });
  // Started the day before the period: only the part inside counts (2 h).
  await makeSession(db, { stationId: a.id, driverId: driver.id, connector: 2, startedAt: at("2026-03-09T22:00:00Z"), minutes: 240, energyWh: 1000, paid: null });
  // Online from before the period, offline 6 h on day one, replaced connection keeps it online.
  await db.stationConnectionLog.createMany({ data: [
    { stationId: a.id, event: "CONNECTED", at: at("2026-03-01T00:00:00Z") },
    { stationId: a.id, event: "DISCONNECTED", at: at("2026-03-10T06:00:00Z") },
    { stationId: a.id, event: "CONNECTED", at: at("2026-03-10T12:00:00Z") },
    { stationId: a.id, event: "REPLACED", at: at("2026-03-10T13:00:00Z") },
  ] });
  const period = periodOf("2026-03-10", "2026-03-11", "UTC");
  const e = await earnings(db, owner, { stationId: a.id, period, now: NOW });
  const s = e.stations[0];
  const H = 3_600_000;
  assert.equal(s.capacityMs, 2 * 48 * H);
  assert.equal(s.occupiedMs, (3 + 1 + 2) * H);
  assert.equal(s.observedMs, 48 * H);
  assert.equal(s.onlineMs, 42 * H);
  // A period running into the future counts only up to now.
  const now = at("2026-03-10T18:00:00Z");
  const partial = await earnings(db, owner, { stationId: a.id, period, now });
  assert.equal(partial.stations[0].observedMs, 18 * H);
  assert.equal(partial.stations[0].onlineMs, 12 * H);
});

test("sessions CSV has every session of the period with what was paid, and nothing of other owners", async () => {
  const { db, owner, driver, a, foreign } = await world();
  await makeSession(db, { stationId: a.id, driverId: driver.id, startedAt: at("2026-03-02T08:00:00Z"), energyWh: 12_345, paid: 483, fee: 48 });
  await makeSession(db, { stationId: foreign.id, driverId: driver.id, startedAt: at("2026-03-02T09:00:00Z"), energyWh: 777, paid: 55, fee: 5 });
  const text = await new Response(sessionsCsv(db, { ownerId: owner.id }, periodOf("2026-03-01", "2026-03-31", "UTC"))).text();
  const lines = text.trim().split("\r\n");
  assert.equal(lines.length, 2);
  assert.match(lines[1], /"Alpha","1","COMPLETED","2026-03-02T08:00:00.000Z","2026-03-02T09:00:00.000Z","12\.345","4\.83","4\.83","0\.48","4\.35","EUR"/);
});

// QA finding 4: the demo charger charged with a refused card (idTag Invalid) and nothing was paid.
test("sessions whose start was refused and which nobody paid are unpaid sessions (or failed starts without energy), never sales; the CSV says how each counted", async () => {
  const { db, owner, driver, a } = await world();
  const refused = async (startedAt: string, energyWh: number, paid: number | null = null, authStatus: "INVALID" | "BLOCKED" = "INVALID") => {
    const { session } = await makeSession(db, { stationId: a.id, driverId: driver.id, startedAt: at(startedAt), minutes: 2, energyWh, paid, fee: paid ? 5 : 0 });
    await db.chargingSession.update({ where: { id: session.id }, data: { authStatus, flags: ["NOT_AUTHORIZED"] } });
  };
  await makeSession(db, { stationId: a.id, driverId: driver.id, startedAt: at("2026-03-02T08:00:00Z"), energyWh: 40, paid: 5, fee: 1 });
  await db.chargingSession.updateMany({ data: { authStatus: "ACCEPTED" } });
  await refused("2026-03-02T09:00:00Z", 30);
  await refused("2026-03-02T09:30:00Z", 35, null, "BLOCKED");
  await refused("2026-03-02T10:00:00Z", 0);
  await refused("2026-03-02T11:00:00Z", 50, 20); // refused, but the driver paid anyway: a sale
  const period = periodOf("2026-03-01", "2026-03-31", "UTC");
  for (const live of [true, false]) {
    const e = await earnings(db, owner, { period, now: NOW, live });
    assert.deepEqual(
      { sessions: e.total.sessions, energyWh: e.total.energyWh, unpaid: e.total.unpaid, unpaidEnergyWh: e.total.unpaidEnergyWh, failed: e.total.failed, gross: e.total.money.EUR.gross },
      { sessions: 2, energyWh: 90, unpaid: 2, unpaidEnergyWh: 65, failed: 1, gross: 25 },
      `live=${live}`,
    );
    assert.equal(e.days.find((d) => d.key === "2026-03-02")!.unpaid, 2);
  }
  const text = await new Response(sessionsCsv(db, { ownerId: owner.id }, period)).text();
  const counted = text.trim().split("\r\n").slice(1).map((l) => l.split(",").slice(-2).join(","));
  assert.deepEqual(counted, ['"ACCEPTED","session"', '"INVALID","unpaid_not_authorised"', '"BLOCKED","unpaid_not_authorised"', '"INVALID","failed_start"', '"INVALID","session"']);
});

test("platform fee is exact half-up on the percentage", () => {
  assert.equal(platformFeeFor(483, "10"), 48);
  assert.equal(platformFeeFor(485, "10"), 49);
  assert.equal(platformFeeFor(1000, "12.5"), 125);
  assert.equal(platformFeeFor(1, "12.5"), 0);
  assert.equal(platformFeeFor(4, "12.5"), 1);
  assert.equal(platformFeeFor(0, "10"), 0);
});
