// Demo data: one account per role, loaded on an empty database only.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDb } from "./helpers/db.ts";
import { seedDemo } from "../lib/seed/seed-demo.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo-accounts.ts";
import { verifyCredentials } from "../lib/auth/verify-credentials.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

test("seeds one account per role, each able to sign in, and never seeds twice", async () => {
  assert.deepEqual(await seedDemo(t.db), { seeded: true });
  for (const a of DEMO_ACCOUNTS) {
    const u = await t.db.user.findUniqueOrThrow({ where: { email: a.email } });
    assert.equal(u.role, a.role);
    assert.equal((await verifyCredentials(t.db, { email: a.email, password: DEMO_PASSWORD }, null)).ok, true);
  }
  const garage = await t.db.site.findFirstOrThrow({ include: { spots: true, admins: true } });
  assert.equal(garage.spots.length, 4);
  assert.equal(garage.spots.every((s) => s.stationId), true);
  const stations = await t.db.station.count();
  // A real user signs up; a second start must leave everything alone.
  await t.db.user.update({ where: { email: "driver@chargeway.test" }, data: { name: "Changed by the user" } });
  const again = await seedDemo(t.db);
  assert.equal(again.seeded, false);
  assert.equal(await t.db.station.count(), stations);
  assert.equal((await t.db.user.findUniqueOrThrow({ where: { email: "driver@chargeway.test" } })).name, "Changed by the user");
});
