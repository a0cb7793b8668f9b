// An admin of garage A reaches nothing of garage B: every read and every
// change answers "not found" (never "forbidden") and changes nothing.
// The server actions and the CSV route are thin wrappers over these functions.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, type TestDb } from "../helpers/db.ts";
import { loadBoard } from "../../lib/garage/board.ts";
import { issueCard, listCards, reassignCard, setCardStatus } from "../../lib/garage/cards.ts";
import { changeConfiguration, chargerDetails, runChargerCommand } from "../../lib/garage/charger.ts";
import { findSite } from "../../lib/garage/context.ts";
import { createRenter, listRenters, renterDetails, setRenterActive, updateRenter } from "../../lib/garage/renters.ts";
import { listSessions, sessionDetails } from "../../lib/garage/sessions.ts";
import { assignSpot, createSpot, getSpot, listSpots, updateSpot } from "../../lib/garage/spots.ts";
import { monthlyStatement, monthTotals } from "../../lib/garage/statement.ts";
import { errorOf, makeGarage, makeRenter, makeSession, makeUser, snapshot } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

test("garage A's admin cannot read or change anything of garage B", async () => {
  const a = await makeGarage(t.db, "Garage A");
  const b = await makeGarage(t.db, "Garage B");
  const aRenter = await makeRenter(t.db, a.site.id, "Anna A");
  const bRenter = await makeRenter(t.db, b.site.id, "Bert B");
  const bSpot = await createSpot(t.db, b.admin, { siteId: b.site.id, label: "B-1", renterId: bRenter.id, stationId: b.stations[0].id });
  const bCard = (await issueCard(t.db, b.admin, { siteId: b.site.id, renterId: bRenter.id, idTag: "BERT-1" })).card;
  const bSession = await makeSession(t.db, { stationId: b.stations[0].id, renterId: bRenter.id, tokenId: bCard.id, idTag: "BERT-1", spotId: bSpot!.id, startedAt: new Date(), energyWh: 1234 });
  const user = a.admin;
  const B = b.site.id, A = a.site.id;
  const month = new Date().toISOString().slice(0, 7);
  const before = await snapshot(t.db);

  const attempts: [string, () => Promise<unknown>][] = [
    // B's garage by its own id
    ["site", () => findSite(t.db, user, B)],
    ["board", () => loadBoard(t.db, user, B)],
    ["renters", () => listRenters(t.db, user, { siteId: B, page: 1 })],
    ["spots", () => listSpots(t.db, user, { siteId: B, page: 1 })],
    ["cards", () => listCards(t.db, user, { siteId: B, page: 1 })],
    ["sessions", () => listSessions(t.db, user, { siteId: B, page: 1 })],
    ["totals", () => monthTotals(t.db, user, { siteId: B, month })],
    ["renter page", () => renterDetails(t.db, user, B, bRenter.id)],
    ["spot page", () => getSpot(t.db, user, B, bSpot!.id)],
    ["session page", () => sessionDetails(t.db, user, B, bSession.id)],
    ["charger page", () => chargerDetails(t.db, user, B, b.stations[0].id)],
    ["statement", () => monthlyStatement(t.db, user, { siteId: B, renterId: bRenter.id, month })],
    ["create renter", () => createRenter(t.db, user, { siteId: B, name: "Intruder", contactEmail: "x@y.de" })],
    ["update renter", () => updateRenter(t.db, user, { siteId: B, renterId: bRenter.id, name: "Hacked", contactEmail: "x@y.de" })],
    ["deactivate renter", () => setRenterActive(t.db, user, { siteId: B, renterId: bRenter.id, active: false })],
    ["create spot", () => createSpot(t.db, user, { siteId: B, label: "X" })],
    ["update spot", () => updateSpot(t.db, user, { siteId: B, spotId: bSpot!.id, label: "X" })],
    ["assign spot", () => assignSpot(t.db, user, { siteId: B, spotId: bSpot!.id })],
    ["issue card", () => issueCard(t.db, user, { siteId: B, renterId: bRenter.id, idTag: "INTRUDER" })],
    ["block card", () => setCardStatus(t.db, user, { siteId: B, cardId: bCard.id, status: "BLOCKED" })],
    ["reassign card", () => reassignCard(t.db, user, { siteId: B, cardId: bCard.id, renterId: bRenter.id })],
    ["remote command", () => runChargerCommand(t.db, user, { siteId: B, stationId: b.stations[0].id, command: "hardReset", connectorId: 0 })],
    ["change config", () => changeConfiguration(t.db, user, { siteId: B, stationId: b.stations[0].id, key: "HeartbeatInterval", value: "5" })],
    // B's rows smuggled in under A's garage id
    ["B renter via A", () => renterDetails(t.db, user, A, bRenter.id)],
    ["B spot via A", () => updateSpot(t.db, user, { siteId: A, spotId: bSpot!.id, label: "X" })],
    ["B card via A", () => setCardStatus(t.db, user, { siteId: A, cardId: bCard.id, status: "BLOCKED" })],
    ["B card to A renter", () => reassignCard(t.db, user, { siteId: A, cardId: bCard.id, renterId: aRenter.id })],
    ["A card to B renter", () => issueCard(t.db, user, { siteId: A, renterId: bRenter.id, idTag: "CROSS" })],
    ["B session via A", () => sessionDetails(t.db, user, A, bSession.id)],
    ["B charger via A", () => chargerDetails(t.db, user, A, b.stations[0].id)],
    ["B charger command via A", () => runChargerCommand(t.db, user, { siteId: A, stationId: b.stations[0].id, command: "unlock", connectorId: 1 })],
    ["B charger into A spot", () => createSpot(t.db, user, { siteId: A, label: "A-9", stationId: b.stations[0].id })],
    ["B renter into A spot", () => createSpot(t.db, user, { siteId: A, label: "A-8", renterId: bRenter.id })],
    ["B statement via A", () => monthlyStatement(t.db, user, { siteId: A, renterId: bRenter.id, month })],
  ];
  for (const [what, run] of attempts) {
    const err = await errorOf(run);
    assert.equal(err.code, "NOT_FOUND", `${what}: expected NOT_FOUND, got ${err.code} ${err.message}`);
  }
  assert.equal(await snapshot(t.db), before, "nothing of B (or A) changed");
  // Filters naming B's rows inside A's garage find nothing.
  const leak = await listSessions(t.db, user, { siteId: A, renterId: bRenter.id, cardId: bCard.id, spotId: bSpot!.id, page: 1 });
  assert.equal(leak.total, 0);
  assert.equal((await listSessions(t.db, user, { siteId: A, page: 1 })).total, 0);
  // B's own admin and a platform admin do see it; a driver sees nothing.
  assert.equal((await listSessions(t.db, b.admin, { siteId: B, page: 1 })).total, 1);
  assert.equal((await listSessions(t.db, await makeUser(t.db, "ADMIN"), { siteId: B, page: 1 })).total, 1);
  const driver = await makeUser(t.db, "DRIVER");
  assert.equal((await errorOf(() => findSite(t.db, driver, B))).code, "NOT_FOUND");
});
