// The map in a browser against the real stack: filters narrow pins and list
// rows exactly; a driver opens a station, favourites it with an alias, reviews
// it after a completed session and switches to Russian; a charger's status
// change recolours its pin without a reload.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, test, type Page } from "@playwright/test";
import { SimulatedCharger } from "../lib/sim/index.ts";
import { signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";

const OCPP_URL = process.env.E2E_OCPP_URL ?? "ws://127.0.0.1:9000/ocpp";
type Plug = { type: "CCS" | "TYPE2" | "CHADEMO"; kw: number; status: "AVAILABLE" | "CHARGING" };

/** A spot in the open ocean that no other test (or the demo data) uses. */
function randomPlace() {
  return { lat: -40 + Math.random() * 20, lng: -150 + Math.random() * 20 };
}

async function makeStation(name: string, lat: number, lng: number, plugs: Plug[], extra: Record<string, unknown> = {}) {
  return testDb().station.create({
    data: {
      name, lat, lng, status: "ACTIVE", publish: true, timeZone: "Europe/Berlin", address: "Harbour Road 1", city: "Testville",
      plugTypes: [...new Set(plugs.map((p) => p.type))], maxPowerKw: Math.max(...plugs.map((p) => p.kw)),
      availability: plugs.some((p) => p.status === "AVAILABLE") ? "AVAILABLE" : "BUSY", currency: "EUR", pricePerKwhMinor: 45,
      connectors: { create: plugs.map((p, i) => ({ connectorId: i + 1, type: p.type, powerType: p.type === "TYPE2" ? "AC_3_PHASE" : "DC", maxPowerKw: p.kw, status: p.status })) },
      ...extra,
    },
    include: { connectors: true },
  });
}

const mapUrl = (lat: number, lng: number, zoom = 16) => `/?bbox=${lng - 0.01},${lat - 0.01},${lng + 0.01},${lat + 0.01}&zoom=${zoom}`;
const pinNames = (page: Page) => page.locator("[data-testid=map-pin]").evaluateAll((els) => els.map((e) => e.getAttribute("data-name")).sort());

async function showList(page: Page) {
  const toggle = page.getByRole("button", { name: /^(List|Список)$/ });
  if (await toggle.isVisible()) await toggle.click();
}

async function newDriver() {
  const email = uniqueEmail("map-driver");
  const password = "driver-pass-123";
  const user = await testDb().user.create({
    data: { email, name: "Mara Mapper", passwordHash: bcrypt.hashSync(password, 4), referralCode: `M${randomUUID().slice(0, 8)}`, settings: { create: { preferredLanguage: "en" } } },
  });
  return { user, email, password };
}

test.describe("map @mobile", () => {
  test("filter to CCS >= 50 kW available now shows only matching pins and rows; open it, favourite with an alias, review after a completed session, switch to Russian @mobile", async ({ page }) => {
    test.setTimeout(120_000);
    const tag = randomUUID().slice(0, 6);
    const { lat, lng } = randomPlace();
    const d = 0.002;
    const match = await makeStation(`Match CCS150 ${tag}`, lat, lng, [{ type: "CCS", kw: 150, status: "AVAILABLE" }]);
    await makeStation(`Slow CCS22 ${tag}`, lat + d, lng, [{ type: "CCS", kw: 22, status: "AVAILABLE" }]);
    await makeStation(`Busy CCS150 ${tag}`, lat - d, lng, [{ type: "CCS", kw: 150, status: "CHARGING" }]);
    // Available (Type 2) and has a CCS 50 kW, but that CCS is busy: no single connector matches.
    await makeStation(`Mixed ${tag}`, lat, lng + d, [{ type: "TYPE2", kw: 22, status: "AVAILABLE" }, { type: "CCS", kw: 50, status: "CHARGING" }]);
    await makeStation(`Chademo ${tag}`, lat, lng - d, [{ type: "CHADEMO", kw: 100, status: "AVAILABLE" }]);
    const { user, email, password } = await newDriver();

    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto(mapUrl(lat, lng));
    await expect(page.locator("[data-testid=map-pin]")).toHaveCount(5);
    await expect(page.getByTestId("result-count")).toHaveText(/5 stations in this area/);

    await page.getByTestId("filters-toggle").click();
    const panel = page.getByTestId("filter-panel");
    await panel.getByLabel("CCS", { exact: true }).check();
    await panel.getByLabel("Minimum power").selectOption("50");
    await panel.getByLabel("Available now").check();
    await expect(page.getByTestId("result-count")).toHaveText(/^1 station in this area/);
    expect(await pinNames(page)).toEqual([match.name]);
    // The filters are in the URL, so the view can be shared.
    await expect(page).toHaveURL(/connectors=CCS/);
    await expect(page).toHaveURL(/minPowerKw=50/);
    await expect(page).toHaveURL(/availableNow=1/);
    const closeSheet = panel.getByRole("button", { name: /Show 1 stations|Done/ });
    if (await closeSheet.isVisible()) await closeSheet.click();

    await showList(page);
    const rows = page.getByTestId("list-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-name", match.name);

    // A shared link opens the same filtered view.
    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(other.locator("[data-testid=map-pin]")).toHaveCount(1);
    await other.close();

    // Open the station.
    await rows.first().getByRole("link", { name: match.name }).click();
    await expect(page.getByTestId("station-name")).toHaveText(match.name);
    await expect(page.getByTestId("connector")).toHaveCount(1);
    await expect(page.getByTestId("connector-status")).toHaveText("Available");
    await expect(page.getByTestId("connectors")).toContainText("€0.45/kWh");
    await expect(page.getByTestId("directions")).toHaveAttribute("href", /openstreetmap\.org\/directions/);

    // Favourite with an alias.
    await page.getByLabel("Your name for this station (optional)").fill("Harbour fast one");
    await page.getByRole("button", { name: "Add to favourites" }).click();
    await expect(page.getByTestId("favorite-state")).toHaveText(/In your favourites as “Harbour fast one”/);
    await expect(page.getByTestId("review-not-eligible")).toBeVisible();

    // After a completed session the driver may review it.
    await testDb().chargingSession.create({
      data: { userId: user.id, stationId: match.id, connectorId: match.connectors[0].id, connectorNumber: 1, connectorType: "CCS", status: "COMPLETED",
        startedAt: new Date(Date.now() - 3600_000), endedAt: new Date(Date.now() - 1800_000), energyWh: 24_500, costMinor: 1103, currency: "EUR" },
    });
    await page.reload();
    const review = page.getByTestId("review-form");
    await review.getByLabel("4 stars").check({ force: true });
    await review.getByLabel("Your review (optional)").fill("Fast and easy to find.");
    await review.getByRole("button", { name: "Publish review" }).click();
    await expect(page.getByTestId("review-average")).toHaveText(/4\.0 out of 5 \(1 review\)/);
    await expect(page.getByTestId("review-comment")).toHaveText("Fast and easy to find.");

    // The favourite shows in the account with its alias and the session counted.
    await page.goto("/account/favorites");
    const fav = page.locator(`[data-testid=favorite-row][data-station-id="${match.id}"]`);
    await expect(fav.getByTestId("favorite-alias")).toHaveText("Harbour fast one");
    await expect(fav.getByTestId("favorite-usage")).toContainText("Used once");

    // Switch to Russian: the page re-renders in Russian, numbers and units too.
    await page.goto(`/stations/${match.id}`);
    await page.getByTestId("language-switcher").selectOption("ru");
    await expect(page.getByRole("heading", { name: "Отзывы" })).toBeVisible();
    await expect(page.getByTestId("review-average")).toHaveText(/4,0 из 5/);
    await expect(page.getByTestId("connector-status")).toHaveText("Свободен");
    await page.goto("/account/history");
    await expect(page.getByTestId("history-row").first()).toContainText("24,50 кВт·ч");
    await expect(page.getByTestId("history-row").first()).toContainText("11,03 €");
  });

  test("a charger's status change recolours its pin within 2 seconds, without a reload @mobile", async ({ page }) => {
    test.setTimeout(90_000);
    const identity = `E2E-MAP-${randomUUID().slice(0, 8).toUpperCase()}`;
    const chargerPassword = "e2e-map-charger-pass";
    const { lat, lng } = randomPlace();
    await makeStation(`Live ${identity}`, lat, lng, [{ type: "CCS", kw: 50, status: "AVAILABLE" }], {
      ocppIdentity: identity, ocppPasswordHash: bcrypt.hashSync(chargerPassword, 4), availability: "OFFLINE",
    });
    const charger = new SimulatedCharger({ url: OCPP_URL, identity, password: chargerPassword, connectors: 1, heartbeatIntervalMs: 60_000 });
    try {
      await charger.connect();
      await page.goto(mapUrl(lat, lng));
      const pin = page.locator("[data-testid=map-pin]");
      await expect(pin).toHaveCount(1);
      await expect(pin).toHaveAttribute("data-availability", "AVAILABLE");
      // Let the page's event stream for the stations in view connect.
      await page.waitForTimeout(1500);
      const sentAt = Date.now();
      await charger.setStatus(1, "Faulted", "GroundFailure");
      await expect(pin).toHaveAttribute("data-availability", "OUT_OF_ORDER", { timeout: 2000 });
      const ms = Date.now() - sentAt;
      console.log(`pin recoloured ${ms} ms after the StatusNotification was sent`);
      expect(ms).toBeLessThan(2000);
      await charger.setStatus(1, "Available");
      await expect(pin).toHaveAttribute("data-availability", "AVAILABLE", { timeout: 2000 });
    } finally {
      await charger.close();
    }
  });
});
