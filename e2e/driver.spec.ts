// Driver account flows in a browser: default map filters saved from the map
// apply when a link has none; settings change the language at once; a
// problem report reaches the admin queue; the CSV export is the driver's own.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, test } from "./helpers/test.ts";
import { signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";

async function newDriver() {
  const email = uniqueEmail("acct-driver");
  const password = "driver-pass-123";
  const user = await testDb().user.create({
    data: { email, name: "Ola Owner-of-car", passwordHash: bcrypt.hashSync(password, 4), referralCode: `A${randomUUID().slice(0, 8)}`, settings: { create: { preferredLanguage: "en" } } },
  });
  return { user, email, password };
}

async function station(tag: string) {
  const lat = -40 + Math.random() * 20;
  const lng = -150 + Math.random() * 20;
  const s = await testDb().station.create({
    data: {
      name: `Account test ${tag}`, lat, lng, status: "ACTIVE", publish: true, plugTypes: ["CCS"], maxPowerKw: 150, availability: "AVAILABLE",
      connectors: { create: { connectorId: 1, type: "CCS", powerType: "DC", maxPowerKw: 150, status: "AVAILABLE" } },
    },
  });
  return { ...s, url: `/?bbox=${lng - 0.01},${lat - 0.01},${lng + 0.01},${lat + 0.01}&zoom=16` };
}

test.describe("driver account @mobile", () => {
  test("saved default filters apply when the map link has none; settings switch the language at once @mobile", async ({ page }) => {
    const { user, email, password } = await newDriver();
    const st = await station(randomUUID().slice(0, 6));
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/account$/);

    await page.goto(st.url);
    await expect(page.locator("[data-testid=map-pin]")).toHaveCount(1);
    await page.getByTestId("filters-toggle").click();
    await page.getByTestId("filter-panel").getByLabel("CCS", { exact: true }).check();
    await page.getByTestId("filter-panel").getByLabel("Open now").check();
    await page.getByTestId("save-default-filters").click();
    await expect(page.getByTestId("filter-panel")).toContainText("Saved. The map opens with these filters.");
    const stored = await testDb().userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.searchFilters).toEqual({ connectors: "CCS", openNow: "1" });

    // A link with only a viewport: the saved filters are applied (and put in the URL).
    const bboxOnly = st.url;
    await page.goto(bboxOnly);
    await expect(page.getByTestId("map-status")).toHaveText("Your saved default filters are applied.");
    await expect(page).toHaveURL(/connectors=CCS/);
    await expect(page.getByTestId("filters-toggle")).toHaveText("Filters (2)");

    await page.goto("/account/settings");
    await expect(page.getByTestId("saved-filters")).toContainText("Connectors: CCS");
    await page.getByTestId("settings-form").getByLabel("Language").selectOption("ru");
    await page.getByLabel("Preferred currency").selectOption("RUB");
    await page.getByLabel("Offers: E-mail").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByTestId("settings-title")).toHaveText("Настройки");
    await expect(page.getByRole("link", { name: "Избранное" })).toBeVisible();
    const after = await testDb().userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(after.preferredLanguage).toBe("ru");
    expect(after.preferredCurrency).toBe("RUB");
    expect((after.notificationPreferences as Record<string, Record<string, boolean>>).PROMOTION.EMAIL).toBe(true);
  });

  test("a problem report from the station page is one form away and lands as REPORTED @mobile", async ({ page }) => {
    const { user, email, password } = await newDriver();
    const st = await station(randomUUID().slice(0, 6));
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto(`/stations/${st.id}`);
    await page.getByRole("button", { name: "Report a problem" }).click();
    const form = page.getByTestId("report-form");
    await form.getByLabel("What is wrong?").selectOption("CONNECTOR_ERROR");
    await form.getByLabel("Describe the problem").fill("short");
    await form.getByLabel("Photo (optional, JPEG/PNG/WebP up to 5 MB)").setInputFiles({ name: "cable.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) });
    // The browser's own check stops a too-short text; bypass it to see the server's answer.
    await form.evaluate((f) => f.setAttribute("novalidate", ""));
    await form.getByRole("button", { name: "Send report" }).click();
    await expect(form).toContainText("at least 10 characters");
    expect(await testDb().stationIssue.count({ where: { reportedById: user.id } })).toBe(0);
    await form.getByLabel("Describe the problem").fill("The CCS handle is cracked and will not lock.");
    await form.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByTestId("report-message")).toContainText("Your report was sent");
    const issues = await testDb().stationIssue.findMany({ where: { reportedById: user.id } });
    expect(issues.map((i) => [i.stationId, i.type, i.status])).toEqual([[st.id, "CONNECTOR_ERROR", "REPORTED"]]);
    expect((issues[0].images as unknown[]).length).toBe(1);
  });

  test("the history CSV holds only the signed-in driver's sessions; signed out it is refused @mobile", async ({ page, request }) => {
    const a = await newDriver();
    const b = await newDriver();
    const st = await station(randomUUID().slice(0, 6));
    for (const [u, wh] of [[a.user.id, 11_000], [b.user.id, 99_000]] as const) {
      await testDb().chargingSession.create({ data: { userId: u, stationId: st.id, connectorNumber: 1, status: "COMPLETED", startedAt: new Date(), energyWh: wh, costMinor: 500, currency: "EUR" } });
    }
    expect((await request.get("/account/history/export")).status()).toBe(401);
    await signIn(page, a.email, a.password);
    await expect(page).toHaveURL(/\/account$/);
    const res = await page.request.get("/account/history/export");
    expect(res.status()).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(",11.000,5.00,EUR,");
    expect(csv).not.toContain("99.000");
    await page.goto("/account/history");
    await expect(page.getByTestId("history-row")).toHaveCount(1);
  });
});

test.describe("map search and location @mobile", () => {
  test("near me: a denied location keeps the map usable with a clear message; a granted one moves the map there @mobile", async ({ browser }) => {
    const st = await station(randomUUID().slice(0, 6));
    const denied = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p1 = await denied.newPage();
    await p1.goto("/");
    await p1.getByRole("button", { name: "Near me" }).click();
    await expect(p1.getByTestId("map-status")).toContainText(/denied|could not be determined/);
    await expect(p1.getByRole("searchbox")).toBeEditable();
    await denied.close();

    const granted = await browser.newContext({ viewport: { width: 390, height: 844 }, geolocation: { latitude: st.lat, longitude: st.lng }, permissions: ["geolocation"] });
    const p2 = await granted.newPage();
    await p2.goto("/");
    await p2.getByRole("button", { name: "Near me" }).click();
    await expect(p2.locator(`[data-testid=map-pin][data-station-id="${st.id}"]`)).toHaveCount(1);
    await granted.close();
  });

  test("searching by name finds a station outside the current view and moves the map to it @mobile", async ({ page }) => {
    const tag = randomUUID().slice(0, 8);
    const st = await station(tag);
    await page.goto("/");
    await page.getByRole("searchbox").fill(`Account test ${tag}`);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.locator(`[data-testid=map-pin][data-station-id="${st.id}"]`)).toHaveCount(1);
    await expect(page.getByTestId("result-count")).toHaveText(/^1 station in this area/);
    await expect(page).toHaveURL(new RegExp(`q=Account\\+test\\+${tag}`));
  });
});

// QA findings 3, 7, 10, 17–19, 21, 23, 27: what a driver reads on account pages.
async function newUser(role: "DRIVER" | "OWNER", lang = "en") {
  const email = uniqueEmail(`qa-${role.toLowerCase()}`);
  const password = "driver-pass-123";
  const user = await testDb().user.create({
    data: { email, name: `Qa ${role}`, role, passwordHash: bcrypt.hashSync(password, 4), referralCode: `Q${randomUUID().slice(0, 8)}`, settings: { create: { preferredLanguage: lang } } },
  });
  return { user, email, password };
}

const AT = new Date("2026-11-21T08:52:00Z"); // 9:52 AM in Berlin, 3:52 AM in New York

async function zonedStation(name: string, timeZone: string) {
  return testDb().station.create({
    data: {
      name, lat: -40 + Math.random() * 20, lng: -150 + Math.random() * 20, status: "ACTIVE", publish: true, plugTypes: ["TYPE2"], maxPowerKw: 22,
      availability: "AVAILABLE", timeZone, address: "Hauptstraße 1", city: "Berlin", postalCode: "10115", country: "DEU",
      connectors: { create: { connectorId: 1, type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 22, status: "AVAILABLE" } },
    },
  });
}

test.describe("times, zones and words on account pages", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("one clock rule: station events on the station's clock (zone named when not the viewer's), account events on the viewer's; the account strip on every account page @mobile", async ({ page }) => {
    const { user, email, password } = await newUser("DRIVER");
    const berlin = await zonedStation(`Zone Berlin ${randomUUID().slice(0, 6)}`, "Europe/Berlin");
    const ny = await zonedStation(`Zone NY ${randomUUID().slice(0, 6)}`, "America/New_York");
    for (const st of [berlin, ny]) {
      const s = await testDb().chargingSession.create({ data: { userId: user.id, stationId: st.id, connectorNumber: 1, status: "COMPLETED", startedAt: AT, endedAt: AT, energyWh: 1500, costMinor: 90, currency: "EUR" } });
      await testDb().payment.create({ data: { userId: user.id, purpose: "SESSION", provider: "DEMO", status: "CAPTURED", currency: "EUR", authorizedMinor: 90, capturedMinor: 90, sessionId: s.id } });
    }
    const wallet = await testDb().wallet.create({ data: { userId: user.id, balanceMinor: 2000, currency: "EUR" } });
    await testDb().walletTransaction.create({ data: { walletId: wallet.id, type: "CREDIT", amountMinor: 2000, balanceBeforeMinor: 0, balanceAfterMinor: 2000, description: "Top-up by card", createdAt: AT } });
    await testDb().notification.create({ data: { userId: user.id, type: "PAYMENT", title: "Paid", message: "Thanks", createdAt: AT } });

    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/account$/);
    // The browser told the server its zone (Europe/Berlin) on the first page.
    expect((await page.context().cookies()).find((c) => c.name === "tz")?.value).toBe("Europe%2FBerlin");

    await page.goto("/account/history");
    const rows = page.getByTestId("history-row");
    await expect(rows.filter({ hasText: berlin.name })).toContainText("9:52 AM");
    await expect(rows.filter({ hasText: berlin.name })).not.toContainText("(Berlin)");
    await expect(rows.filter({ hasText: ny.name })).toContainText("3:52 AM (New York)");
    await expect(rows.filter({ hasText: berlin.name })).toContainText("Finished");

    await page.goto("/account/receipts");
    const receipts = page.getByTestId("receipt-time");
    await expect(receipts).toHaveCount(2);
    await expect(page.getByTestId("receipt-list")).toContainText("Nov 21, 2026, 9:52 AM");
    await expect(page.getByTestId("receipt-list")).toContainText("Nov 21, 2026, 3:52 AM (New York)");
    const link = await page.getByTestId("receipt-list").getByRole("link").first().boundingBox();
    expect(link!.height).toBeGreaterThanOrEqual(44);

    for (const path of ["/account/wallet", "/notifications"]) {
      await page.goto(path);
      await expect(page.locator("main")).toContainText("Nov 21, 2026, 9:52 AM");
      await expect(page.locator("main")).not.toContainText("8:52 AM");
    }
    for (const [path, current] of [["/bookings", "Bookings"], ["/sessions", "Charging history"], ["/account/wallet", "Wallet"], ["/account/receipts", "Receipts"], ["/notifications", null], ["/account", "Overview"]] as const) {
      await page.goto(path);
      const nav = page.getByTestId("account-nav");
      await expect(nav).toHaveCount(1);
      await expect(nav.getByRole("link", { name: "Wallet" })).toBeVisible();
      if (current) await expect(nav.locator("[aria-current=page]")).toHaveText(current);
    }
    const bell = await page.getByTestId("notification-bell").boundingBox();
    expect(bell!.width).toBeGreaterThanOrEqual(44);
    expect(bell!.height).toBeGreaterThanOrEqual(44);
  });

  test("the wallet ledger has column headers, fits a phone, and reads in Russian @mobile", async ({ page }) => {
    const { user, email, password } = await newUser("DRIVER");
    const wallet = await testDb().wallet.create({ data: { userId: user.id, balanceMinor: 2500, currency: "EUR" } });
    await testDb().walletTransaction.create({ data: { walletId: wallet.id, type: "CREDIT", amountMinor: 2500, balanceBeforeMinor: 0, balanceAfterMinor: 2500, description: "Welcome credit", createdAt: AT } });
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto("/account/wallet");
    const phone = page.viewportSize()!.width < 640;
    if (phone) {
      const entry = page.getByTestId("ledger-entry");
      await expect(entry).toBeVisible();
      await expect(entry).toContainText("Welcome credit");
      await expect(entry).toContainText("Before:");
      await expect(entry).toContainText("After:");
      const box = await entry.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    } else {
      const headers = page.getByTestId("wallet-ledger").locator("th");
      await expect(headers).toHaveText(["Date", "Description", "Amount", "Before", "After"]);
    }
    await page.context().addCookies([{ name: "lang", value: "ru", url: process.env.E2E_BASE_URL! }]);
    await page.goto("/account/wallet");
    await expect(page.locator("main")).toContainText("Приветственный бонус");
    await expect(page.locator("main")).not.toContainText("Welcome credit");
    if (!phone) await expect(page.getByTestId("wallet-ledger").locator("th").first()).toHaveText("Дата");
    await expect(page.getByRole("link", { name: "Перейти к содержимому" })).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Главное меню" })).toHaveCount(1);
  });

  test("station page: country and plug by name, a signed-in owner is told why there is no Book button, a published review is confirmed @mobile", async ({ page }) => {
    const st = await zonedStation(`Words ${randomUUID().slice(0, 6)}`, "Europe/Berlin");
    const owner = await newUser("OWNER");
    await signIn(page, owner.email, owner.password);
    await expect(page).toHaveURL(/\/owner/);
    await page.goto(`/stations/${st.id}`);
    await expect(page.getByTestId("station-address")).toHaveText("Hauptstraße 1, 10115 Berlin, Germany");
    await expect(page.getByTestId("connector")).toContainText("Type 2");
    await expect(page.getByTestId("connector")).not.toContainText("TYPE2");
    await expect(page.getByTestId("not-driver")).toContainText("You are signed in as Station owner");
    await expect(page.getByRole("link", { name: "Book" })).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText("Sign in to book");

    await page.context().clearCookies();
    const driver = await newUser("DRIVER");
    await testDb().chargingSession.create({ data: { userId: driver.user.id, stationId: st.id, connectorNumber: 1, status: "COMPLETED", startedAt: AT, endedAt: AT, energyWh: 1500, costMinor: 90, currency: "EUR" } });
    await signIn(page, driver.email, driver.password);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto(`/stations/${st.id}`);
    const form = page.getByTestId("review-form");
    await form.locator("label").filter({ hasText: "4 stars" }).click();
    await form.locator("textarea").fill("Quick and easy.");
    await form.getByRole("button", { name: /publish|submit|send/i }).click();
    await expect(page.getByTestId("review-message")).toHaveText("Thank you! Your review is published.");
    await expect(form.getByRole("heading")).toHaveText("Edit your review");
  });

  test("Russian map: zoom buttons, power units and plug names in Russian @mobile", async ({ page }) => {
    const st = await zonedStation(`Map ru ${randomUUID().slice(0, 6)}`, "Europe/Berlin");
    await page.context().addCookies([{ name: "lang", value: "ru", url: process.env.E2E_BASE_URL! }]);
    await page.goto(`/?bbox=${st.lng - 0.01},${st.lat - 0.01},${st.lng + 0.01},${st.lat + 0.01}&zoom=16`);
    await expect(page.locator(".leaflet-control-zoom-in")).toHaveAttribute("title", "Приблизить");
    await expect(page.locator(".leaflet-control-zoom-out")).toHaveAttribute("title", "Отдалить");
    const row = page.locator(`[data-testid=list-row][data-station-id="${st.id}"]`);
    await expect(row).toContainText("22 кВт");
    await expect(row).toContainText("Type 2");
    await expect(row).not.toContainText("kW");
  });
});
