// Booking, charging and paying in a browser against the real web app, OCPP
// server and database, with a simulated charger on a real OCPP socket: the
// driver books a slot with the demo card, starts charging from the booking,
// watches energy and cost rise live, stops, and the receipt's total is the
// tariff applied to the energy the charger metered, to the cent.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, test, type Page } from "@playwright/test";
import { formatKwh } from "../lib/format.ts";
import { SimulatedCharger } from "../lib/sim/index.ts";
import { signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";

const OCPP_URL = process.env.E2E_OCPP_URL ?? "ws://127.0.0.1:9000/ocpp";
const CHARGER_PASSWORD = "e2e-charging-charger";
const DRIVER_PASSWORD = "driver-pass-123";
// 0.999 EUR/kWh + 19 % VAT: fractional cents, so rounding is exercised.
const PRICE_MINOR_PER_KWH = "99.9";

async function driver() {
  const email = uniqueEmail("charging");
  await testDb().user.create({ data: { email, name: "Dana Driver", passwordHash: bcrypt.hashSync(DRIVER_PASSWORD, 4), role: "DRIVER", referralCode: `E2E${randomUUID().slice(0, 8)}` } });
  return email;
}

async function chargerStation() {
  const identity = `E2E-CH-${randomUUID().slice(0, 8).toUpperCase()}`;
  const tariff = await testDb().tariff.create({
    data: { name: `E2E energy ${identity}`, currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: PRICE_MINOR_PER_KWH, vat: "19", step_size: 1 }] }] },
  });
  const station = await testDb().station.create({
    data: {
      name: `Charging test ${identity}`, lat: 52.52, lng: 13.405, timeZone: "Europe/Berlin", tariffId: tariff.id, currency: "EUR",
      ocppIdentity: identity, ocppPasswordHash: bcrypt.hashSync(CHARGER_PASSWORD, 4),
      connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 22 } },
    },
    include: { connectors: true },
  });
  const sim = new SimulatedCharger({ url: OCPP_URL, identity, password: CHARGER_PASSWORD, meterIntervalMs: 1000, powerW: 50_000 });
  await sim.connect();
  await expect.poll(async () => (await testDb().station.findUniqueOrThrow({ where: { id: station.id } })).isOnline, { timeout: 15_000 }).toBe(true);
  await expect.poll(async () => (await testDb().connector.findFirstOrThrow({ where: { stationId: station.id } })).status, { timeout: 15_000 }).toBe("AVAILABLE");
  return { station, sim, connectorId: station.connectors[0]!.id };
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel(/card number|номер карты/i).fill(number);
  await page.getByLabel(/expiry|срок/i).fill("12/34");
  await page.getByLabel(/^cvc$/i).fill("123");
}

/** The tariff applied to metered energy, computed here independently: net rounded half up, then VAT on it. */
function expectedTotalMinor(energyWh: number) {
  const net = Math.round((energyWh * Number(PRICE_MINOR_PER_KWH)) / 1000 + 1e-9);
  const vat = Math.round(net * 0.19 + 1e-9);
  return net + vat;
}

const readKwh = async (page: Page) => Number((await page.getByTestId("session-energy").innerText()).replace(/[^\d.,]/g, "").replace(",", "."));

test.describe("booking and charging from the browser", () => {
  test("@mobile a driver books a slot with the demo card, starts charging from it, watches energy and cost rise, stops, and the receipt total is the tariff applied to the metered energy", async ({ page }) => {
    test.setTimeout(150_000);
    const email = await driver();
    const { station, sim, connectorId } = await chargerStation();
    let stop: { meterStopWh: number } | null = null;
    let startWh = 0;
    sim.on("command", (c: { action: string }) => void c);
    try {
      await signIn(page, email, DRIVER_PASSWORD);
      await page.waitForURL((u) => !u.pathname.startsWith("/signin"));

      // Book: the rules are shown before paying, the demo label too.
      await page.goto(`/stations/${station.id}/book?connector=${connectorId}`);
      await expect(page.getByTestId("booking-rules")).toContainText("Reservation fee: €2.00");
      await expect(page.getByTestId("booking-rules")).toContainText("No-show fee: €5.00");
      await expect(page.getByTestId("booking-rules")).toContainText("Free cancellation until 60 minutes");
      await expect(page.getByTestId("demo-payments")).toContainText("no real money");
      await fillCard(page, "4242 4242 4242 4242");
      await page.getByRole("button", { name: "Book and pay" }).click();
      await expect(page.getByTestId("booking-created")).toBeVisible();
      await expect(page.getByTestId("booking-status").first()).toHaveText("Confirmed");
      // The slot starts now, so the charger was asked to reserve the connector for this driver.
      await expect.poll(() => sim.connectors.get(1)!.reservation?.reservationId ?? null, { timeout: 15_000 }).not.toBeNull();
      await expect.poll(async () => (await testDb().connector.findUniqueOrThrow({ where: { id: connectorId } })).status).toBe("RESERVED");

      // Start charging from the booking.
      await page.getByTestId("booking-charge").first().click();
      await expect(page.getByTestId("charge-booking")).toBeVisible();
      // "How much" is checked as typed, with the server's bounds; a bad value says why and shows no estimate.
      for (const [value, reason] of [["", "Enter how much to charge."], ["0", "Enter a number greater than 0."], ["-5", "Enter a number greater than 0."], ["99999999", "At most 500 kWh"]] as const) {
        await page.getByLabel("How much").fill(value);
        await expect(page.getByTestId("field-error-targetValue")).toContainText(reason);
        await expect(page.getByLabel("How much")).toHaveAttribute("aria-invalid", "true");
        await expect(page.getByTestId("estimate")).toHaveCount(0);
      }
      await page.getByLabel("How much").fill("5");
      await expect(page.getByTestId("field-error-targetValue")).toHaveCount(0);
      await expect(page.getByTestId("estimate")).toContainText("5 kWh");
      await fillCard(page, "4242 4242 4242 4242");
      sim.once("transactionStarted", () => { startWh = sim.connectors.get(1)!.transaction!.meterStartWh; });
      sim.once("transactionStopped", () => { stop = { meterStopWh: sim.connectors.get(1)!.meter.registerWh }; });
      await page.getByRole("button", { name: "Authorise and start" }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId("session-status")).toHaveAttribute("data-status", "ACTIVE", { timeout: 30_000 });

      // Energy and cost rise without a reload.
      const url = page.url();
      await expect.poll(() => readKwh(page), { timeout: 15_000 }).toBeGreaterThan(0);
      const e1 = await readKwh(page);
      const c1 = await page.getByTestId("session-cost").innerText();
      await expect.poll(() => readKwh(page), { timeout: 15_000 }).toBeGreaterThan(e1);
      await expect.poll(() => page.getByTestId("session-cost").innerText(), { timeout: 15_000 }).not.toBe(c1);
      expect(page.url()).toBe(url);

      await page.getByTestId("stop-charging").click();
      await expect(page.getByTestId("session-status")).toHaveAttribute("data-status", "COMPLETED", { timeout: 30_000 });
      await expect(page.getByTestId("session-receipt")).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId("session-captured")).toContainText("Charged to visa •••• 4242");
      expect(stop).not.toBeNull();
      const metered = stop!.meterStopWh - startWh;
      expect(metered).toBeGreaterThan(0);
      const expected = expectedTotalMinor(metered);

      await page.getByTestId("session-receipt").click();
      await expect(page.getByTestId("receipt-title")).toBeVisible();
      await expect(page.getByTestId("receipt-total")).toHaveAttribute("data-minor", String(expected));
      await expect(page.getByTestId("receipt-total")).toHaveText(`€${(expected / 100).toFixed(2)}`);
      // The page formats like formatKwh (decimal rounding: 45 Wh is "0.05", where toFixed(2) of 0.045 gives "0.04").
      // Receipts show kWh to 3 decimals, in the metered energy and the line alike.
      await expect(page.getByTestId("receipt-energy")).toContainText(formatKwh(metered, "en", 3));
      await expect(page.getByTestId("receipt-line-detail").first()).toContainText(`${formatKwh(metered, "en", 3)} ×`);
      if ((page.viewportSize()?.width ?? 1000) < 640) await expect(page.getByTestId("receipt-line-vat").first()).toContainText("VAT 19%");
      await expect(page.getByTestId("receipt-payment")).toContainText("4242");
      await expect(page.getByTestId("receipt-payment")).toContainText(`charged €${(expected / 100).toFixed(2)}`);

      // The PDF downloads and is a PDF.
      const pdf = await page.request.get(await page.getByTestId("receipt-pdf").getAttribute("href") as string);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");

      // The booking was used: its reservation fee is the only booking charge.
      const booking = await testDb().booking.findFirstOrThrow({ where: { stationId: station.id } });
      expect([booking.status, booking.totalAmountMinor]).toEqual(["COMPLETED", 200]);
    } finally {
      await sim.close();
    }
  });

  test("@mobile a declined card gets a clear message and no session starts", async ({ page }) => {
    test.setTimeout(90_000);
    const email = await driver();
    const { station, sim, connectorId } = await chargerStation();
    const commands: string[] = [];
    sim.on("command", (c: { action: string }) => commands.push(c.action));
    try {
      await signIn(page, email, DRIVER_PASSWORD);
      await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
      await page.goto(`/stations/${station.id}/charge?connector=${connectorId}`);
      await fillCard(page, "4000 0000 0000 0002");
      await page.getByRole("button", { name: "Authorise and start" }).click();
      await expect(page.getByTestId("form-error")).toHaveText("Your card was declined.");
      await expect(page).toHaveURL(new RegExp(`/stations/${station.id}/charge`));
      const user = await testDb().user.findUniqueOrThrow({ where: { email } });
      expect(await testDb().chargingSession.count({ where: { userId: user.id } })).toBe(0);
      expect(commands).not.toContain("RemoteStartTransaction");
      const payments = await testDb().payment.findMany({ where: { userId: user.id } });
      expect(payments.map((p) => [p.status, p.failureReason])).toEqual([["FAILED", "Your card was declined."]]);
    } finally {
      await sim.close();
    }
  });

  test("@mobile an offline charger: its connectors read Unknown, and the charge page explains and links back to the station and to booking", async ({ page }) => {
    test.setTimeout(90_000);
    const email = await driver();
    const { station, sim, connectorId } = await chargerStation();
    await sim.close();
    await expect.poll(async () => (await testDb().station.findUniqueOrThrow({ where: { id: station.id } })).isOnline, { timeout: 15_000 }).toBe(false);
    await signIn(page, email, DRIVER_PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
    await page.goto(`/stations/${station.id}/charge?connector=${connectorId}`);
    await expect(page.getByTestId("charge-problem")).toContainText("The charger is offline.");
    await expect(page.getByTestId("charge-problem")).toContainText("cannot be started while the charger is disconnected");
    await expect(page.getByTestId("charge-book-instead")).toHaveAttribute("href", `/stations/${station.id}/book?connector=${connectorId}`);
    await page.getByTestId("charge-back").click();
    await expect(page).toHaveURL(new RegExp(`/stations/${station.id}$`));
    await expect(page.getByTestId("connector-status").first()).toHaveAttribute("data-status", "UNKNOWN");
    // The station page offers no start while the charger is away...
    await expect(page.getByRole("link", { name: "Start charging" })).toHaveCount(0);
    await expect(page.getByTestId("charger-offline").first()).toBeVisible();
    // ...and offers it again, without a reload, once the charger is back and reports its connector.
    const back = new SimulatedCharger({ url: OCPP_URL, identity: station.ocppIdentity!, password: CHARGER_PASSWORD, meterIntervalMs: 1000, powerW: 50_000 });
    try {
      await back.connect();
      await expect(page.getByTestId("connector-status").first()).toHaveAttribute("data-status", "AVAILABLE", { timeout: 15_000 });
      await expect(page.getByRole("link", { name: "Start charging" })).toBeVisible();
    } finally {
      await back.close();
    }
  });
});
