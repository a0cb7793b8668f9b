// The pure rules: who may charge, what the map shows, register-based energy.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { decideAuthorization } from "../../lib/charging/authorize-token.ts";
import { computeAvailability } from "../../lib/charging/availability.ts";
import { isClockSkewed } from "../../lib/charging/clock-skew.ts";
import { summarise } from "../../lib/charging/meter-readings.ts";
import type { AuthToken } from "../../lib/db/client.ts";

const now = new Date("2026-06-01T12:00:00Z");
const token = (over: Partial<AuthToken> = {}): AuthToken =>
  ({ id: "t", idTag: "A", type: "RFID", status: "ACCEPTED", expiresAt: null, parentIdTag: null, siteId: null, renterId: null, userId: null, description: null, createdAt: now, updatedAt: now, ...over }) as AuthToken;
const facts = (over: Partial<Parameters<typeof decideAuthorization>[0]> = {}) => ({
  token: token(),
  renterActive: null,
  parentStatus: null,
  stationSiteId: null,
  activeElsewhere: false,
  now,
  ...over,
});

describe("decideAuthorization (seed 001 rule)", () => {
  test("found and Accepted: Accepted; not found: Invalid", () => {
    assert.equal(decideAuthorization(facts()), "ACCEPTED");
    assert.equal(decideAuthorization(facts({ token: null })), "INVALID");
  });
  test("blocked, expired (by status or date), invalid", () => {
    assert.equal(decideAuthorization(facts({ token: token({ status: "BLOCKED" }) })), "BLOCKED");
    assert.equal(decideAuthorization(facts({ token: token({ status: "EXPIRED" }) })), "EXPIRED");
    assert.equal(decideAuthorization(facts({ token: token({ expiresAt: new Date("2026-06-01T11:59:59Z") }) })), "EXPIRED");
    assert.equal(decideAuthorization(facts({ token: token({ expiresAt: new Date("2026-06-02T00:00:00Z") }) })), "ACCEPTED");
    assert.equal(decideAuthorization(facts({ token: token({ status: "INVALID" }) })), "INVALID");
  });
  test("a past renter's card and another garage's card are Invalid; any charger of the card's garage accepts it", () => {
    assert.equal(decideAuthorization(facts({ renterActive: false })), "INVALID");
    assert.equal(decideAuthorization(facts({ token: token({ siteId: "g1" }), stationSiteId: "g2" })), "INVALID");
    assert.equal(decideAuthorization(facts({ token: token({ siteId: "g1" }), stationSiteId: "g1" })), "ACCEPTED");
  });
  test("a blocked parent blocks the card; a running transaction elsewhere is ConcurrentTx", () => {
    assert.equal(decideAuthorization(facts({ parentStatus: "BLOCKED" })), "BLOCKED");
    assert.equal(decideAuthorization(facts({ activeElsewhere: true })), "CONCURRENT_TX");
  });
});

describe("computeAvailability", () => {
  const c = (...s: string[]) => s.map((status) => ({ status: status as never }));
  test("offline wins; a faulted charger is out of order; any free connector makes it available", () => {
    assert.equal(computeAvailability({ isOnline: false, chargerStatus: null, connectors: c("AVAILABLE") }), "OFFLINE");
    assert.equal(computeAvailability({ isOnline: true, chargerStatus: "FAULTED", connectors: c("AVAILABLE") }), "OUT_OF_ORDER");
    assert.equal(computeAvailability({ isOnline: true, chargerStatus: null, connectors: c("CHARGING", "AVAILABLE") }), "AVAILABLE");
    assert.equal(computeAvailability({ isOnline: true, chargerStatus: null, connectors: c("CHARGING", "FAULTED") }), "BUSY");
    assert.equal(computeAvailability({ isOnline: true, chargerStatus: null, connectors: c("FAULTED", "UNAVAILABLE") }), "OUT_OF_ORDER");
    assert.equal(computeAvailability({ isOnline: true, chargerStatus: null, connectors: [] }), "UNKNOWN");
  });
});

describe("meter summaries and clock skew", () => {
  test("energy comes from the latest register, kWh converted; the phase-less value wins", () => {
    const t1 = new Date("2026-06-01T12:00:00Z");
    const t2 = new Date("2026-06-01T12:01:00Z");
    const s = summarise([
      { timestamp: t1, values: [{ value: "10.0", unit: "kWh" }] },
      { timestamp: t2, values: [{ value: "3000", measurand: "Power.Active.Import", unit: "W", phase: "L1" }, { value: "9", measurand: "Power.Active.Import", unit: "kW" }, { value: "10.5", unit: "kWh" }] },
    ]);
    assert.deepEqual(s, { registerWh: 10500, powerW: 9000, socPercent: null, at: t2 });
  });
  test("clock skew beyond the allowed window", () => {
    assert.equal(isClockSkewed(new Date(now.getTime() - 60_000), now), false);
    assert.equal(isClockSkewed(new Date("2001-01-01"), now), true);
    assert.equal(isClockSkewed(new Date(now.getTime() + 3_600_000), now), true);
  });
});
