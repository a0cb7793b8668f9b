// The garage console in a browser, against the real web app, OCPP server and
// database: a garage admin sets up a renter, spot and card; a simulated charger
// (real OCPP client) charges with it; the board, history and statement follow.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { type Page } from "@playwright/test";
import { expect, test } from "./helpers/test.ts";
import { DEMO_PASSWORD } from "../lib/seed/demo-accounts.ts";
import { SimulatedCharger } from "../lib/sim/index.ts";
import { signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";

const OCPP_URL = process.env.E2E_OCPP_URL ?? "ws://127.0.0.1:9000/ocpp";
const CHARGER_PASSWORD = "e2e-garage-charger";
const ADMIN_A = "garage@chargeway.test";

async function demoGarage() {
  return testDb().site.findFirstOrThrow({ where: { name: "Central Garage Berlin" }, select: { id: true, timeZone: true, energyPricePerKwhMinor: true } });
}

/** A new charger of the garage, not yet installed at any spot. */
async function newCharger(siteId: string) {
  const identity = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  const station = await testDb().station.create({
    data: {
      name: identity, siteId, lat: 52.52, lng: 13.388, publish: false, ocppIdentity: identity, ocppPasswordHash: bcrypt.hashSync(CHARGER_PASSWORD, 4),
      connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 11 } },
    },
  });
  return { identity, station };
}

async function signInAs(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/garage$/);
}

const kwh = (wh: number) => `${(wh / 1000).toFixed(3)} kWh`;

test.describe("garage console", () => {
  test("renter, spot and card set up in the browser; a charger charges; board, history and statement show the metered energy; blocking answers Blocked", async ({ page }) => {
    test.setTimeout(120_000);
    const garage = await demoGarage();
    const { identity } = await newCharger(garage.id);
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const renterName = `Erika E2E ${tag}`;
    const label = `E2E-${tag}`;
    const idTag = `E2E-${tag}`;
    await signInAs(page, ADMIN_A);
    await page.getByTestId("open-garage").first().click();
    await expect(page.getByTestId("board-title")).toBeVisible();

    // Renter
    await page.goto(`/garage/${garage.id}/renters`);
    const create = page.getByTestId("create-renter");
    await create.getByLabel("Full name").fill(renterName);
    await create.getByLabel("Contact e-mail").fill(`erika-${tag}@example.com`);
    await create.getByLabel("Phone (optional)").fill("+49 30 5551234");
    await create.getByRole("button", { name: "Add renter" }).click();
    await expect(page.getByTestId("renter-title")).toHaveText(renterName);
    const renterUrl = page.url();

    // Spot with this renter and the new charger
    await page.goto(`/garage/${garage.id}/spots`);
    const spotForm = page.getByTestId("create-spot");
    await spotForm.getByLabel("Label").fill(label);
    await spotForm.getByLabel("Floor (optional)").fill("Level -3");
    await spotForm.getByLabel("Renter").selectOption({ label: renterName });
    await spotForm.getByLabel("Charger").selectOption({ label: identity });
    await spotForm.getByRole("button", { name: "Add spot" }).click();
    await expect(spotForm.getByTestId("form-success")).toHaveText("Spot added.");
    await expect(page.locator(`[data-testid=spot-row][data-label="${label}"]`)).toContainText(renterName);

    // Card
    await page.goto(renterUrl);
    const cardForm = page.getByTestId("issue-card");
    await cardForm.getByLabel("Card ID (idTag)").fill(idTag);
    await cardForm.getByLabel("Description (optional)").fill("Main driver");
    await cardForm.getByRole("button", { name: "Issue card" }).click();
    await expect(cardForm.getByTestId("form-success")).toContainText("Card issued.");
    await expect(page.locator(`[data-testid=card-row][data-idtag="${idTag}"]`).getByTestId("card-status")).toHaveText("Accepted");

    // The board is open while the charger charges: no reload from here on.
    await page.goto(`/garage/${garage.id}`);
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const tile = page.locator(`[data-testid=board-spot][data-spot="${label}"]`);
    await expect(tile.getByTestId("board-renter")).toHaveText(renterName);
    await expect(tile.getByTestId("board-connection")).toHaveText("Offline");

    const sim = new SimulatedCharger({ url: OCPP_URL, identity, password: CHARGER_PASSWORD, powerW: 50_000, meterIntervalMs: 60_000, heartbeatIntervalMs: 60_000 });
    try {
      await sim.connect();
      await expect(tile.getByTestId("board-connection")).toHaveText("Online");
      expect((await sim.authorize(idTag)).status).toBe("Accepted");
      const started = await sim.startTransaction(1, idTag);
      expect(started.idTagInfo.status).toBe("Accepted");
      const meterStart = sim.connector(1).transaction!.meterStartWh;
      await expect(tile.getByTestId("board-connector-status")).toHaveText("Charging");
      await expect(tile.getByTestId("board-session")).toBeVisible();
      await page.waitForTimeout(600);
      await sim.sendMeterValues(1);
      const live = kwh(sim.connector(1).meter.registerWh - meterStart);
      await expect(tile.getByTestId("board-energy")).toHaveText(live);
      await expect(tile.getByTestId("board-power")).not.toHaveText("—");
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

      const stop = await sim.stopTransaction("Local", 1);
      const metered = stop!.meterStopWh - meterStart;
      expect(metered).toBeGreaterThan(0);
      await expect(tile.getByTestId("board-session")).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

      // History and statement show exactly what the charger metered.
      await page.goto(renterUrl);
      await expect(page.getByTestId("renter-history").getByTestId("session-energy").first()).toHaveText(kwh(metered));
      await page.getByTestId("renter-statement-link").click();
      await expect(page.getByTestId("statement-renter")).toHaveText(renterName);
      await expect(page.getByTestId("statement-line-energy")).toHaveText([kwh(metered)]);
      await expect(page.getByTestId("statement-total-energy")).toHaveText(kwh(metered));
      const csvHref = await page.getByTestId("statement-csv").getAttribute("href");
      const csv = await page.request.get(csvHref!);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toContain("text/csv");
      const csvText = await csv.text();
      expect(csvText).toContain(`"${(metered / 1000).toFixed(3)}"`);
      expect(csvText).toContain(`"TOTAL"`);

      // Block the card: the charger's next Authorize answers Blocked.
      await page.goto(renterUrl);
      const row = page.locator(`[data-testid=card-row][data-idtag="${idTag}"]`);
      await row.getByTestId("card-block").click();
      await expect(row.getByTestId("card-block-result")).toContainText("Card updated.");
      await expect(row.getByTestId("card-status")).toHaveText("Blocked");
      expect((await sim.authorize(idTag)).status).toBe("Blocked");
      expect(sim.localList.entries.get(idTag)).toEqual({ status: "Blocked" });

      // The session's meter readings as a chart.
      await page.getByTestId("renter-history").getByTestId("session-row").first().getByRole("link").click();
      await expect(page.getByTestId("session-detail-energy")).toHaveText(kwh(metered));
      await expect(page.getByTestId("meter-chart").getByTestId("chart-energy")).toBeVisible();

      // The charger page: boot history with the address it came from, configuration, remote actions with the answer.
      await page.getByRole("link", { name: identity }).click();
      await expect(page.getByTestId("charger-title")).toContainText(identity);
      await expect(page.getByTestId("boot-ip").first()).toHaveText(/127\.0\.0\.1/);
      await expect(page.getByTestId("status-row").first()).toBeVisible();
      await page.getByTestId("cmd-fetchConfiguration").click();
      await expect(page.getByTestId("cmd-fetchConfiguration-result")).toContainText("GetConfiguration: the charger answered");
      await expect(page.locator("[data-testid=config-row][data-key=HeartbeatInterval]")).toBeVisible();
      const change = page.getByTestId("change-config");
      await change.getByLabel("Key").selectOption("HeartbeatInterval");
      await change.getByLabel("Value").fill("90");
      await change.getByRole("button", { name: "Send to charger" }).click();
      await expect(change.getByTestId("form-success")).toHaveText("ChangeConfiguration: the charger answered Accepted");
      await expect(page.locator("[data-testid=config-row][data-key=HeartbeatInterval]").getByTestId("config-value")).toHaveText("90");
      expect(sim.configuration.get("HeartbeatInterval")?.value).toBe("90");
      await page.getByTestId("cmd-unlock-1").click();
      await expect(page.getByTestId("cmd-unlock-1-result")).toHaveText("UnlockConnector: the charger answered Unlocked");
      await page.getByTestId("cmd-stopTransaction-1").click();
      await expect(page.getByTestId("cmd-stopTransaction-1-result")).toHaveText("No transaction is running on this charger.");
    } finally {
      await sim.close();
    }
  });

  test("bad input on every form gets a clear message and changes nothing", async ({ page }) => {
    const garage = await demoGarage();
    const db = testDb();
    const tag = randomUUID().slice(0, 6).toUpperCase();
    await signInAs(page, ADMIN_A);
    // What the refused submissions below would have created, had they not been refused.
    const created = async () => ({
      renters: await db.renter.count({ where: { OR: [{ contactEmail: { in: ["not-an-email", "rita@"] } }, { name: "X" }] } }),
      spots: await db.parkingSpot.count({ where: { siteId: garage.id, label: { in: ["b2-101", "#?!", `NEW-${tag}`] } } }),
      cards: await db.authToken.count({ where: { idTag: { in: ["rfid-rita-01", "HAS SPACE", "X".repeat(21), `OK-${tag}`] } } }),
    });

    await page.goto(`/garage/${garage.id}/renters`);
    const create = page.getByTestId("create-renter");
    await create.getByLabel("Full name").fill("X");
    await create.getByLabel("Contact e-mail").fill("not-an-email");
    await create.getByLabel("Phone (optional)").fill("call me");
    await create.getByRole("button", { name: "Add renter" }).click();
    await expect(create.getByTestId("form-error")).toHaveText("Please correct the highlighted fields.");
    await expect(create.getByText("Enter the renter's full name (at least 2 characters).")).toBeVisible();
    await expect(create.getByText("Enter a valid e-mail address, e.g. name@example.com.")).toBeVisible();
    await expect(create.getByText("Enter a phone number of digits (at least 6), optionally starting with +.")).toBeVisible();

    // Edit: the demo renter's e-mail cannot be broken.
    const rita = await db.renter.findFirstOrThrow({ where: { siteId: garage.id, name: "Rita Renter" } });
    await page.goto(`/garage/${garage.id}/renters/${rita.id}`);
    const edit = page.getByTestId("edit-renter");
    await edit.getByLabel("Contact e-mail").fill("rita@");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit.getByText("Enter a valid e-mail address, e.g. name@example.com.")).toBeVisible();
    expect((await db.renter.findUniqueOrThrow({ where: { id: rita.id } })).contactEmail).toBe(rita.contactEmail);

    // Cards: a duplicate idTag (any case), spaces, too long, an expiry in the past.
    const card = page.getByTestId("issue-card");
    for (const [value, message] of [
      ["rfid-rita-01", "A card with this ID is already issued. Card IDs are unique."],
      ["HAS SPACE", "Enter the card ID: letters, digits and symbols, without spaces."],
      ["X".repeat(21), "A card ID has at most 20 characters (OCPP)."],
    ]) {
      await card.getByLabel("Card ID (idTag)").fill(value);
      await card.getByRole("button", { name: "Issue card" }).click();
      await expect(card.getByTestId("field-error")).toHaveText(message);
    }
    await card.getByLabel("Card ID (idTag)").fill(`OK-${tag}`);
    await card.getByLabel("Valid until (optional)").fill("2020-01-01");
    await card.getByRole("button", { name: "Issue card" }).click();
    await expect(card.getByTestId("field-error")).toHaveText("The expiry date must be in the future.");

    const ritaSpot = await db.parkingSpot.findFirstOrThrow({ where: { siteId: garage.id, renterId: rita.id } });

    // Spots: a taken label, an invalid label, a charger installed elsewhere, a rented spot.
    await page.goto(`/garage/${garage.id}/spots`);
    const spot = page.getByTestId("create-spot");
    await spot.getByLabel("Label").fill("b2-101");
    await spot.getByRole("button", { name: "Add spot" }).click();
    await expect(spot.getByTestId("form-error")).toHaveText(/The label B2-101 is already used by another spot in this garage\./);
    await spot.getByLabel("Label").fill("#?!");
    await spot.getByRole("button", { name: "Add spot" }).click();
    await expect(spot.getByTestId("field-error")).toHaveText(/Enter a label of letters, digits/);
    await spot.getByLabel("Label").fill(`NEW-${tag}`);
    await spot.getByLabel("Charger").selectOption({ label: "DEMO-GARAGE-01 (at B2-101)" });
    await spot.getByRole("button", { name: "Add spot" }).click();
    await expect(spot.getByTestId("form-error")).toHaveText("Charger DEMO-GARAGE-01 is already installed at spot B2-101. Remove it there first.");

    await page.goto(`/garage/${garage.id}/spots/${ritaSpot.id}`);
    const editSpot = page.getByTestId("edit-spot");
    await editSpot.getByLabel("Renter").selectOption({ label: "Paul Parker" });
    await editSpot.getByRole("button", { name: "Save" }).click();
    await expect(editSpot.getByTestId("form-error")).toHaveText(`Spot ${ritaSpot.label} is already rented by Rita Renter. Release it first.`);
    expect((await db.parkingSpot.findUniqueOrThrow({ where: { id: ritaSpot.id } })).renterId).toBe(rita.id);

    // Charger page of a charger that never connected: configuration input, then the offline refusal.
    const { station: charger, identity: offlineId } = await newCharger(garage.id);
    const commandsBefore = await db.ocppCommand.count({ where: { stationId: charger.id } });
    await page.goto(`/garage/${garage.id}/chargers/${charger.id}`);
    const config = page.getByTestId("change-config");
    await config.getByRole("button", { name: "Send to charger" }).click();
    await expect(config.getByTestId("field-error")).toHaveText("Enter a configuration key (up to 50 characters).");
    await config.getByLabel("Key").fill("HeartbeatInterval");
    await config.getByLabel("Value").fill("9".repeat(501));
    await config.getByRole("button", { name: "Send to charger" }).click();
    await expect(config.getByTestId("field-error")).toHaveText("A value has at most 500 characters.");
    await config.getByLabel("Value").fill("60");
    await config.getByRole("button", { name: "Send to charger" }).click();
    await expect(config.getByTestId("form-error")).toHaveText(`Charger ${offlineId} is offline, so it cannot answer. Try again when it is connected.`);
    await page.getByTestId("cmd-softReset").click();
    await expect(page.getByTestId("cmd-softReset-result")).toHaveText(/is offline/);
    expect(await db.ocppCommand.count({ where: { stationId: charger.id } })).toBe(commandsBefore);

    expect(await created()).toEqual({ renters: 0, spots: 0, cards: 0 });
  });

  test("an admin of another garage gets 'not found' for every page, action and CSV of this one", async ({ page }) => {
    const db = testDb();
    const b = await demoGarage();
    const bRenter = await db.renter.findFirstOrThrow({ where: { siteId: b.id, name: "Rita Renter" } });
    const bSpot = await db.parkingSpot.findFirstOrThrow({ where: { siteId: b.id, renterId: bRenter.id }, include: { station: true } });
    const bCard = await db.authToken.findFirstOrThrow({ where: { idTag: "RFID-RITA-01" } });
    const bSession = await db.chargingSession.create({
      data: { stationId: bSpot.stationId!, connectorNumber: 1, renterId: bRenter.id, idTag: bCard.idTag, status: "COMPLETED", startedAt: new Date(), endedAt: new Date(), meterStartWh: 0n, meterStopWh: 10n, energyWh: 10 },
    });

    // Garage A with its own admin, renter and card, made for this test.
    const email = uniqueEmail("garage-a");
    const adminA = await db.user.create({ data: { email, name: "Adam A", role: "GARAGE_ADMIN", passwordHash: bcrypt.hashSync(DEMO_PASSWORD, 4), referralCode: `GA${randomUUID().slice(0, 10)}` } });
    const a = await db.site.create({ data: { name: `Garage A ${adminA.id.slice(0, 4)}`, kind: "GARAGE", admins: { create: { userId: adminA.id } } } });
    const aRenter = await db.renter.create({ data: { siteId: a.id, name: "Anna A", contactEmail: "anna@example.com" } });
    await db.authToken.create({ data: { idTag: `A-${randomUUID().slice(0, 8)}`, siteId: a.id, renterId: aRenter.id } });
    await db.parkingSpot.create({ data: { siteId: a.id, label: "A-1" } });
    const before = JSON.stringify(await db.authToken.findUniqueOrThrow({ where: { id: bCard.id } })) + JSON.stringify(await db.parkingSpot.findUniqueOrThrow({ where: { id: bSpot.id } }));

    await signInAs(page, email);
    await expect(page.getByTestId("garage-home")).not.toContainText("Central Garage Berlin");
    const month = new Date().toISOString().slice(0, 7);
    for (const path of [
      `/garage/${b.id}`, `/garage/${b.id}/renters`, `/garage/${b.id}/spots`, `/garage/${b.id}/cards`, `/garage/${b.id}/sessions`, `/garage/${b.id}/statements`,
      `/garage/${b.id}/renters/${bRenter.id}`, `/garage/${b.id}/spots/${bSpot.id}`, `/garage/${b.id}/chargers/${bSpot.stationId}`,
      `/garage/${b.id}/sessions/${bSession.id}`, `/garage/${b.id}/statements/${bRenter.id}?month=${month}`,
      // B's rows under A's own garage id
      `/garage/${a.id}/renters/${bRenter.id}`, `/garage/${a.id}/spots/${bSpot.id}`, `/garage/${a.id}/chargers/${bSpot.stationId}`,
      `/garage/${a.id}/sessions/${bSession.id}`, `/garage/${a.id}/statements/${bRenter.id}?month=${month}`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
    }
    for (const path of [`/garage/${b.id}/statements/${bRenter.id}/csv?month=${month}`, `/garage/${a.id}/statements/${bRenter.id}/csv?month=${month}`]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(404);
      expect(await res.text()).not.toContain("Rita");
    }
    // A's own CSV works, so the 404s above are not a broken route.
    expect((await page.request.get(`/garage/${a.id}/statements/${aRenter.id}/csv?month=${month}`)).status()).toBe(200);
    // A's session filter naming B's renter shows nothing of B.
    await page.goto(`/garage/${a.id}/sessions?renterId=${bRenter.id}`);
    await expect(page.getByTestId("sessions-table")).toHaveCount(0);

    // Actions: A's own forms, with B's ids put into them, answer "not found" and change nothing.
    await page.goto(`/garage/${a.id}/renters/${aRenter.id}`);
    const cardRow = page.getByTestId("card-row").first();
    await cardRow.locator("select").evaluate((el, id) => { (el as HTMLSelectElement).options[0].value = id; }, bRenter.id);
    await cardRow.getByRole("button", { name: "Re-assign" }).click();
    await expect(cardRow.getByTestId("form-error")).toHaveText(/^Not found\./);
    const assign = page.getByTestId("assign-spot");
    await assign.locator("select").evaluate((el, id) => { (el as HTMLSelectElement).options[0].value = id; }, bSpot.id);
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(assign.getByTestId("form-error")).toHaveText(/^Not found\./);
    const after = JSON.stringify(await db.authToken.findUniqueOrThrow({ where: { id: bCard.id } })) + JSON.stringify(await db.parkingSpot.findUniqueOrThrow({ where: { id: bSpot.id } }));
    expect(after).toBe(before);
    await db.chargingSession.delete({ where: { id: bSession.id } });
  });

  test("the console works at 390 px and in Russian @mobile", async ({ page }) => {
    const garage = await demoGarage();
    // Its own co-admin: switching language saves the user's preference, which must not leak into other tests.
    const email = uniqueEmail("garage-ru");
    await testDb().user.create({
      data: { email, name: "Rus Admin", role: "GARAGE_ADMIN", passwordHash: bcrypt.hashSync(DEMO_PASSWORD, 4), referralCode: `RU${randomUUID().slice(0, 10)}`, adminOfSites: { create: { siteId: garage.id } } },
    });
    await signInAs(page, email);
    for (const path of ["", "/renters", "/spots", "/cards", "/sessions", "/statements"]) {
      await page.goto(`/garage/${garage.id}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path || "/"} scrolls sideways`).toBeLessThanOrEqual(1);
    }
    await page.goto(`/garage/${garage.id}`);
    await page.getByTestId("language-switcher").selectOption("ru");
    await expect(page.getByTestId("board-title")).toHaveText("Онлайн-табло");
    await page.goto(`/garage/${garage.id}/renters`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Арендаторы");
  });
});
