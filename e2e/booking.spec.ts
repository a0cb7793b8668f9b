// Wallet, booking rules and refunds in a browser: top up by card, book from
// the wallet, cancel for free before the cut-off; an admin refunds a late
// cancellation fee from the receipt page.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, test, type Page } from "@playwright/test";
import { cancelBooking, createBooking } from "../lib/booking/index.ts";
import { DEMO_PASSWORD } from "../lib/seed/demo-accounts.ts";
import { signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";

const PASSWORD = "driver-pass-123";

async function driver() {
  const email = uniqueEmail("booking");
  const user = await testDb().user.create({ data: { email, name: "Boris Booker", passwordHash: bcrypt.hashSync(PASSWORD, 4), role: "DRIVER", referralCode: `E2E${randomUUID().slice(0, 8)}` } });
  return { email, user };
}

async function station() {
  return testDb().station.create({
    data: { name: `Booking e2e ${randomUUID().slice(0, 6)}`, lat: 52.5, lng: 13.4, pricePerKwhMinor: 40, connectors: { create: [{ connectorId: 1, type: "TYPE2", maxPowerKw: 11, status: "AVAILABLE" }] } },
    include: { connectors: true },
  });
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel(/card number/i).fill(number);
  await page.getByLabel(/expiry/i).fill("12/34");
  await page.getByLabel(/^cvc$/i).fill("123");
}

test("@mobile wallet: top up by card, book from the wallet, cancel for free — the ledger shows every step", async ({ page }) => {
  const { email } = await driver();
  const s = await station();
  await signIn(page, email, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto("/account/wallet");
  await expect(page.getByTestId("wallet-balance")).toContainText("€0.00");
  await page.getByLabel(/amount/i).fill("20");
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: "Top up by card" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Your card was declined.");
  await expect(page.getByTestId("wallet-balance")).toContainText("€0.00");
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Top up by card" }).click();
  await expect(page.getByTestId("wallet-balance")).toContainText("€20.00");
  await expect(page.getByTestId("wallet-ledger")).toContainText("Top-up by card");

  await page.goto(`/stations/${s.id}/book?connector=${s.connectors[0]!.id}`);
  await page.getByLabel("Start").selectOption({ index: 12 }); // about three hours ahead: free cancellation applies
  await page.getByRole("radio", { name: /Wallet/ }).check();
  await page.getByRole("button", { name: "Book and pay" }).click();
  await expect(page.getByTestId("booking-created")).toBeVisible();
  await page.goto("/account/wallet");
  await expect(page.getByTestId("wallet-balance")).toContainText("€13.00");

  await page.goto("/bookings");
  await page.getByTestId("cancel-booking").click();
  await expect(page.getByTestId("booking-cancelled")).toHaveText("Booking cancelled. Nothing was charged.");
  await expect(page.getByTestId("booking-status").first()).toHaveText("Cancelled");
  await page.goto("/account/wallet");
  await expect(page.getByTestId("wallet-balance")).toContainText("€20.00");
  await expect(page.getByTestId("wallet-ledger")).toContainText("Hold released");
});

test("an admin refunds a late-cancellation fee from the receipt page; the driver's receipt shows the refund", async ({ page }) => {
  const { user } = await driver();
  const s = await station();
  const b = await createBooking(testDb(), user, { stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(Date.now() + 20 * 60_000), durationMinutes: 30 },
    { number: "4242424242424242", expMonth: 12, expYear: 2034, cvc: "123" });
  await cancelBooking(testDb(), user, b.id); // after the cut-off: the €2.00 reservation fee is kept
  await signIn(page, "admin@chargeway.test", DEMO_PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto(`/account/receipts/booking/${b.id}`);
  await expect(page.getByTestId("receipt-total")).toHaveText("€2.00");
  const form = page.getByTestId("refund-form");
  await form.getByLabel(/amount/i).fill("3.00");
  await form.getByLabel("Reason").fill("Goodwill");
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByTestId("form-error")).toContainText("At most €2.00 can still be refunded");
  await form.getByLabel(/amount/i).fill("2.00");
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByTestId("receipt-refunds")).toContainText("Goodwill");
  const p = await testDb().payment.findFirstOrThrow({ where: { bookingId: b.id } });
  expect([p.status, p.capturedMinor, p.refundedMinor]).toEqual(["REFUNDED", 200, 200]);
  expect(await testDb().auditLog.count({ where: { action: "payment.refund", entityId: p.id } })).toBe(1);
});

test("malformed ids in driver URLs answer 404, not a server error", async ({ page }) => {
  const { email } = await driver();
  await signIn(page, email, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  const bad = "-".repeat(36);
  for (const path of [`/sessions/${bad}`, `/account/receipts/session/${bad}`, `/account/receipts/booking/not-a-uuid`, `/stations/${bad}/book`, `/stations/${bad}/charge`]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  }
  for (const path of [`/sessions/${bad}/state`, `/api/receipts/session/${"a".repeat(36)}`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});

test("@mobile an unpaid balance (cost above the hold not collected) shows on the receipt and in the wallet, and is settled there by card", async ({ page }) => {
  const { email, user } = await driver();
  const s = await station();
  const session = await testDb().chargingSession.create({
    data: { userId: user.id, stationId: s.id, connectorNumber: 1, status: "COMPLETED", startedAt: new Date(Date.now() - 3_600_000), endedAt: new Date(), energyWh: 10_000, costMinor: 400, currency: "EUR" },
  });
  await testDb().payment.create({ data: { userId: user.id, purpose: "SESSION", provider: "DEMO", status: "CAPTURED", currency: "EUR", authorizedMinor: 115, capturedMinor: 115, sessionId: session.id, externalId: `demo_pi_${randomUUID()}` } });
  const owed = await testDb().outstandingBalance.create({ data: { userId: user.id, sessionId: session.id, amountMinor: 285, currency: "EUR", reason: "Your card was declined." } });
  await signIn(page, email, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));

  await page.goto(`/account/receipts/session/${session.id}`);
  await expect(page.getByTestId("receipt-unpaid")).toContainText("€2.85");

  await page.goto("/account/wallet");
  const unpaid = page.getByTestId("unpaid-balance");
  await expect(unpaid).toContainText("€2.85");
  await expect(unpaid).toContainText(s.name);
  await expect(unpaid).toContainText("Your card was declined.");
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay €2.85" }).click();
  await expect(unpaid).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId("top-up-form")).toBeVisible();
  const settled = await testDb().outstandingBalance.findUniqueOrThrow({ where: { id: owed.id } });
  expect(settled.settledPaymentId).not.toBeNull();
  const paid = await testDb().payment.findMany({ where: { sessionId: session.id, status: "CAPTURED" } });
  expect(paid.reduce((sum, p) => sum + p.capturedMinor, 0)).toBe(400);
});

test("@mobile pay form: a malformed card and a bad top-up amount are marked on the fields with the reason; nothing is charged", async ({ page }) => {
  const { email, user } = await driver();
  const s = await station();
  await signIn(page, email, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto(`/stations/${s.id}/book?connector=${s.connectors[0]!.id}`);
  await page.getByLabel(/card number/i).fill("1234");
  await page.getByLabel(/expiry/i).fill("13/99");
  await page.getByLabel(/^cvc$/i).fill("1");
  await page.getByRole("button", { name: "Book and pay" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Please correct the highlighted fields.");
  for (const [label, reason] of [[/card number/i, "This card number is not valid: check the digits."], [/expiry/i, "The expiry date must be MM/YY with a month from 01 to 12."], [/^cvc$/i, "The CVC is 3 or 4 digits."]] as const) {
    const input = page.getByLabel(label);
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription(reason);
    await expect(input).toHaveClass(/border-red-600/);
  }
  // Fixing one field clears its mark on the next try; the others keep theirs.
  await page.getByLabel(/card number/i).fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Book and pay" }).click();
  await expect(page.getByLabel(/card number/i)).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^cvc$/i)).toHaveAttribute("aria-invalid", "true");
  expect(await testDb().booking.count({ where: { userId: user.id } })).toBe(0);
  expect(await testDb().payment.count({ where: { userId: user.id } })).toBe(0);

  await page.goto("/account/wallet");
  await page.getByLabel(/amount/i).fill("abc");
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Top up by card" }).click();
  await expect(page.getByTestId("field-error-amount")).toHaveText("Enter an amount such as 20 or 20.50.");
  await expect(page.getByLabel(/amount/i)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("wallet-balance")).toContainText("€0.00");
});

test("@mobile bookings list: upcoming first (soonest first) with the amount held, then past ones with what was charged", async ({ page }) => {
  const { email, user } = await driver();
  const s = await station();
  const card = { number: "4242424242424242", expMonth: 12, expYear: 2034, cvc: "123" };
  const at = (h: number) => ({ stationId: s.id, connectorId: s.connectors[0]!.id, startsAt: new Date(Date.now() + h * 3_600_000), durationMinutes: 60 });
  const later = await createBooking(testDb(), user, at(30), card);
  const gone = await createBooking(testDb(), user, at(0.5), card);
  await cancelBooking(testDb(), user, gone.id); // late: €2.00 kept
  const soon = await createBooking(testDb(), user, at(5), card);
  await signIn(page, email, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto("/bookings");
  const items = page.getByTestId("booking-item");
  await expect(items).toHaveCount(3);
  expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-booking-id")))).toEqual([soon.id, later.id, gone.id]);
  await expect(page.getByTestId("bookings-upcoming").getByTestId("booking-amount").first()).toHaveText("Held: €7.00");
  await expect(page.getByTestId("bookings-past").getByTestId("booking-amount")).toContainText("Charged: €2.00");
});

test("@mobile booking 'now' a connector that is finishing is refused before paying, with the reason", async ({ page }) => {
  const { email, user } = await driver();
  const s = await testDb().station.create({
    data: { name: `Busy e2e ${randomUUID().slice(0, 6)}`, lat: 52.5, lng: 13.4, pricePerKwhMinor: 40, ocppIdentity: `E2E-BUSY-${randomUUID().slice(0, 6)}`, isOnline: true,
      connectors: { create: [{ connectorId: 1, type: "TYPE2", maxPowerKw: 11, status: "FINISHING" }] } },
    include: { connectors: true },
  });
  await signIn(page, email, PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto(`/stations/${s.id}/book?connector=${s.connectors[0]!.id}`);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Book and pay" }).click(); // "Now" is the first start offered
  await expect(page.getByTestId("form-error")).toContainText("finishing right now, so it cannot be booked from now");
  expect(await testDb().payment.count({ where: { userId: user.id } })).toBe(0);
});
