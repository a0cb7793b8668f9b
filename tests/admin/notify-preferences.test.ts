// A user's notification settings narrow the platform's rules, except critical ones.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { notify } from "../../lib/notifications/notify.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

test("a driver who switched off booking e-mails and in-app gets none; a critical payment notice still arrives", async () => {
  await t.db.notificationRule.createMany({
    data: [
      { type: "BOOKING", sendInApp: true, sendEmail: true },
      { type: "PAYMENT", sendInApp: true, sendEmail: true, isCritical: true },
    ],
  });
  const u = await t.db.user.create({
    data: {
      email: "p@x.test", name: "P", passwordHash: "x", referralCode: "P1",
      settings: { create: { notificationPreferences: { BOOKING: { IN_APP: false, EMAIL: false }, PAYMENT: { EMAIL: false } } } },
    },
  });
  const b = await notify(t.db, { userId: u.id, type: "BOOKING", title: "Booked", message: "x" });
  assert.deepEqual(b, { delivered: false, reason: "IN_APP_DISABLED", queued: [] });
  const p = await notify(t.db, { userId: u.id, type: "PAYMENT", title: "Payment failed", message: "declined" });
  assert.equal(p.delivered, true);
  assert.deepEqual(p.queued, ["EMAIL"]);
  // Someone with no preferences gets what the platform sends.
  const v = await t.db.user.create({ data: { email: "v@x.test", name: "V", passwordHash: "x", referralCode: "V1" } });
  const d = await notify(t.db, { userId: v.id, type: "BOOKING", title: "Booked", message: "x" });
  assert.equal(d.delivered, true);
  assert.deepEqual(d.queued, ["EMAIL"]);
});
