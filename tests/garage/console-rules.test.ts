// Renters, spots and cards as a garage admin changes them, and what a
// charger's Authorize then answers (seed 001's rule, lib/charging/authorize-token.ts).
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { authorizeToken } from "../../lib/charging/authorize-token.ts";
import { issueCard, reassignCard, setCardStatus } from "../../lib/garage/cards.ts";
import { createRenter, listRenters, setRenterActive, updateRenter } from "../../lib/garage/renters.ts";
import { ZCardIssue, ZRenterFields, ZSpotFields } from "../../lib/garage/schemas.ts";
import { assignSpot, createSpot, updateSpot } from "../../lib/garage/spots.ts";
import { codeOf, errorOf, makeGarage, makeRenter, snapshot } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); });

test("a renter is created with validated contact details, edited, found by search, and audited", async () => {
  const { admin, site } = await makeGarage(t.db, "G");
  const input = ZRenterFields.parse({ siteId: site.id, name: "  Nina Neu ", contactEmail: "Nina@Example.COM", phoneNumber: "+49 30 123456" });
  const r = await createRenter(t.db, admin, input);
  assert.equal(r.name, "Nina Neu");
  assert.equal(r.contactEmail, "nina@example.com");
  await updateRenter(t.db, admin, { ...input, renterId: r.id, phoneNumber: undefined, name: "Nina Neumann" });
  const found = await listRenters(t.db, admin, { siteId: site.id, q: "neumann", page: 1 });
  assert.deepEqual(found.rows.map((x) => [x.name, x.phoneNumber]), [["Nina Neumann", null]]);
  const audit = await t.db.auditLog.findMany({ where: { entityId: r.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(audit.map((a) => a.action), ["GARAGE_RENTER_CREATE", "GARAGE_RENTER_UPDATE"]);
});

test("bad renter, spot and card input is refused field by field", () => {
  const site = "00000000-0000-4000-8000-000000000000";
  const r = ZRenterFields.safeParse({ siteId: site, name: "X", contactEmail: "not-an-email", phoneNumber: "12ab" });
  assert.equal(r.success, false);
  const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
  assert.deepEqual(fields, { name: "garage.err.nameRequired", contactEmail: "garage.err.emailInvalid", phoneNumber: "garage.err.phoneInvalid" });
  assert.equal(ZRenterFields.safeParse({ siteId: site, name: "Ok Name", contactEmail: "a@b.de", phoneNumber: "+" }).success, false);
  assert.equal(ZRenterFields.safeParse({ siteId: site, name: "Ok Name", contactEmail: "a@b.de", phoneNumber: "" }).success, true);
  const s = ZSpotFields.safeParse({ siteId: site, label: "  ", floorLevel: "" });
  assert.equal(s.error?.issues[0].message, "garage.err.labelInvalid");
  const c = ZCardIssue.safeParse({ siteId: site, renterId: site, idTag: "HAS SPACE", expiresAt: "31.12.2030" });
  assert.deepEqual(c.error?.issues.map((i) => i.message).sort(), ["garage.err.expiryInvalid", "garage.err.idTagInvalid"]);
  assert.equal(ZCardIssue.safeParse({ siteId: site, renterId: site, idTag: "X".repeat(21) }).error?.issues[0].message, "garage.err.idTagTooLong");
});

test("spot labels are unique per garage; a rented spot and an installed charger are refused with a clear reason", async () => {
  const { admin, site, stations } = await makeGarage(t.db, "G");
  const other = await makeGarage(t.db, "Other");
  const rita = await makeRenter(t.db, site.id, "Rita");
  const paul = await makeRenter(t.db, site.id, "Paul");
  const spot = await createSpot(t.db, admin, { siteId: site.id, label: "B2-101", floorLevel: "-2", renterId: rita.id, stationId: stations[0].id });
  // The same label in another garage is fine.
  await createSpot(t.db, other.admin, { siteId: other.site.id, label: "B2-101" });

  const before = await snapshot(t.db);
  const dup = await errorOf(() => createSpot(t.db, admin, { siteId: site.id, label: "b2-101" }));
  assert.equal(dup.code, "CONFLICT");
  assert.match(dup.message, /^garage\.err\.labelTaken\|B2-101$/);
  const charger = await errorOf(() => createSpot(t.db, admin, { siteId: site.id, label: "B2-102", stationId: stations[0].id }));
  assert.equal(charger.code, "CONFLICT");
  assert.equal(charger.message, `garage.err.chargerInstalled|${stations[0].ocppIdentity}|B2-101`);
  const taken = await errorOf(() => assignSpot(t.db, admin, { siteId: site.id, spotId: spot!.id, renterId: paul.id }));
  assert.equal(taken.message, "garage.err.spotTaken|B2-101|Rita");
  assert.equal(await codeOf(() => updateSpot(t.db, admin, { siteId: site.id, spotId: spot!.id, label: "B2-101", renterId: paul.id })), "CONFLICT");
  // Another garage's charger cannot be installed here.
  assert.equal(await codeOf(() => createSpot(t.db, admin, { siteId: site.id, label: "B2-103", stationId: other.stations[0].id })), "NOT_FOUND");
  assert.equal(await snapshot(t.db), before, "refusals changed nothing");

  // Released first, then assigned: allowed.
  await assignSpot(t.db, admin, { siteId: site.id, spotId: spot!.id });
  await assignSpot(t.db, admin, { siteId: site.id, spotId: spot!.id, renterId: paul.id });
  assert.equal((await t.db.parkingSpot.findUniqueOrThrow({ where: { id: spot!.id } })).renterId, paul.id);
});

test("cards: idTag unique (case-insensitive), block/unblock/expire/re-assign change the charger's next Authorize", async () => {
  const { admin, site, stations } = await makeGarage(t.db, "G");
  const rita = await makeRenter(t.db, site.id, "Rita");
  const paul = await makeRenter(t.db, site.id, "Paul");
  const auth = async (idTag: string) => (await authorizeToken(t.db, { idTag, stationId: stations[1].id })).status;

  const { card } = await issueCard(t.db, admin, { siteId: site.id, renterId: rita.id, idTag: "RFID-NEW-1", description: "Main" });
  assert.equal(await auth("RFID-NEW-1"), "ACCEPTED", "accepted at any charger of the garage");
  const before = await snapshot(t.db);
  const dup = await errorOf(() => issueCard(t.db, admin, { siteId: site.id, renterId: paul.id, idTag: "rfid-new-1" }));
  assert.equal(dup.code, "CONFLICT");
  assert.deepEqual(dup.fieldErrors, { idTag: ["garage.err.idTagTaken"] });
  assert.equal(await codeOf(() => issueCard(t.db, admin, { siteId: site.id, renterId: paul.id, idTag: "PAST", expiresAt: new Date(Date.now() - 1000) })), "INVALID_INPUT");
  assert.equal(await snapshot(t.db), before);

  await setCardStatus(t.db, admin, { siteId: site.id, cardId: card.id, status: "BLOCKED" });
  assert.equal(await auth("RFID-NEW-1"), "BLOCKED");
  assert.equal(await codeOf(() => setCardStatus(t.db, admin, { siteId: site.id, cardId: card.id, status: "BLOCKED" })), "CONFLICT");
  await setCardStatus(t.db, admin, { siteId: site.id, cardId: card.id, status: "ACCEPTED" });
  assert.equal(await auth("RFID-NEW-1"), "ACCEPTED");
  await setCardStatus(t.db, admin, { siteId: site.id, cardId: card.id, status: "EXPIRED" });
  assert.equal(await auth("RFID-NEW-1"), "EXPIRED");

  // An expiry date that passes makes the card Expired without anyone touching it.
  const dated = await issueCard(t.db, admin, { siteId: site.id, renterId: paul.id, idTag: "DATED", expiresAt: new Date(Date.now() + 60_000) });
  assert.equal((await authorizeToken(t.db, { idTag: "DATED", stationId: stations[0].id, now: new Date(Date.now() + 120_000) })).status, "EXPIRED");

  await reassignCard(t.db, admin, { siteId: site.id, cardId: dated.card.id, renterId: rita.id });
  assert.equal((await t.db.authToken.findUniqueOrThrow({ where: { id: dated.card.id } })).renterId, rita.id);
  assert.equal(await codeOf(() => reassignCard(t.db, admin, { siteId: site.id, cardId: dated.card.id, renterId: rita.id })), "CONFLICT");
  assert.equal(await auth("NEVER-ISSUED"), "INVALID");

  const actions = (await t.db.auditLog.findMany({ where: { entityType: "AuthToken" }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
  assert.deepEqual(actions, ["GARAGE_CARD_ISSUE", "GARAGE_CARD_BLOCK", "GARAGE_CARD_UNBLOCK", "GARAGE_CARD_EXPIRE", "GARAGE_CARD_ISSUE", "GARAGE_CARD_REASSIGN"]);
});

test("a deactivated renter keeps history, loses their spot, their cards answer Invalid; reactivation restores the cards", async () => {
  const { admin, site, stations } = await makeGarage(t.db, "G");
  const rita = await makeRenter(t.db, site.id, "Rita");
  await createSpot(t.db, admin, { siteId: site.id, label: "B2-101", renterId: rita.id, stationId: stations[0].id });
  await issueCard(t.db, admin, { siteId: site.id, renterId: rita.id, idTag: "RITA" });
  const res = await setRenterActive(t.db, admin, { siteId: site.id, renterId: rita.id, active: false });
  assert.deepEqual(res.releasedSpots, ["B2-101"]);
  assert.equal((await authorizeToken(t.db, { idTag: "RITA", stationId: stations[0].id })).status, "INVALID");
  assert.equal(await codeOf(() => issueCard(t.db, admin, { siteId: site.id, renterId: rita.id, idTag: "RITA-2" })), "CONFLICT");
  assert.equal((await listRenters(t.db, admin, { siteId: site.id, status: "inactive", page: 1 })).total, 1);
  await setRenterActive(t.db, admin, { siteId: site.id, renterId: rita.id, active: true });
  assert.equal((await authorizeToken(t.db, { idTag: "RITA", stationId: stations[0].id })).status, "ACCEPTED");
});

test("lists are paginated", async () => {
  const { admin, site } = await makeGarage(t.db, "G");
  for (let i = 0; i < 23; i++) await makeRenter(t.db, site.id, `Renter ${String(i).padStart(2, "0")}`);
  const p1 = await listRenters(t.db, admin, { siteId: site.id, page: 1 });
  const p2 = await listRenters(t.db, admin, { siteId: site.id, page: 2 });
  assert.equal(p1.rows.length, 20);
  assert.equal(p2.rows.length, 3);
  assert.equal(p1.pages, 2);
  assert.equal(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size, 23);
});
