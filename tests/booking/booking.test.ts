// Bookings on a real database: the exclusion constraint under concurrent
// requests, the rules' money (free and late cancellation, no-show, fault),
// and the sweep's notifications.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { cancelBooking, createBooking, runBookingSweep, SLOT_TAKEN } from "../../lib/booking/index.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { DECLINED, VISA, makeUser, reference } from "../payments/helpers.ts";

let t: TestDb;
before(async () => { delete process.env.STRIPE_SECRET_KEY; t = await freshDatabase(); });
after(async () => t.close());
beforeEach(async () => { await truncateAll(t.db); await reference(t.db); });

async function station() {
  return t.db.station.create({
    data: { name: `Booking test ${Math.random()}`, lat: 52.5, lng: 13.4, pricePerKwhMinor: 40, connectors: { create: [{ connectorId: 1, type: "TYPE2", maxPowerKw: 11, status: "AVAILABLE" }, { connectorId: 2, type: "TYPE2", maxPowerKw: 11, status: "AVAILABLE" }] } },
    include: { connectors: { orderBy: { connectorId: "asc" } } },
  });
}
const HOUR = 3_600_000;
const isCode = (code: string, msg?: string) => (e: unknown) => e instanceof AppError && e.code === code && (!msg || e.message === msg);

describe("booking a slot", () => {
  test("two drivers booking the same slot at once: exactly one succeeds, the other is told the slot was taken and pays nothing", async () => {
    const s = await station();
    const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
    const startsAt = new Date(Date.now() + 3 * HOUR);
    const input = { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt, durationMinutes: 60 };
    const results = await Promise.allSettled([createBooking(t.db, a, input, VISA), createBooking(t.db, b, input, VISA)]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const bad = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal(ok.length, 1);
    assert.equal(bad.length, 1);
    assert.ok(isCode("CONFLICT", SLOT_TAKEN)(bad[0]!.reason), String(bad[0]!.reason));
    const live = await t.db.booking.findMany({ where: { status: { in: ["CONFIRMED", "PENDING"] } } });
    assert.equal(live.length, 1);
    assert.equal(await t.db.payment.count(), 1, "only the winner has a payment");
  });

  test("ten concurrent, partly overlapping requests on one connector never produce overlapping bookings", async () => {
    const s = await station();
    const base = Date.now() + 5 * HOUR;
    const users = await Promise.all(Array.from({ length: 10 }, () => makeUser(t.db)));
    await Promise.allSettled(users.map((u, i) => createBooking(t.db, u, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(base + i * 15 * 60_000), durationMinutes: 60 }, VISA)));
    const live = await t.db.booking.findMany({ where: { status: "CONFIRMED" }, orderBy: { startsAt: "asc" } });
    assert.ok(live.length >= 1);
    for (let i = 1; i < live.length; i++) assert.ok(live[i]!.startsAt >= live[i - 1]!.endsAt, "no overlap");
  });

  test("the other connector and the next slot stay bookable; a declined card frees the slot at once", async () => {
    const s = await station();
    const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
    const startsAt = new Date(Date.now() + 2 * HOUR);
    await assert.rejects(createBooking(t.db, a, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt, durationMinutes: 60 }, DECLINED), isCode("PAYMENT_FAILED", "Your card was declined."));
    const ok = await createBooking(t.db, b, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt, durationMinutes: 60 }, VISA);
    assert.equal(ok.status, "CONFIRMED");
    await createBooking(t.db, a, { stationId: s.id, connectorId: s.connectors[1]!.id, startsAt, durationMinutes: 60 }, VISA);
    await createBooking(t.db, a, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: ok.endsAt, durationMinutes: 30 }, VISA);
    const rules = await t.db.booking.findUniqueOrThrow({ where: { id: ok.id } });
    assert.deepEqual([rules.reservationFeeMinor, rules.noShowFeeMinor, rules.graceMinutes], [200, 500, 15]);
    const confirmed = await t.db.notification.count({ where: { userId: b.id, type: "BOOKING", title: "Booking confirmed" } });
    assert.equal(confirmed, 1);
  });
});

describe("booking rules", () => {
  test("cancelling before the cut-off releases everything; after it, the reservation fee is kept", async () => {
    const s = await station();
    const u = await makeUser(t.db);
    const early = await createBooking(t.db, u, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(Date.now() + 3 * HOUR), durationMinutes: 60 }, VISA);
    assert.deepEqual(await cancelBooking(t.db, u, early.id), { free: true, chargedMinor: 0 });
    const late = await createBooking(t.db, u, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(Date.now() + 30 * 60_000), durationMinutes: 60 }, VISA);
    assert.deepEqual(await cancelBooking(t.db, u, late.id), { free: false, chargedMinor: 200 });
    const pays = await t.db.payment.findMany({ where: { purpose: "BOOKING" }, orderBy: { createdAt: "asc" } });
    assert.deepEqual(pays.map((p) => [p.status, p.capturedMinor]), [["CANCELLED", 0], ["CAPTURED", 200]]);
    await assert.rejects(cancelBooking(t.db, u, late.id), isCode("CONFLICT"));
    const other = await makeUser(t.db);
    await assert.rejects(cancelBooking(t.db, other, early.id), isCode("NOT_FOUND"));
  });

  test("no-show: after the grace period the sweep expires the booking and takes reservation + no-show fee", async () => {
    const s = await station();
    const u = await makeUser(t.db);
    const start = new Date(Date.now() + 60_000);
    const b = await createBooking(t.db, u, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: start, durationMinutes: 60 }, VISA);
    await runBookingSweep(t.db, new Date(start.getTime() + 10 * 60_000));
    assert.equal((await t.db.booking.findUniqueOrThrow({ where: { id: b.id } })).status, "CONFIRMED", "still within the grace period");
    const r = await runBookingSweep(t.db, new Date(start.getTime() + 16 * 60_000));
    assert.equal(r.expired, 1);
    const after = await t.db.booking.findUniqueOrThrow({ where: { id: b.id } });
    assert.deepEqual([after.status, after.paymentStatus, after.totalAmountMinor], ["EXPIRED", "CAPTURED", 700]);
  });

  test("15 minutes before the end the driver is told once; a faulted connector cancels upcoming bookings without charge", async () => {
    const s = await station();
    const u = await makeUser(t.db);
    const start = new Date(Date.now() + 60_000);
    const b = await createBooking(t.db, u, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: start, durationMinutes: 30 }, VISA);
    await t.db.booking.update({ where: { id: b.id }, data: { status: "ACTIVE" } });
    const at = new Date(start.getTime() + 16 * 60_000);
    assert.equal((await runBookingSweep(t.db, at)).endingSoon, 1);
    assert.equal((await runBookingSweep(t.db, at)).endingSoon, 0, "only once");
    const c = await createBooking(t.db, u, { stationId: s.id, connectorId: s.connectors[1]!.id, startsAt: new Date(Date.now() + 20 * 60_000), durationMinutes: 30 }, VISA);
    await t.db.connector.update({ where: { id: s.connectors[1]!.id }, data: { status: "FAULTED" } });
    assert.equal((await runBookingSweep(t.db)).faultCancelled, 1);
    const cancelled = await t.db.booking.findUniqueOrThrow({ where: { id: c.id } });
    assert.deepEqual([cancelled.status, cancelled.paymentStatus, cancelled.totalAmountMinor], ["CANCELLED", "CANCELLED", 0]);
    assert.equal(await t.db.notification.count({ where: { userId: u.id, title: "Booking cancelled: connector out of order" } }), 1);
  });
});
