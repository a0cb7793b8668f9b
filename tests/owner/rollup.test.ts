// The owner roll-up against the live computation: after filling, and right
// after a session finishes, a payment is captured, a refund is processed or a
// station changes time zone on days already rolled up, earnings() equals the
// live-only figures to the cent for every station, day and month, in every
// zone the page can ask for; and one owner's rows never show for another.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { earnings } from "../../lib/owner/earnings.ts";
import { periodOf, type TPeriod } from "../../lib/owner/period.ts";
import { readRollup } from "../../lib/owner/rollup-read.ts";
import { fillOwnerRollup } from "../../lib/owner/rollup-fill.ts";
import { monthlyStatement } from "../../lib/owner/statement.ts";
import { statementCsv, statementCsvStream } from "../../lib/owner/csv.ts";
import type { TOwnerUser } from "../../lib/owner/context.ts";
import { makeRefund, makeSession, makeStation, makeUser } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

const at = (iso: string) => new Date(iso);
const ZONES = ["Europe/Berlin", "UTC", "America/New_York"];

async function world() {
  const db = t.db;
  const alice = await makeUser(db);
  const bob = await makeUser(db);
  const driver = await makeUser(db, "DRIVER");
  const a1 = await makeStation(db, alice, { name: "Alpha" });
  const a2 = await makeStation(db, alice, { name: "Beta" });
  const b1 = await makeStation(db, bob, { name: "Bravo" });
  await db.station.updateMany({ data: { createdAt: at("2026-01-01T00:00:00Z") } });
  const day = (d: number, h: number, m = 0) => at(`2026-03-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`);
  const paid = [];
  for (let d = 2; d <= 9; d++) {
    for (const [st, conn] of [[a1, 1], [a1, 2], [a2, 1], [b1, 1]] as const) {
      const s = await makeSession(db, { stationId: st.id, driverId: driver.id, connector: conn, startedAt: day(d, 10 + conn, d * 3), minutes: 40 + d * 7, energyWh: 1000 * d + conn * 17, paid: 100 * d + 33, fee: 10 * d + 3 });
      paid.push(s.payment!);
    }
    // Across midnight (in Berlin and in UTC), overlapping another record on the same connector.
    await makeSession(db, { stationId: a1.id, driverId: driver.id, startedAt: day(d, 22, 40), minutes: 150, energyWh: 7777, paid: 555, fee: 55 });
    await makeSession(db, { stationId: a1.id, driverId: driver.id, startedAt: day(d, 23, 10), minutes: 30, energyWh: 100, paid: null });
    // A failed start, and a refused remote start that never started.
    await makeSession(db, { stationId: a2.id, driverId: driver.id, startedAt: day(d, 15), minutes: 1, energyWh: 0, status: "FAILED", paid: null });
    await db.chargingSession.create({ data: { stationId: a2.id, connectorNumber: 2, userId: driver.id, status: "FAILED", createdAt: day(d, 16) } });
    // The charger started although the idTag was refused: charged, nobody paid (and once with nothing delivered).
    const refused = await makeSession(db, { stationId: a2.id, driverId: driver.id, connector: 2, startedAt: day(d, 17), minutes: 3, energyWh: d % 3 ? 30 * d : 0, paid: null });
    await db.chargingSession.update({ where: { id: refused.session.id }, data: { authStatus: "INVALID" } });
  }
  for (const [i, p] of paid.entries()) if (i % 5 === 0) await makeRefund(db, p.id, 50 + i, day(3 + (i % 6), 9));
  // A booking paid without a session, and one cancelled.
  const conn = a2.connectors[0];
  const booking = await db.booking.create({ data: { userId: driver.id, stationId: a2.id, connectorId: conn.id, startsAt: day(4, 8), endsAt: day(4, 9), status: "COMPLETED", currency: "EUR" } });
  await db.booking.create({ data: { userId: driver.id, stationId: a2.id, connectorId: conn.id, startsAt: day(5, 8), endsAt: day(5, 9), status: "CANCELLED", currency: "EUR" } });
  const bookingPay = await db.payment.create({ data: { userId: driver.id, purpose: "BOOKING", provider: "DEMO", status: "CAPTURED", currency: "EUR", authorizedMinor: 200, capturedMinor: 200, platformFeeMinor: 20, bookingId: booking.id } });
  await makeRefund(db, bookingPay.id, 75, day(6, 12));
  return { db, alice, bob, driver, a1, a2, b1, day };
}

/** Every period the page can ask for: each zone's month, each station alone, and single days. */
function periods(): TPeriod[] {
  const out = ZONES.map((z) => periodOf("2026-03-01", "2026-03-31", z));
  for (const d of ["2026-03-03", "2026-03-05", "2026-03-09"]) out.push(periodOf(d, d, "Europe/Berlin"), periodOf(d, d, "UTC"));
  out.push(periodOf("2026-02-15", "2026-04-10", "Europe/Berlin"));
  return out;
}

async function assertSameAsLive(owner: TOwnerUser, stationIds: string[], label: string) {
  for (const period of periods()) {
    for (const stationId of [null, ...stationIds]) {
      const rolled = await earnings(t.db, owner, { period, stationId });
      const live = await earnings(t.db, owner, { period, stationId, live: true });
      assert.deepEqual(rolled, live, `${label}: ${period.timeZone} ${period.from}..${period.to} ${stationId ?? "all"}`);
    }
  }
}

async function fillAll() {
  const r = await fillOwnerRollup(t.db, { budgetMs: 120_000 });
  assert.equal(r.pending, 0);
  return r;
}

test("after filling, the dashboard reads closed days from the roll-up and agrees with the live figures to the cent", async () => {
  const { db, alice, bob, a1, a2, b1 } = await world();
  const r = await fillAll();
  assert.ok(r.days > 3 * 2 * 300, `filled ${r.days} days`);
  const march = periodOf("2026-03-01", "2026-03-31", "Europe/Berlin");
  // Every closed day of March is covered: nothing is left for the live queries.
  assert.deepEqual((await readRollup(db, { ownerId: alice.id }, [a1.id, a2.id], march, new Date())).slices, []);
  const e = await earnings(db, alice, { period: march });
  // Per day at Alice's: three sessions, one across midnight and one overlapping it.
  assert.equal(e.total.sessions, 8 * 5);
  // Refused starts: without energy on days 3, 6, 9 (failed starts), charged but unpaid on the other five.
  assert.equal(e.total.failed, 8 * 2 + 3);
  assert.equal(e.total.unpaid, 5);
  assert.equal(e.total.unpaidEnergyWh, 30 * (2 + 4 + 5 + 7 + 8));
  assert.equal(e.total.bookings, 1);
  assert.equal(e.stations.length, 2);
  await assertSameAsLive(alice, [a1.id, a2.id], "filled");
  await assertSameAsLive(bob, [b1.id], "filled, other owner");
  // Bob's figures are his station's only.
  const eb = await earnings(db, bob, { period: march });
  assert.deepEqual(eb.stations.map((s) => s.name), ["Bravo"]);
  assert.equal(eb.total.sessions, 8);
  assert.equal(eb.total.money.EUR.gross, [2, 3, 4, 5, 6, 7, 8, 9].reduce((s, d) => s + 100 * d + 33, 0));
  // A second run has nothing to do.
  assert.equal((await fillOwnerRollup(db, { budgetMs: 10_000 })).days, 0);
});

test("a session finishing, a payment captured, a refund processed and a station moving zone on rolled-up days show at once", async () => {
  const { db, alice, driver, a1, a2, day } = await world();
  // Still charging on 5 March, and a payment authorised but not captured, before the roll-up is filled.
  const { session: running } = await makeSession(db, { stationId: a2.id, driverId: driver.id, connector: 2, startedAt: day(5, 20), energyWh: 0, status: "ACTIVE", paid: null });
  const { session: unpaid } = await makeSession(db, { stationId: a1.id, driverId: driver.id, startedAt: day(7, 6), minutes: 30, energyWh: 4242, paid: null });
  const pending = await db.payment.create({ data: { userId: driver.id, purpose: "SESSION", provider: "DEMO", status: "AUTHORIZED", currency: "EUR", authorizedMinor: 900, sessionId: unpaid.id } });
  const refund = await db.refund.create({ data: { paymentId: pending.id, amountMinor: 77, reason: "test", status: "REQUESTED" } });
  await fillAll();
  const march = periodOf("2026-03-01", "2026-03-31", "Europe/Berlin");
  const before = await earnings(db, alice, { period: march });
  await assertSameAsLive(alice, [a1.id, a2.id], "before changes");

  await db.chargingSession.update({ where: { id: running.id }, data: { status: "COMPLETED", endedAt: day(6, 1, 30), meterStopWh: 1000n + 12_000n, energyWh: 12_000 } });
  const finished = await earnings(db, alice, { period: march });
  assert.equal(finished.total.sessions, before.total.sessions + 1);
  assert.equal(finished.total.energyWh, before.total.energyWh + 12_000);
  await assertSameAsLive(alice, [a1.id, a2.id], "session finished");

  await db.payment.update({ where: { id: pending.id }, data: { status: "CAPTURED", capturedMinor: 812, platformFeeMinor: 81, processedAt: day(7, 7) } });
  const captured = await earnings(db, alice, { period: march });
  assert.equal(captured.total.money.EUR.gross, before.total.money.EUR.gross + 812);
  assert.equal(captured.days.find((d) => d.key === "2026-03-07")!.money.EUR.fees, before.days.find((d) => d.key === "2026-03-07")!.money.EUR.fees + 81);
  await assertSameAsLive(alice, [a1.id, a2.id], "payment captured");

  await db.refund.update({ where: { id: refund.id }, data: { status: "PROCESSED", processedAt: day(8, 12) } });
  const refunded = await earnings(db, alice, { period: march });
  assert.equal(refunded.total.money.EUR.refunds, before.total.money.EUR.refunds + 77);
  await assertSameAsLive(alice, [a1.id, a2.id], "refund processed");

  await db.station.update({ where: { id: a2.id }, data: { timeZone: "America/New_York" } });
  await assertSameAsLive(alice, [a1.id, a2.id], "zone changed");
  // The job fills the new zone's days; still the same figures, now from the roll-up.
  await fillAll();
  assert.ok(await db.ownerStationDay.count({ where: { stationId: a2.id, timeZone: "America/New_York" } }) > 300);
  assert.equal(await db.ownerStationDay.count({ where: { stationId: a2.id, timeZone: "Europe/Berlin" } }), 0);
  await assertSameAsLive(alice, [a1.id, a2.id], "refilled");

  // The statement's totals are the dashboard's month and the sum of its lines, in the owner's zone (now UTC).
  const s = await monthlyStatement(db, alice, "2026-03");
  assert.equal(s.timeZone, "UTC");
  const e = await earnings(db, alice, { period: s.period });
  assert.deepEqual({ ...s.totals.EUR, lines: 0 }, { ...e.total.money.EUR, lines: 0 });
  const sum = s.lines.reduce((x, l) => ({ gross: x.gross + l.gross, fees: x.fees + l.fee, refunds: x.refunds + l.refund }), { gross: 0, fees: 0, refunds: 0 });
  assert.deepEqual(sum, { gross: s.totals.EUR.gross, fees: s.totals.EUR.fees, refunds: s.totals.EUR.refunds });
  assert.equal(s.lines.length, s.totals.EUR.lines);
  // The page's first lines are the first lines of the whole statement.
  const page = await monthlyStatement(db, alice, "2026-03", new Date(), 7);
  assert.deepEqual(page.lines, s.lines.slice(0, 7));
  assert.deepEqual(page.totals, s.totals);
  // The streamed export is the whole statement, byte for byte.
  assert.equal(await new Response(statementCsvStream(db, alice, "2026-03")).text(), statementCsv(s));
});

test("the filler skips a station a writer is changing, and the change is never lost", async () => {
  const { db, alice, a1, a2, day } = await world();
  await fillAll();
  const target = await db.chargingSession.findFirstOrThrow({ where: { stationId: a1.id, startedAt: { gte: day(4, 0), lt: day(5, 0) }, status: "COMPLETED" } });
  // A committed change empties 4 March at a1; a second change is still uncommitted when the filler runs.
  await db.chargingSession.updateMany({ where: { stationId: a1.id, startedAt: { gte: day(4, 0), lt: day(5, 0) }, id: { not: target.id } }, data: { energyWh: { increment: 1 } } });
  const day4 = { stationId: a1.id, dayStart: { lte: day(4, 12) }, dayEnd: { gt: day(4, 12) } };
  assert.equal(await db.ownerStationDay.count({ where: day4 }), 0);
  const writer = new pg.Client({ connectionString: t.url });
  await writer.connect();
  try {
    await writer.query("BEGIN");
    await writer.query("UPDATE charging_sessions SET energy_wh = energy_wh + 1000 WHERE id = $1", [target.id]);
    // The writer's trigger holds a1's shared lock: the filler leaves a1 alone rather
    // than store a day computed without the writer's change.
    await fillOwnerRollup(db, { budgetMs: 10_000 });
    assert.equal(await db.ownerStationDay.count({ where: day4 }), 0);
    await writer.query("COMMIT");
  } finally {
    await writer.end();
  }
  await assertSameAsLive(alice, [a1.id, a2.id], "after a concurrent change");
  await fillAll();
  await assertSameAsLive(alice, [a1.id, a2.id], "refilled after a concurrent change");
});
