// /api/events sends each browser only what it may see: connector status of
// public stations to anyone; status of private (garage) chargers, and meter
// values and session changes, only to the session's driver, the station's
// owner or garage admins, and platform admins.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { liveScope, mayReceive, type LiveScope } from "../../lib/live/event-access.ts";
import type { TRealtimeEvent } from "../../lib/realtime/events.ts";
import { garage, makeUser, mobileRequest, publicStation, session } from "./fixtures.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

const status = (stationId: string): TRealtimeEvent => ({ type: "connector_status", stationId, connectorId: 1, status: "CHARGING", errorCode: null, availability: "BUSY" });
const meter = (stationId: string, sessionId: string): TRealtimeEvent => ({ type: "meter", stationId, sessionId, energyWh: 1234, powerW: 11000, at: new Date().toISOString() });
const sessionEvent = (stationId: string, sessionId: string): TRealtimeEvent => ({ type: "session", stationId, sessionId, status: "ACTIVE", energyWh: 1234 });

async function world() {
  const owner = await makeUser(t.db, "OWNER");
  const otherOwner = await makeUser(t.db, "OWNER");
  const garageAdmin = await makeUser(t.db, "GARAGE_ADMIN");
  const otherGarageAdmin = await makeUser(t.db, "GARAGE_ADMIN");
  const driver = await makeUser(t.db, "DRIVER");
  const otherDriver = await makeUser(t.db, "DRIVER");
  const provider = await makeUser(t.db, "MOBILE_PROVIDER");
  const otherProvider = await makeUser(t.db, "MOBILE_PROVIDER");
  const admin = await makeUser(t.db, "ADMIN");
  const pub = await publicStation(t.db, owner.id);
  const g = await garage(t.db, garageAdmin.id);
  await garage(t.db, otherGarageAdmin.id);
  const driverSession = await session(t.db, { stationId: pub.id, userId: driver.id, status: "ACTIVE" });
  const renterSession = await session(t.db, { stationId: g.station.id, userId: null, renterId: g.renter.id, status: "ACTIVE" });
  const mobile = await mobileRequest(t.db, provider.id, driver.id);
  return { owner, otherOwner, garageAdmin, otherGarageAdmin, driver, otherDriver, provider, otherProvider, admin, pub, g, driverSession, renterSession, mobile };
}

type W = Awaited<ReturnType<typeof world>>;

/** What a browser asking for everything about these stations, sessions and requests would be sent. */
async function scopeFor(w: W, user: W["driver"] | null): Promise<LiveScope> {
  return liveScope(t.db, user, {
    stations: [w.pub.id, w.g.station.id],
    sessions: [w.driverSession.id, w.renterSession.id],
    mobile: [w.mobile.request.id],
  });
}

test("anyone sees a public station's connector status, but no meter values or session changes of others", async () => {
  const w = await world();
  for (const who of [null, w.otherDriver, w.otherOwner, w.otherGarageAdmin, w.provider]) {
    const s = await scopeFor(w, who);
    assert.equal(mayReceive(s, status(w.pub.id)), true, `${who?.role ?? "anonymous"} sees public status`);
    assert.equal(mayReceive(s, meter(w.pub.id, w.driverSession.id)), false, `${who?.role ?? "anonymous"} gets no meter values of another's session`);
    assert.equal(mayReceive(s, sessionEvent(w.pub.id, w.driverSession.id)), false);
    assert.equal(mayReceive(s, meter(w.g.station.id, w.renterSession.id)), false);
  }
});

test("a garage's private charger is invisible (status included) to everyone but its admins and platform admins", async () => {
  const w = await world();
  for (const who of [null, w.driver, w.otherDriver, w.owner, w.otherGarageAdmin]) {
    const s = await scopeFor(w, who);
    assert.equal(mayReceive(s, status(w.g.station.id)), false, `${who?.role ?? "anonymous"} must not see a garage charger's status`);
    assert.equal(mayReceive(s, { type: "station", stationId: w.g.station.id, isOnline: false, availability: "OFFLINE" }), false);
  }
  for (const who of [w.garageAdmin, w.admin]) {
    const s = await scopeFor(w, who);
    assert.equal(mayReceive(s, status(w.g.station.id)), true);
    assert.equal(mayReceive(s, meter(w.g.station.id, w.renterSession.id)), true, `${who.role} sees the renter's meter values`);
  }
});

test("without a list of stations nobody but an admin is sent every station's status", async () => {
  const w = await world();
  for (const who of [null, w.otherDriver]) {
    const s = await liveScope(t.db, who, { stations: [], sessions: [] });
    assert.equal(mayReceive(s, status(w.pub.id)), false);
    assert.equal(mayReceive(s, status(w.g.station.id)), false);
  }
  const s = await liveScope(t.db, w.admin, { stations: [], sessions: [] });
  assert.equal(mayReceive(s, status(w.g.station.id)), true);
});

test("meter values of a session go to its driver and the station's owner, not to another driver or owner", async () => {
  const w = await world();
  const mine = await scopeFor(w, w.driver);
  assert.equal(mayReceive(mine, meter(w.pub.id, w.driverSession.id)), true);
  assert.equal(mayReceive(mine, sessionEvent(w.pub.id, w.driverSession.id)), true);
  const owner = await scopeFor(w, w.owner);
  assert.equal(mayReceive(owner, meter(w.pub.id, w.driverSession.id)), true);
  // Asking for a session id is not enough: it must be the caller's.
  const other = await liveScope(t.db, w.otherDriver, { stations: [], sessions: [w.driverSession.id] });
  assert.equal(mayReceive(other, meter(w.pub.id, w.driverSession.id)), false);
  assert.equal(mayReceive(other, sessionEvent(w.pub.id, w.driverSession.id)), false);
  const anon = await liveScope(t.db, null, { stations: [w.pub.id], sessions: [w.driverSession.id] });
  assert.equal(mayReceive(anon, meter(w.pub.id, w.driverSession.id)), false);
});

test("a mobile request's van position goes to its driver and its provider only", async () => {
  const w = await world();
  const e: TRealtimeEvent = { type: "mobile", requestId: w.mobile.request.id, status: "EN_ROUTE", lat: 52.5, lng: 13.4, etaMinutes: 5 };
  assert.equal(mayReceive(await scopeFor(w, w.driver), e), true);
  assert.equal(mayReceive(await scopeFor(w, w.provider), e), true);
  for (const who of [null, w.otherDriver, w.otherProvider, w.owner]) assert.equal(mayReceive(await scopeFor(w, who), e), false, `${who?.role ?? "anonymous"} must not track the van`);
});
