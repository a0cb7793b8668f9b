// The sweep warns once when a car stops drawing power on a tariff with an idle fee.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { runSessionSweep } from "../../lib/sessions/index.ts";
import { simpleTariff } from "../../lib/tariffs/index.ts";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { makeUser, reference } from "../payments/helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); await reference(t.db); });
after(async () => t.close());

test("idle fee about to start: notified once, only on tariffs with a parking price", async () => {
  const u = await makeUser(t.db);
  const station = await t.db.station.create({ data: { name: "Idle station", lat: 1, lng: 1 } });
  const make = async (connectorNumber: number, hourly: number) => {
    const s = await t.db.chargingSession.create({
      data: { stationId: station.id, connectorNumber, userId: u.id, status: "ACTIVE", startedAt: new Date(), lastPowerW: 20,
        tariffSnapshot: simpleTariff({ currency: "EUR", pricePerKwhMinor: 40, pricePerHourMinor: hourly }) as never },
    });
    await t.db.payment.create({ data: { userId: u.id, purpose: "SESSION", provider: "DEMO", status: "AUTHORIZED", currency: "EUR", authorizedMinor: 1000, sessionId: s.id } });
    return s;
  };
  await make(1, 300);
  await make(2, 0);
  assert.equal((await runSessionSweep(t.db)).idleWarnings, 1);
  assert.equal((await runSessionSweep(t.db)).idleWarnings, 0);
  const n = await t.db.notification.findMany({ where: { userId: u.id } });
  assert.deepEqual(n.map((x) => [x.title, x.message]), [["Idle fee starts soon", "Please move your car from Idle station"]]);
});
