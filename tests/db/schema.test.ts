// The schema's hand-written guarantees, checked on a real PostgreSQL.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

async function user(email: string) {
  return t.db.user.create({ data: { email, passwordHash: "x", name: email, referralCode: email } });
}

describe("migrations", () => {
  test("are recorded the way Prisma records them, and a second run applies nothing", async () => {
    const rows = await t.db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }[]>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations();
    assert.equal(rows.length, files.length);
    for (const [i, f] of files.entries()) {
      assert.equal(rows[i].migration_name, f.name);
      const sql = readFileSync(`prisma/migrations/${f.name}/migration.sql`);
      assert.equal(rows[i].checksum, createHash("sha256").update(sql).digest("hex"));
      assert.ok(rows[i].finished_at);
      assert.equal(rows[i].applied_steps_count, 1);
    }
    const again = await migrate(t.url);
    assert.deepEqual(again.applied, []);
  });
});

describe("constraints the database enforces", () => {
  test("two live bookings of one connector cannot overlap, back-to-back is fine", async () => {
    const u = await user("b@x.test");
    const st = await t.db.station.create({ data: { name: "S", lat: 1, lng: 1 } });
    const c = await t.db.connector.create({ data: { stationId: st.id, connectorId: 1, type: "CCS", maxPowerKw: 50 } });
    const base = { userId: u.id, stationId: st.id, connectorId: c.id, currency: "EUR", status: "CONFIRMED" as const };
    await t.db.booking.create({ data: { ...base, startsAt: new Date("2030-01-01T10:00Z"), endsAt: new Date("2030-01-01T11:00Z") } });
    await assert.rejects(
      t.db.booking.create({ data: { ...base, startsAt: new Date("2030-01-01T10:30Z"), endsAt: new Date("2030-01-01T11:30Z") } }),
      /bookings_no_overlap|conflicting key|exclusion/i,
    );
    await t.db.booking.create({ data: { ...base, startsAt: new Date("2030-01-01T11:00Z"), endsAt: new Date("2030-01-01T12:00Z") } });
    // A cancelled booking frees its slot.
    await t.db.booking.create({ data: { ...base, status: "CANCELLED", startsAt: new Date("2030-01-01T10:15Z"), endsAt: new Date("2030-01-01T10:45Z") } });
  });

  test("a wallet balance cannot go negative", async () => {
    const u = await user("w@x.test");
    const w = await t.db.wallet.create({ data: { userId: u.id, balanceMinor: 100 } });
    await assert.rejects(t.db.wallet.update({ where: { id: w.id }, data: { balanceMinor: -1 } }), /wallets_balance_not_negative|check constraint/i);
  });

  test("a review's rating is 1 to 5", async () => {
    const u = await user("r@x.test");
    const st = await t.db.station.create({ data: { name: "R", lat: 1, lng: 1 } });
    await assert.rejects(t.db.review.create({ data: { userId: u.id, stationId: st.id, rating: 6 } }), /reviews_rating_range|check constraint/i);
    await t.db.review.create({ data: { userId: u.id, stationId: st.id, rating: 5 } });
  });

  test("the audit log is append-only", async () => {
    const e = await t.db.auditLog.create({ data: { action: "TEST", entityType: "User" } });
    await assert.rejects(t.db.auditLog.update({ where: { id: e.id }, data: { action: "CHANGED" } }), /append-only/);
    await assert.rejects(t.db.auditLog.delete({ where: { id: e.id } }), /append-only/);
    assert.equal((await t.db.auditLog.findUniqueOrThrow({ where: { id: e.id } })).action, "TEST");
  });

  test("refunds can never exceed what was captured", async () => {
    const u = await user("p@x.test");
    await assert.rejects(
      t.db.payment.create({ data: { userId: u.id, purpose: "SESSION", provider: "DEMO", currency: "EUR", capturedMinor: 100, refundedMinor: 101 } }),
      /payments_amounts_consistent|check constraint/i,
    );
  });
});
