// Authorize, StartTransaction, StopTransaction and MeterValues, including the
// behaviours real chargers force: retries, offline starts, unknown ids, skew.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { bootedCharger, iso, resetEnv, startEnv, stopEnv, type TEnv } from "./helpers.ts";

let env: TEnv;
before(async () => { env = await startEnv(); });
after(async () => { await stopEnv(env); });
beforeEach(async () => { await resetEnv(env); });

async function garage() {
  const site = await env.t.db.site.create({ data: { name: "Garage A" } });
  const renter = await env.t.db.renter.create({ data: { siteId: site.id, name: "Ann", contactEmail: "ann@x.test" } });
  return { site, renter };
}

describe("Authorize (seed 001 rule)", () => {
  test("a known Accepted card of the garage is accepted at any of its chargers; others are refused with the right status", async () => {
    const { site, renter } = await garage();
    const other = await env.t.db.site.create({ data: { name: "Garage B" } });
    const pastRenter = await env.t.db.renter.create({ data: { siteId: site.id, name: "Old", contactEmail: "o@x.test", isActive: false } });
    const { client } = await bootedCharger(env, "CP-A1");
    await env.t.db.station.update({ where: { ocppIdentity: "CP-A1" }, data: { siteId: site.id } });
    const tokens: [string, object][] = [
      ["GOOD", { siteId: site.id, renterId: renter.id, expiresAt: new Date(Date.now() + 86_400_000), parentIdTag: "FAMILY" }],
      ["BLOCKED", { siteId: site.id, status: "BLOCKED" }],
      ["EXPIRED", { siteId: site.id, expiresAt: new Date(Date.now() - 1000) }],
      ["PAST", { siteId: site.id, renterId: pastRenter.id }],
      ["OTHERGARAGE", { siteId: other.id }],
      ["CHILD", { siteId: site.id, parentIdTag: "BLOCKED" }],
    ];
    for (const [idTag, data] of tokens) await env.t.db.authToken.create({ data: { idTag, ...data } });
    const status = async (idTag: string) => (await client.call("Authorize", { idTag })).idTagInfo;

    const good = await status("GOOD");
    assert.equal(good.status, "Accepted");
    assert.equal(good.parentIdTag, "FAMILY");
    assert.ok(good.expiryDate);
    assert.equal((await status("good")).status, "Accepted", "idTags are case-insensitive");
    assert.equal((await status("UNKNOWN")).status, "Invalid");
    assert.equal((await status("BLOCKED")).status, "Blocked");
    assert.equal((await status("EXPIRED")).status, "Expired");
    assert.equal((await status("PAST")).status, "Invalid");
    assert.equal((await status("OTHERGARAGE")).status, "Invalid");
    assert.equal((await status("CHILD")).status, "Blocked", "a blocked parent blocks its cards");
  });

  test("a card already in a running transaction on another charger answers ConcurrentTx", async () => {
    await env.t.db.authToken.create({ data: { idTag: "BUSY" } });
    const a = await bootedCharger(env, "CP-C1");
    const b = await bootedCharger(env, "CP-C2");
    const start = await a.client.call("StartTransaction", { connectorId: 1, idTag: "BUSY", meterStart: 0, timestamp: iso() });
    assert.equal(start.idTagInfo.status, "Accepted");
    assert.equal((await b.client.call("Authorize", { idTag: "BUSY" })).idTagInfo.status, "ConcurrentTx");
    assert.equal((await a.client.call("Authorize", { idTag: "BUSY" })).idTagInfo.status, "Accepted", "same charger may re-present the card to stop");
    const second = await b.client.call("StartTransaction", { connectorId: 1, idTag: "BUSY", meterStart: 0, timestamp: iso() });
    assert.equal(second.idTagInfo.status, "ConcurrentTx");
    assert.ok(second.transactionId > start.transactionId, "still gets a transaction id");
  });
});

describe("StartTransaction", () => {
  test("a repeated start after a lost answer gets the same transactionId, not a second session", async () => {
    await env.t.db.authToken.create({ data: { idTag: "CARD1" } });
    const { station, client } = await bootedCharger(env, "CP-S1");
    const req = { connectorId: 1, idTag: "CARD1", meterStart: 1200, timestamp: iso() };
    const first = await client.call("StartTransaction", req);
    const again = await client.call("StartTransaction", req);
    assert.equal(again.transactionId, first.transactionId);
    assert.equal(again.idTagInfo.status, "Accepted");
    const sessions = await env.t.db.chargingSession.findMany({ where: { stationId: station.id } });
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0].status, "ACTIVE");
    assert.equal(sessions[0].meterStartWh, 1200n);
    const connector = await env.t.db.connector.findFirst({ where: { stationId: station.id, connectorId: 1 } });
    assert.equal(sessions[0].connectorId, connector!.id);
  });

  test("an unknown or blocked idTag still gets a transactionId, with the right idTagInfo, recorded for review", async () => {
    await env.t.db.authToken.create({ data: { idTag: "BLK", status: "BLOCKED" } });
    const { station, client } = await bootedCharger(env, "CP-S2");
    const unknown = await client.call("StartTransaction", { connectorId: 1, idTag: "NOPE", meterStart: 0, timestamp: iso() });
    const blocked = await client.call("StartTransaction", { connectorId: 2, idTag: "BLK", meterStart: 0, timestamp: iso() });
    assert.ok(unknown.transactionId > 0);
    assert.equal(unknown.idTagInfo.status, "Invalid");
    assert.ok(blocked.transactionId > 0);
    assert.equal(blocked.idTagInfo.status, "Blocked");
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId: unknown.transactionId } });
    assert.deepEqual(s.flags.sort(), ["NOT_AUTHORIZED", "UNKNOWN_TOKEN"]);
    assert.equal(s.authStatus, "INVALID");
    assert.equal(await env.t.db.ocppIncident.count({ where: { stationId: station.id, kind: "UNKNOWN_TOKEN" } }), 1);
  });

  test("a start stamped far in the past is kept as sent and flagged", async () => {
    await env.t.db.authToken.create({ data: { idTag: "CARD2" } });
    const { client } = await bootedCharger(env, "CP-S3");
    const r = await client.call("StartTransaction", { connectorId: 1, idTag: "CARD2", meterStart: 5, timestamp: "2001-01-01T00:00:00.000Z" });
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId: r.transactionId } });
    assert.equal(s.startedAt!.toISOString(), "2001-01-01T00:00:00.000Z");
    assert.ok(s.flags.includes("CLOCK_SKEW"));
    assert.equal(await env.t.db.ocppIncident.count({ where: { kind: "CLOCK_SKEW" } }), 1);
  });
});

describe("StopTransaction", () => {
  test("energy comes from the register; transactionData is stored with every field", async () => {
    await env.t.db.authToken.create({ data: { idTag: "CARD3" } });
    const { client } = await bootedCharger(env, "CP-T1");
    const { transactionId } = await client.call("StartTransaction", { connectorId: 1, idTag: "CARD3", meterStart: 10_000, timestamp: iso(new Date(Date.now() - 3_600_000)) });
    const res = await client.call("StopTransaction", {
      transactionId,
      idTag: "CARD3",
      meterStop: 17_500,
      timestamp: iso(),
      reason: "EVDisconnected",
      transactionData: [
        { timestamp: iso(), sampledValue: [{ value: "17.5", measurand: "Energy.Active.Import.Register", unit: "kWh", context: "Transaction.End", location: "Outlet", format: "Raw" }] },
      ],
    });
    assert.equal(res.idTagInfo.status, "Accepted");
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId }, include: { meterReadings: true } });
    assert.equal(s.status, "COMPLETED");
    assert.equal(s.energyWh, 7500);
    assert.equal(s.stopReason, "EVDisconnected");
    assert.equal(s.meterReadings.length, 1);
    const r = s.meterReadings[0];
    assert.deepEqual(r.sampledValues, [{ value: "17.5", measurand: "Energy.Active.Import.Register", unit: "kWh", context: "Transaction.End", location: "Outlet", format: "Raw" }]);
    assert.equal(r.energyWh, 17_500n, "kWh register stored in Wh");
    assert.equal(r.context, "Transaction.End");
  });

  test("unknown, already stopped and placeholder transactions are answered normally and recorded", async () => {
    await env.t.db.authToken.create({ data: { idTag: "CARD4" } });
    const { station, client } = await bootedCharger(env, "CP-T2");
    const stop = (transactionId: number, meterStop = 100) => client.call("StopTransaction", { transactionId, meterStop, timestamp: iso() });
    assert.deepEqual(await stop(987654), {});
    assert.deepEqual(await stop(0), {});
    assert.deepEqual(await stop(-1), {});
    const { transactionId } = await client.call("StartTransaction", { connectorId: 1, idTag: "CARD4", meterStart: 0, timestamp: iso() });
    await stop(transactionId, 500);
    assert.deepEqual(await stop(transactionId, 600), {});
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId } });
    assert.equal(s.energyWh, 500, "the second stop is not applied");
    const kinds = (await env.t.db.ocppIncident.findMany({ where: { stationId: station.id }, orderBy: { id: "asc" } })).map((i) => i.kind);
    assert.deepEqual(kinds, ["UNKNOWN_TRANSACTION", "PLACEHOLDER_TRANSACTION", "PLACEHOLDER_TRANSACTION", "TRANSACTION_ALREADY_STOPPED"]);
  });

  test("meterStop below meterStart is flagged, not trusted", async () => {
    await env.t.db.authToken.create({ data: { idTag: "CARD5" } });
    const { client } = await bootedCharger(env, "CP-T3");
    const { transactionId } = await client.call("StartTransaction", { connectorId: 1, idTag: "CARD5", meterStart: 50_000, timestamp: iso() });
    await client.call("MeterValues", { connectorId: 1, transactionId, meterValue: [{ timestamp: iso(), sampledValue: [{ value: "52000", unit: "Wh" }] }] });
    await client.call("StopTransaction", { transactionId, meterStop: 100, timestamp: iso() });
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId } });
    assert.ok(s.flags.includes("METER_DECREASE"));
    assert.equal(s.meterStopWh, 100n, "kept as sent");
    assert.equal(s.energyWh, 2000, "taken from the highest register reading instead");
    assert.equal(await env.t.db.ocppIncident.count({ where: { kind: "METER_DECREASE" } }), 1);
  });
});

describe("MeterValues", () => {
  test("every sampled value field is stored in one message; the session shows register-based energy and power", async () => {
    await env.t.db.authToken.create({ data: { idTag: "CARD6" } });
    const { client } = await bootedCharger(env, "CP-M1");
    const { transactionId } = await client.call("StartTransaction", { connectorId: 1, idTag: "CARD6", meterStart: 1000, timestamp: iso() });
    const at = iso();
    await client.call("MeterValues", {
      connectorId: 1,
      transactionId,
      meterValue: [
        {
          timestamp: at,
          sampledValue: [
            { value: "4000", measurand: "Energy.Active.Import.Register", unit: "Wh", context: "Sample.Periodic", location: "Outlet", format: "Raw" },
            { value: "11.2", measurand: "Power.Active.Import", unit: "kW", context: "Sample.Periodic" },
            { value: "16.1", measurand: "Current.Import", unit: "A", phase: "L1" },
            { value: "230.4", measurand: "Voltage", unit: "V", phase: "L1-N" },
            { value: "55", measurand: "SoC", unit: "Percent", location: "EV" },
          ],
        },
      ],
    });
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId }, include: { meterReadings: { orderBy: { id: "asc" } } } });
    assert.equal(s.meterReadings.length, 1, "one row per MeterValue element");
    assert.equal(s.energyWh, 3000);
    assert.equal(s.lastPowerW, 11200);
    assert.equal(s.lastSocPercent, 55);
    const r = s.meterReadings[0];
    assert.equal(r.timestamp.toISOString(), at);
    assert.deepEqual(r.sampledValues, [
      { value: "4000", measurand: "Energy.Active.Import.Register", unit: "Wh", context: "Sample.Periodic", location: "Outlet", format: "Raw" },
      { value: "11.2", measurand: "Power.Active.Import", unit: "kW", context: "Sample.Periodic" },
      { value: "16.1", measurand: "Current.Import", unit: "A", phase: "L1" },
      { value: "230.4", measurand: "Voltage", unit: "V", phase: "L1-N" },
      { value: "55", measurand: "SoC", unit: "Percent", location: "EV" },
    ], "every field as sent, in order");
    assert.deepEqual([r.energyWh, r.powerW, r.context], [4000n, 11200, "Sample.Periodic"]);
  });

  test("readings without a transaction, or for an unknown one, are kept", async () => {
    const { station, client } = await bootedCharger(env, "CP-M2");
    await client.call("MeterValues", { connectorId: 0, meterValue: [{ timestamp: iso(), sampledValue: [{ value: "123456" }] }] });
    assert.deepEqual(await client.call("MeterValues", { connectorId: 1, transactionId: 4242, meterValue: [{ timestamp: iso(), sampledValue: [{ value: "9" }] }] }), {});
    const rows = await env.t.db.meterReading.findMany({ where: { stationId: station.id }, orderBy: { id: "asc" } });
    assert.deepEqual(rows.map((r) => [r.connectorId, r.transactionId, r.sessionId, r.sampledValues, r.energyWh]), [
      [0, null, null, [{ value: "123456" }], 123456n],
      [1, 4242, null, [{ value: "9" }], 9n],
    ]);
    assert.equal(await env.t.db.ocppIncident.count({ where: { kind: "UNKNOWN_TRANSACTION", action: "MeterValues" } }), 1);
  });
});

describe("MeterValues under concurrency", () => {
  test("many chargers at once: every value stored, each session shows its own energy", async () => {
    await env.t.db.authToken.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ idTag: `MANY-${i}` })) });
    const chargers = await Promise.all(Array.from({ length: 20 }, (_, i) => bootedCharger(env, `CP-MANY-${i}`)));
    const txs = await Promise.all(
      chargers.map(({ client }, i) => client.call("StartTransaction", { connectorId: 1, idTag: `MANY-${i}`, meterStart: i * 1000, timestamp: iso() })),
    );
    for (let round = 1; round <= 5; round++) {
      await Promise.all(
        chargers.map(({ client }, i) =>
          client.call("MeterValues", {
            connectorId: 1,
            transactionId: txs[i].transactionId,
            meterValue: [{ timestamp: iso(new Date(Date.now() + round)), sampledValue: [{ value: String(i * 1000 + round * (i + 1)), unit: "Wh" }, { value: String(round), measurand: "SoC", unit: "Percent" }] }],
          }),
        ),
      );
    }
    const rows = await env.t.db.meterReading.findMany({ where: { stationId: { in: chargers.map((c) => c.station.id) } }, select: { sampledValues: true } });
    assert.equal(rows.length, 20 * 5, "one row per MeterValue element");
    assert.equal(rows.reduce((n, r) => n + (r.sampledValues as unknown[]).length, 0), 20 * 5 * 2, "every sampled value");
    for (const [i, tx] of txs.entries()) {
      const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId: tx.transactionId } });
      assert.equal(s.energyWh, 5 * (i + 1));
      assert.equal(s.lastSocPercent, 5);
    }
  });

  test("values for a stopped transaction stay attached to it and are recorded for review", async () => {
    await env.t.db.authToken.create({ data: { idTag: "LATE" } });
    const { client } = await bootedCharger(env, "CP-LATE");
    const { transactionId } = await client.call("StartTransaction", { connectorId: 1, idTag: "LATE", meterStart: 0, timestamp: iso() });
    await client.call("StopTransaction", { transactionId, meterStop: 900, timestamp: iso() });
    await client.call("MeterValues", { connectorId: 1, transactionId, meterValue: [{ timestamp: iso(), sampledValue: [{ value: "950" }] }] });
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId }, include: { meterReadings: true } });
    assert.equal(s.meterReadings.length, 1);
    assert.equal(s.energyWh, 900, "a late reading does not change a finished session");
    assert.equal(await env.t.db.ocppIncident.count({ where: { kind: "TRANSACTION_ALREADY_STOPPED", action: "MeterValues" } }), 1);
  });
});

describe("reservations", () => {
  test("a start carrying a booking's reservationId is linked to that booking", async () => {
    const user = await env.t.db.user.create({ data: { email: "d@x.test", passwordHash: "x", name: "D", referralCode: "D1" } });
    await env.t.db.authToken.create({ data: { idTag: "BOOKED", type: "APP", userId: user.id } });
    const { station, client } = await bootedCharger(env, "CP-BOOK");
    const connector = await env.t.db.connector.create({ data: { stationId: station.id, connectorId: 1, type: "TYPE2", maxPowerKw: 11 } });
    const booking = await env.t.db.booking.create({
      data: { userId: user.id, stationId: station.id, connectorId: connector.id, startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000), currency: "EUR", status: "CONFIRMED" },
    });
    const { transactionId } = await client.call("StartTransaction", { connectorId: 1, idTag: "BOOKED", meterStart: 0, timestamp: iso(), reservationId: booking.reservationId });
    const s = await env.t.db.chargingSession.findUniqueOrThrow({ where: { transactionId } });
    assert.equal(s.bookingId, booking.id);
    assert.equal(s.reservationId, booking.reservationId);
    assert.equal(s.userId, user.id);
  });
});
