// Stations of every kind: approve/suspend listings (owner notified), adopt
// pending chargers, OCPP commands (an offline charger answers at once), filters.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { adoptCharger, decideStation } from "../../lib/admin/manage-station.ts";
import { commandPayload, sendStationCommand, ZAdminCommand } from "../../lib/admin/station-command.ts";
import { listStations } from "../../lib/admin/stations.ts";
import { searchAudit, ZAuditFilter } from "../../lib/admin/audit-search.ts";
import { listNotifications } from "../../lib/notifications/inbox.ts";
import { auditRows, makeAdmin, makeUser } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); });

test("approve, suspend (with reason) and reinstate an owner's listing; wrong transitions refused; owner notified", async () => {
  const admin = await makeAdmin(t.db);
  const owner = await makeUser(t.db, "OWNER");
  const s = await t.db.station.create({ data: { name: "Dock 7", ownerId: owner.id, status: "PENDING_APPROVAL", lat: 1, lng: 2 } });
  await assert.rejects(decideStation(t.db, admin, { stationId: s.id, decision: "reinstate" }), /cannot be reinstated/);
  await decideStation(t.db, admin, { stationId: s.id, decision: "approve" });
  await assert.rejects(decideStation(t.db, admin, { stationId: s.id, decision: "suspend" }), /reason/);
  await decideStation(t.db, admin, { stationId: s.id, decision: "suspend", reason: "Unsafe wiring" });
  assert.equal((await t.db.station.findUniqueOrThrow({ where: { id: s.id } })).status, "SUSPENDED");
  await decideStation(t.db, admin, { stationId: s.id, decision: "reinstate" });
  assert.deepEqual((await auditRows(t.db)).map((r) => r.action), ["STATION_APPROVED", "STATION_SUSPENDED", "STATION_REINSTATED"]);
  const inbox = await listNotifications(t.db, owner.id);
  assert.deepEqual(inbox.rows.map((n) => n.message).reverse(), [
    "Your station Dock 7 was approved and is now listed.",
    "Your station Dock 7 was suspended: Unsafe wiring",
    "Your station Dock 7 is listed again.",
  ]);
});

test("a pending charger is adopted: accepted, active, placed and owned; adopting twice is refused", async () => {
  const admin = await makeAdmin(t.db);
  const owner = await makeUser(t.db, "OWNER");
  const s = await t.db.station.create({ data: { name: "CP-NEW-1", ocppIdentity: "CP-NEW-1", status: "PENDING_APPROVAL", registrationStatus: "PENDING", publish: false, lat: 0, lng: 0 } });
  assert.deepEqual((await listStations(t.db, { kind: "pending" })).rows.map((r) => r.id), [s.id]);
  await assert.rejects(adoptCharger(t.db, admin, { stationId: s.id, name: "Yard", lat: 52.1, lng: 13.2, ownerEmail: "nobody@x.example" }), /No station owner/);
  await adoptCharger(t.db, admin, { stationId: s.id, name: "Yard charger", lat: 52.1, lng: 13.2, ownerEmail: owner.email });
  const now = await t.db.station.findUniqueOrThrow({ where: { id: s.id } });
  assert.deepEqual([now.registrationStatus, now.status, now.publish, now.ownerId, now.name], ["ACCEPTED", "ACTIVE", true, owner.id, "Yard charger"]);
  await assert.rejects(adoptCharger(t.db, admin, { stationId: s.id, name: "Yard", lat: 1, lng: 1 }), /not waiting/);
  assert.equal((await auditRows(t.db, "CHARGER_ADOPTED")).length, 1);
  assert.equal((await listStations(t.db, { kind: "pending" })).total, 0);
});

test("OCPP command form fields become 1.6 payloads; a command to an offline charger comes back FAILED and is audited", async () => {
  const admin = await makeAdmin(t.db);
  const p = (x: Record<string, unknown>) => commandPayload(ZAdminCommand.parse({ stationId: "00000000-0000-4000-8000-000000000000", ...x }));
  assert.deepEqual(p({ action: "Reset", resetType: "Hard" }), { type: "Hard" });
  assert.deepEqual(p({ action: "UnlockConnector", connectorId: "2" }), { connectorId: 2 });
  assert.throws(() => p({ action: "UnlockConnector", connectorId: "" }), /connector to unlock/);
  assert.deepEqual(p({ action: "ChangeAvailability", connectorId: "0", availability: "Inoperative" }), { connectorId: 0, type: "Inoperative" });
  assert.deepEqual(p({ action: "TriggerMessage", requestedMessage: "StatusNotification", connectorId: "1" }), { requestedMessage: "StatusNotification", connectorId: 1 });
  assert.deepEqual(p({ action: "GetConfiguration", keys: "HeartbeatInterval, MeterValueSampleInterval" }), { key: ["HeartbeatInterval", "MeterValueSampleInterval"] });
  assert.deepEqual(p({ action: "GetConfiguration", keys: "" }), {});

  const s = await t.db.station.create({ data: { name: "CP-1", ocppIdentity: "CP-1", lat: 1, lng: 1, isOnline: false } });
  const out = await sendStationCommand(t.db, admin, { stationId: s.id, action: "Reset", resetType: "Soft" });
  assert.equal(out.status, "FAILED");
  assert.match(out.error!, /offline/);
  const [row] = await auditRows(t.db, "STATION_COMMAND_SENT");
  assert.equal((row.after as any).status, "FAILED");
  const listing = await t.db.station.create({ data: { name: "Listing", lat: 1, lng: 1 } });
  await assert.rejects(sendStationCommand(t.db, admin, { stationId: listing.id, action: "Reset" }), /not an OCPP charger/);
});

test("station filters: kind, status, owner, online", async () => {
  const owner = await makeUser(t.db, "OWNER");
  const site = await t.db.site.create({ data: { name: "G1" } });
  const op = await t.db.operator.create({ data: { name: "CPO" } });
  const a = await t.db.station.create({ data: { name: "Owned", ownerId: owner.id, status: "PENDING_APPROVAL", lat: 1, lng: 1 } });
  const b = await t.db.station.create({ data: { name: "Garage", siteId: site.id, ocppIdentity: "G-1", isOnline: true, lat: 1, lng: 1 } });
  const c = await t.db.station.create({ data: { name: "Imported", operatorId: op.id, externalId: "X", lat: 1, lng: 1 } });
  const ids = async (f: Parameters<typeof listStations>[1]) => (await listStations(t.db, f)).rows.map((r) => r.id).sort();
  assert.deepEqual(await ids({ kind: "owner" }), [a.id]);
  assert.deepEqual(await ids({ kind: "garage" }), [b.id]);
  assert.deepEqual(await ids({ kind: "operator" }), [c.id]);
  assert.deepEqual(await ids({ status: "PENDING_APPROVAL" }), [a.id]);
  assert.deepEqual(await ids({ ownerId: owner.id }), [a.id]);
  assert.deepEqual(await ids({ online: "yes" }), [b.id]);
  assert.deepEqual(await ids({ q: owner.email }), [a.id]);
});

test("audit search by actor e-mail, action, entity and date; append-only rows cannot be edited", async () => {
  const admin = await makeAdmin(t.db);
  const owner = await makeUser(t.db, "OWNER");
  const s = await t.db.station.create({ data: { name: "Dock", ownerId: owner.id, status: "PENDING_APPROVAL", lat: 1, lng: 1 } });
  await decideStation(t.db, admin, { stationId: s.id, decision: "approve" });
  await t.db.auditLog.create({ data: { action: "OTHER", entityType: "User", createdAt: new Date("2020-01-01T10:00:00Z") } });
  const email = (await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).email;
  const find = async (f: Record<string, unknown>) => (await searchAudit(t.db, ZAuditFilter.parse(f))).rows.map((r) => r.action);
  assert.deepEqual(await find({ actor: email.toUpperCase() }), ["STATION_APPROVED"]);
  assert.deepEqual(await find({ actor: admin.id }), ["STATION_APPROVED"]);
  assert.deepEqual(await find({ action: "approved" }), ["STATION_APPROVED"]);
  assert.deepEqual(await find({ entityType: "station", entityId: s.id }), ["STATION_APPROVED"]);
  assert.deepEqual(await find({ from: "2020-01-01", to: "2020-01-01" }), ["OTHER"]);
  assert.deepEqual(await find({ to: "2019-12-31" }), []);
  assert.deepEqual(await find({ from: "garbage", page: "-3" }), ["STATION_APPROVED", "OTHER"], "bad filters are ignored, not fatal");
  await assert.rejects(t.db.auditLog.updateMany({ data: { action: "TAMPERED" } }));
  await assert.rejects(t.db.auditLog.deleteMany({}));
});
