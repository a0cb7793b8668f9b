// Ids from the URL reach the driver's pages and actions unchecked by zod: a
// malformed one must read as "not found" (404), never as a database error (500).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { cancelBooking } from "../../lib/booking/index.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { loadReceipt } from "../../lib/receipts/index.ts";
import { liveSession, stopCharging } from "../../lib/sessions/index.ts";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { makeUser } from "../payments/helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => t.close());

// 36 characters of the old route check [0-9a-f-]{36} that PostgreSQL refuses as uuid.
const MALFORMED = ["not-a-uuid", "------------------------------------", "a".repeat(36), "1234", "00000000-0000-0000-0000-00000000000g"];
const notFound = (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND";

test("malformed session, receipt and booking ids are answered as not found by every lib entry point", async () => {
  const u = await makeUser(t.db);
  for (const id of MALFORMED) {
    await assert.rejects(liveSession(t.db, u.id, id), notFound, `liveSession ${id}`);
    await assert.rejects(stopCharging(t.db, u, id), notFound, `stopCharging ${id}`);
    await assert.rejects(loadReceipt(t.db, { id: u.id, isAdmin: false }, "session", id), notFound, `session receipt ${id}`);
    await assert.rejects(loadReceipt(t.db, { id: u.id, isAdmin: true }, "booking", id), notFound, `booking receipt ${id}`);
    await assert.rejects(cancelBooking(t.db, u, id), notFound, `cancelBooking ${id}`);
  }
  // A well-formed id that names nothing is not found too (and reaches the database without error).
  const unknown = "7b0c6f0e-8d7a-4d4e-9a53-2f1d6c1b9e10";
  await assert.rejects(liveSession(t.db, u.id, unknown), notFound);
  await assert.rejects(loadReceipt(t.db, { id: u.id, isAdmin: true }, "session", unknown), notFound);
});
