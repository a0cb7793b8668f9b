// The owner console in a browser against the real web app, OCPP server and
// database: an owner lists a priced station, connects a simulated charger with
// the identity and password the page shows, a driver charges there and pays;
// the dashboard and the CSV then show that money, energy and session. Another
// owner sees none of it.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { type Page } from "@playwright/test";
import { expect, test } from "./helpers/test.ts";
import { SimulatedCharger } from "../lib/sim/index.ts";
import { computeCost, samplesFromMeterReadings, tariffFromRecord } from "../lib/tariffs/index.ts";
import { platformFeeFor, platformFeePercent } from "../lib/owner/fees.ts";
import { formatKwh, formatMoney } from "../lib/format.ts";
import { signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";
import { flattenReadings } from "../lib/charging/meter-readings.ts";

const OCPP_URL = process.env.E2E_OCPP_URL ?? "ws://127.0.0.1:9000/ocpp";
const PASSWORD = "owner-e2e-password";

async function newUser(role: "OWNER" | "DRIVER", name: string) {
  const email = uniqueEmail(role.toLowerCase());
  const user = await testDb().user.create({
    data: { email, name, role, passwordHash: bcrypt.hashSync(PASSWORD, 4), referralCode: `E2E${randomUUID().slice(0, 8)}` },
  });
  return { ...user, email };
}

async function signInOwner(page: Page, email: string) {
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/owner$/);
  await expect(page.getByTestId("home-title")).toBeVisible();
}

/** Pays for the session as the payment code does: hold, then capture of the session's cost with the platform fee.
 *  Uses lib/payments when it is there; otherwise writes the captured Payment row exactly as a capture leaves it. */
async function payForSession(sessionId: string, userId: string, costMinor: number, currency: string, feeMinor: number) {
  const db = testDb();
  await db.chargingSession.update({ where: { id: sessionId }, data: { costMinor } });
  try {
    const payments = await import("../lib/payments/index.ts");
    const held = await payments.authorize(db, {
      userId, purpose: "SESSION", amountMinor: Math.max(costMinor, 100), currency, sessionId, platformFeeMinor: feeMinor,
      card: { number: "4242424242424242", expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: "123" },
    });
    return await payments.capture(db, held.id, costMinor);
  } catch (err) {
    if (!(err instanceof Error) || !/Cannot find module|ERR_MODULE_NOT_FOUND/.test(String((err as { code?: string }).code ?? err.message))) throw err;
    return db.payment.create({
      data: { userId, purpose: "SESSION", provider: "DEMO", status: "CAPTURED", currency, authorizedMinor: costMinor, capturedMinor: costMinor, platformFeeMinor: feeMinor, sessionId, processedAt: new Date() },
    });
  }
}

test.describe("owner console", () => {
  test("an owner lists a priced station, connects a charger with the credentials shown, a driver charges and pays; dashboard and CSV show it", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const db = testDb();
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const owner = await newUser("OWNER", `Olga Owner ${tag}`);
    const driver = await newUser("DRIVER", `Dmitri Driver ${tag}`);
    const idTag = `APP${tag}`;
    await db.authToken.create({ data: { idTag, type: "APP", userId: driver.id, status: "ACCEPTED" } });
    const name = `E2E Station ${tag}`;

    await signInOwner(page, owner.email);
    await page.getByTestId("add-station").click();
    const form = page.getByTestId("station-form");
    await form.getByLabel("Station name").fill(name);
    await form.getByLabel("Street and number").fill("Karl-Marx-Allee 1");
    await form.getByLabel("City (optional)").fill("Berlin");
    await form.getByLabel("Latitude").fill("52.5186");
    await form.getByLabel("Longitude").fill("13.4184");
    await form.getByLabel("Connector 1: Plug type").selectOption("CCS");
    await form.getByLabel("Current").selectOption("DC");
    await form.getByLabel("Power (kW)").fill("50");
    await form.getByLabel("Price per kWh", { exact: true }).fill("0.40");
    await form.getByLabel("Wi-Fi").check();
    await form.getByLabel("Phone (optional)").fill("+49 30 1234567");
    await form.getByRole("button", { name: "List station" }).click();
    await expect(page.getByTestId("station-title")).toHaveText(name);
    await expect(page.getByTestId("station-status")).toHaveText("Active");
    const station = await db.station.findFirstOrThrow({ where: { ownerId: owner.id, name }, include: { tariff: true, connectors: true } });
    expect(station.pricePerKwhMinor).toBe(40);
    expect(station.plugTypes).toEqual(["CCS"]);
    expect(station.maxPowerKw).toBe(50);

    // Same name again: refused, nothing created.
    await page.goto("/owner/stations/new");
    await page.getByTestId("station-form").getByLabel("Station name").fill(name);
    await page.getByTestId("station-form").getByLabel("Street and number").fill("Somewhere 2");
    await page.getByTestId("station-form").getByLabel("Latitude").fill("52.5");
    await page.getByTestId("station-form").getByLabel("Longitude").fill("13.4");
    await page.getByTestId("station-form").getByLabel("Price per kWh", { exact: true }).fill("0.30");
    await page.getByTestId("station-form").getByRole("button", { name: "List station" }).click();
    await expect(page.getByTestId("station-form").getByTestId("field-error")).toHaveText("You already have a station with this name.");
    expect(await db.station.count({ where: { ownerId: owner.id } })).toBe(1);

    // The charger: identity, URL and a password shown once. The page's event
    // stream is held back until the charger has connected, so the page misses
    // that event, as it does when a phone's stream reconnects: it must re-read
    // when the stream opens.
    let chargerConnected!: () => void;
    const connected = new Promise<void>((resolve) => (chargerConnected = resolve));
    await page.route(/\/api\/events(\?|$)/, async (route) => { await connected; await route.continue(); });
    await page.goto(`/owner/stations/${station.id}`);
    await page.getByTestId("charger-setup").click();
    const identity = (await page.getByTestId("charger-identity").textContent())!;
    const password = (await page.getByTestId("charger-password").textContent())!;
    const url = (await page.getByTestId("charger-url").textContent())!;
    expect(identity).toMatch(/^OWN-[A-Z2-9]{10}$/);
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(url).toBe(`${OCPP_URL}/${identity}`);
    await expect(page.getByTestId("charger-connection")).toHaveText("Not connected");
    const stored = await db.station.findUniqueOrThrow({ where: { id: station.id } });
    expect(stored.ocppPasswordHash).not.toContain(password);
    expect(bcrypt.compareSync(password, stored.ocppPasswordHash!)).toBe(true);

    // A wrong password is refused; the one shown works, and the page sees it connect.
    const wrong = new SimulatedCharger({ url: url.slice(0, -identity.length - 1), identity, password: "not-the-password-123" });
    await expect(wrong.connect()).rejects.toThrow();
    await wrong.close().catch(() => {});
    const sim = new SimulatedCharger({ url: url.slice(0, -identity.length - 1), identity, password, powerW: 50_000, meterIntervalMs: 60_000, heartbeatIntervalMs: 60_000 });
    try {
      await sim.connect();
      chargerConnected();
      await expect(page.getByTestId("charger-connection")).toHaveText("Connected");

      expect((await sim.authorize(idTag)).status).toBe("Accepted");
      const started = await sim.startTransaction(1, idTag);
      expect(started.idTagInfo.status).toBe("Accepted");
      const meterStart = sim.connector(1).transaction!.meterStartWh;
      await page.waitForTimeout(1500);
      await sim.sendMeterValues(1);
      const stop = await sim.stopTransaction("Local", 1);
      const energyWh = stop!.meterStopWh - meterStart;
      expect(energyWh).toBeGreaterThan(0);

      // The driver pays the session's cost at the station's tariff; the platform takes its fee.
      const session = await db.chargingSession.findFirstOrThrow({ where: { transactionId: started.transactionId }, include: { meterReadings: true } });
      expect(session.userId).toBe(driver.id);
      expect(session.energyWh).toBe(energyWh);
      const cost = computeCost(tariffFromRecord(station.tariff!, station.timeZone), {
        startedAt: session.startedAt!, endedAt: session.endedAt!, timeZone: station.timeZone, meterStartWh: Number(session.meterStartWh),
        samples: [...samplesFromMeterReadings(flattenReadings(session.meterReadings)).samples, { at: session.endedAt!, energyWh: Number(session.meterStopWh) }],
      });
      const costMinor = cost.totalInclVat;
      expect(costMinor).toBe(Math.round((energyWh * 40) / 1000));
      const fee = platformFeeFor(costMinor, await platformFeePercent(db));
      const payment = await payForSession(session.id, driver.id, costMinor, "EUR", fee);
      expect(payment.status).toBe("CAPTURED");

      // The dashboard of this station shows exactly that.
      await page.goto(`/owner/earnings?station=${station.id}`);
      await expect(page.getByTestId("earn-gross")).toHaveText(formatMoney(costMinor, "EUR", "en"));
      await expect(page.getByTestId("earn-fee")).toHaveText(formatMoney(fee, "EUR", "en"));
      await expect(page.getByTestId("earn-net")).toHaveText(formatMoney(costMinor - fee, "EUR", "en"));
      await expect(page.getByTestId("earn-energy")).toHaveText(formatKwh(energyWh, "en"));
      await expect(page.getByTestId("earn-sessions")).toHaveText("1");
      const row = page.locator(`[data-testid=station-earnings-row][data-name="${name}"]`);
      await expect(row.getByTestId("row-gross")).toHaveText(formatMoney(costMinor, "EUR", "en"));
      await expect(row.getByTestId("row-sessions")).toHaveText("1");

      // The sessions CSV has the session with what was paid.
      const csvHref = await page.getByTestId("csv-sessions").getAttribute("href");
      const csv = await page.request.get(csvHref!);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toContain("text/csv");
      const text = await csv.text();
      const line = text.split("\r\n").find((l) => l.startsWith(`"${session.id}"`));
      expect(line).toBeTruthy();
      const money = (m: number) => (m / 100).toFixed(2);
      expect(line).toContain(`"${started.transactionId}","${name}","1","COMPLETED"`);
      expect(line).toContain(`"${(energyWh / 1000).toFixed(3)}","${money(costMinor)}","${money(costMinor)}","${money(fee)}","${money(costMinor - fee)}","EUR"`);

      // The statement of the month agrees.
      await page.goto("/owner/payouts");
      await expect(page.getByTestId("statement-gross")).toHaveText(formatMoney(costMinor, "EUR", "en"));
      await expect(page.getByTestId("statement-net")).toHaveText(formatMoney(costMinor - fee, "EUR", "en"));
      const stmt = await (await page.request.get((await page.getByTestId("statement-csv").getAttribute("href"))!)).text();
      expect(stmt).toContain(`"TOTAL","","","","","${money(costMinor)}","${money(fee)}","0.00","${money(costMinor - fee)}","EUR"`);

      // Another owner: every page, export and file of this station is "not found", and their dashboard has none of the money.
      const other = await newUser("OWNER", `Otto Other ${tag}`);
      const ctx = await browser.newContext();
      const p2 = await ctx.newPage();
      try {
        await signInOwner(p2, other.email);
        await expect(p2.getByTestId("stations-table")).toHaveCount(0);
        for (const path of [`/owner/stations/${station.id}`, `/owner/earnings?station=${station.id}`]) {
          const res = await p2.goto(path);
          expect(res!.status(), path).toBe(404);
          await expect(p2.getByText(name)).toHaveCount(0);
        }
        const q = new URLSearchParams({ station: station.id, preset: "month" });
        expect((await p2.request.get(`/owner/earnings/sessions.csv?${q}`)).status()).toBe(404);
        const otherCsv = await (await p2.request.get(`/owner/earnings/sessions.csv?preset=month`)).text();
        expect(otherCsv).not.toContain(session.id);
        const otherStmt = await (await p2.request.get(`/owner/payouts/statement.csv?month=${new Date().toISOString().slice(0, 7)}`)).text();
        expect(otherStmt).not.toContain(name);
        await p2.goto("/owner/earnings");
        await expect(p2.getByTestId("earn-gross")).toHaveText(formatMoney(0, "EUR", "en"));
        await expect(p2.getByTestId("earn-sessions")).toHaveText("0");
        const upload = await p2.request.post(`/owner/stations/${station.id}/photos`, { multipart: { file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("89504e470d0a1a0a0000", "hex") } } });
        expect(upload.status()).toBe(404);
        expect(await db.stationMedia.count({ where: { stationId: station.id } })).toBe(0);
      } finally {
        await ctx.close();
      }
    } finally {
      await sim.close();
    }
  });

  // QA findings 2, 5/11, 12, 16: a phone, odd links, the statement link, the tariff editor's units.
  test("@mobile earnings fit a 390 px phone, bad links give a notice, the CSV refuses them, the tariff editor speaks OCPI units", async ({ page }) => {
    const db = testDb();
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const owner = await newUser("OWNER", `Mia Mobile ${tag}`);
    const { createStation } = await import("../lib/owner/stations.ts");
    const { ZStationFields } = await import("../lib/owner/schemas.ts");
    for (const name of [`A rather long station name for a phone ${tag}`, `Second station ${tag}`]) {
      await createStation(db, { id: owner.id, role: "OWNER" }, ZStationFields.parse({
        name, address: "Alexanderplatz 1", city: "Berlin", country: "DEU", lat: "52.5219", lng: "13.4132", timeZone: "Europe/Berlin", is24x7: true,
        connectors: [{ type: "CCS", powerType: "DC", maxPowerKw: "150" }, { type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: "22" }],
        tariff: { mode: "simple", currency: "EUR", pricePerKwh: "0.39", pricePerHour: "" },
      }), { ip: "127.0.0.1", userAgent: "e2e" });
    }
    await signInOwner(page, owner.email);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const path of ["/owner/earnings?preset=year", "/owner", "/owner/payouts", "/owner/reviews"]) {
      await page.goto(path);
      expect(await overflow(), path).toBeLessThanOrEqual(0);
    }
    await page.goto("/owner/earnings?preset=year");
    // The add-station tab is fully on screen.
    const add = await page.getByTestId("add-station").boundingBox();
    expect(add!.x + add!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    // The per-station table scrolls inside its own labelled region.
    await expect(page.getByRole("region", { name: "By station" })).toBeVisible();
    // Chart labels are readable text, at least 11 px.
    const sizes = await page.getByTestId("chart-monthly").getByTestId("chart-labels").locator("span:visible").evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    const month = new Date().toISOString().slice(0, 7);
    await expect(page.getByTestId("chart-monthly").getByTestId("chart-labels")).toContainText(new Date().getUTCFullYear().toString());
    // "This year" links this month's statement, not December's.
    expect(await page.getByTestId("csv-statement").getAttribute("href")).toBe(`/owner/payouts/statement.csv?month=${month}`);

    // Bad links: a notice and this month's view; the CSV answers 400 with the reason.
    await page.goto("/owner/earnings?from=abc&to=xyz");
    await expect(page.getByTestId("period-error")).toContainText("dates in the link are not valid");
    await page.goto("/owner/earnings?station=abc");
    await expect(page.getByTestId("period-error")).toContainText("station in the link is not valid");
    await page.goto("/owner/payouts?month=2026-99");
    await expect(page.getByTestId("month-error")).toContainText("month in the link is not valid");
    const csv = await page.request.get("/owner/earnings/sessions.csv?from=abc&to=xyz");
    expect(csv.status()).toBe(400);
    expect(await csv.text()).toContain("dates in the link are not valid");

    // The OCPI editor starts from an example in OCPI units and says so.
    await page.goto("/owner/stations/new");
    await page.getByLabel("Full tariff (OCPI JSON)").check();
    const box = page.getByLabel("Tariff (OCPI 2.2.1 JSON)");
    await expect(box).toHaveValue(/"price": 0\.45/);
    await expect(page.getByText(/"price": 0\.45 means €0\.45 per kWh/)).toBeVisible();
    // Plug names, not codes.
    await expect(page.getByTestId("connector-row").first().locator("select").first()).toContainText("Type 2");
  });
});
