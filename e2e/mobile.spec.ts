// Mobile charging in a browser, against the real web app and database: a
// driver requests a charge and pays with the demo card, the provider (a second
// browser context) accepts, drives (positions typed into the manual form) and
// completes; the driver's page follows live, then the driver rates. Also: no
// offers outside every area, none from a service without approved documents,
// and the provider/admin document review from upload to listing.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./helpers/test.ts";
import { onePagePdf } from "../lib/mobile/one-page-pdf.ts";
import { signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";

const PASSWORD = "e2e-mobile-pass";

async function newUser(role: "DRIVER" | "MOBILE_PROVIDER" | "ADMIN", name: string) {
  const email = uniqueEmail(role.toLowerCase());
  await testDb().user.create({
    data: { email, name, role, passwordHash: bcrypt.hashSync(PASSWORD, 4), referralCode: `M${randomUUID().slice(0, 10)}`, wallet: { create: {} }, settings: { create: { preferredLanguage: "en" } } },
  });
  return email;
}

/** A listed service (ACTIVE, licence and insurance approved, or not) around a point. */
async function newService(providerEmail: string, at: { lat: number; lng: number }, name: string, docs: "APPROVED" | "PENDING" = "APPROVED") {
  const provider = await testDb().user.findUniqueOrThrow({ where: { email: providerEmail } });
  const s = await testDb().mobileService.create({
    data: {
      providerId: provider.id, companyName: `${name} GmbH`, serviceName: name, centerLat: at.lat, centerLng: at.lng, radiusKm: 20, plugTypes: ["CCS", "TYPE2"],
      pricePerHourMinor: 2000, pricePerKwhMinor: 60, minimumChargeMinor: 1000, travelFeeType: "FLAT", travelFeeMinor: 500, maxDistanceKm: 25,
      responseTimeMinutes: 40, status: "ACTIVE", contactInfo: { phone: "+49 40 555000" }, vehicleInfo: { type: "Van", plate: "HH-E2E 1" },
    },
  });
  for (const kind of ["BUSINESS_LICENSE", "INSURANCE"] as const) {
    const pdf = onePagePdf(kind);
    const up = await testDb().mediaUpload.create({ data: { fileType: "PROVIDER_DOCUMENT", mimeType: "application/pdf", originalName: `${kind}.pdf`, fileSize: pdf.length, data: pdf } });
    await testDb().providerDocument.create({ data: { serviceId: s.id, kind, mediaUploadId: up.id, status: docs } });
  }
  return s;
}

async function desktopPage(browser: Browser) {
  const ctx = await browser.newContext({ baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000", viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  return ctx.newPage();
}

async function fillRequest(page: Page, at: { lat: number; lng: number }) {
  await page.goto("/mobile");
  const form = page.getByTestId("mobile-request-form");
  await form.getByLabel("Latitude").fill(String(at.lat));
  await form.getByLabel("Longitude").fill(String(at.lng));
  await form.getByLabel("Address").fill("Jungfernstieg 1");
  await form.getByLabel("Car model").fill("VW ID.3");
  await form.getByLabel("Number plate").fill("HH-AB 123");
  await form.getByLabel("Battery level (%)").fill("7");
  await form.getByLabel("Plug type").selectOption("CCS");
  await form.getByLabel("Urgency").selectOption("HIGH");
  await form.getByLabel("Energy wanted (kWh)").fill("20");
  await form.getByLabel("Phone").fill("+49 40 1234567");
  await form.getByTestId("find-services").click();
}

test.describe("mobile charging", () => {
  test("a driver requests a charge, the provider accepts, drives and completes; the driver follows live, pays and rates @mobile", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const tag = randomUUID().slice(0, 6);
    const at = { lat: 53.55, lng: 10.0 };
    const driver = await newUser("DRIVER", `Dora Driver ${tag}`);
    const providerEmail = await newUser("MOBILE_PROVIDER", `Paul Provider ${tag}`);
    const name = `Hamburg rescue ${tag}`;
    await newService(providerEmail, at, name);

    await signIn(page, driver, PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await fillRequest(page, { lat: 53.56, lng: 10.01 });
    const offer = page.getByTestId("offer").filter({ has: page.getByText(name, { exact: false }) });
    await expect(offer).toBeVisible();
    await expect(offer.getByTestId("offer-eta")).toHaveText("40 min");
    // 20 kWh × 0.60 = 12.00, + 5.00 flat travel.
    await expect(offer.getByTestId("offer-total")).toContainText("17.00");
    await expect(page.getByTestId("cancel-rules")).toContainText("cancel for free");
    await expect(page.getByTestId("demo-payments")).toContainText("Demo payments — no real money");
    await offer.click();
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry (MM/YY)").fill("12/34");
    await page.getByLabel("CVC").fill("123");
    if ((page.viewportSize()?.width ?? 1000) <= 400) {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(392);
    }
    await page.getByTestId("confirm-request").click();
    await expect(page).toHaveURL(/\/mobile\/requests\/[0-9a-f-]{36}$/);
    const requestId = page.url().split("/").pop()!;
    await expect(page.getByTestId("request-status")).toHaveAttribute("data-status", "PENDING");
    await expect(page.getByTestId("held")).toContainText("22.00"); // 17.00 × 1.25 rounded up to whole euros
    // From here on the driver's page must update without a reload.
    await page.evaluate(() => { (window as unknown as { __stay: number }).__stay = 1; });

    const pp = await desktopPage(browser);
    await signIn(pp, providerEmail, PASSWORD);
    await expect(pp).toHaveURL(/\/provider$/);
    await expect(pp.getByTestId("waiting-requests")).toBeVisible();
    await pp.goto("/provider/requests");
    await pp.getByTestId("request-row").filter({ hasText: name }).getByRole("link").click();
    await expect(pp).toHaveURL(new RegExp(`/provider/requests/${requestId}$`));
    await expect(pp.getByText("VW ID.3 · HH-AB 123 · 7 %")).toBeVisible();
    await pp.getByTestId("accept-form").getByRole("button").click();
    await expect(pp.getByTestId("request-status")).toHaveAttribute("data-status", "CONFIRMED");
    await expect(page.getByTestId("request-status")).toHaveAttribute("data-status", "CONFIRMED");

    await pp.getByTestId("trip-form").getByRole("button").click();
    await expect(pp.getByTestId("request-status")).toHaveAttribute("data-status", "EN_ROUTE");
    await expect(page.getByTestId("request-status")).toHaveAttribute("data-status", "EN_ROUTE");

    const position = pp.getByTestId("position-form");
    await position.getByLabel("Latitude").fill("53.65");
    await position.getByLabel("Longitude").fill("10.01");
    await position.getByRole("button").click();
    await expect(position.getByTestId("form-message")).toContainText("ETA");
    const eta = page.getByTestId("eta");
    await expect(eta).not.toHaveAttribute("data-minutes", "40");
    const far = Number(await eta.getAttribute("data-minutes"));
    expect(far).toBeGreaterThan(20);
    await expect(page.getByTestId("van-position")).toContainText("53.65000");

    await position.getByLabel("Latitude").fill("53.565");
    await position.getByLabel("Longitude").fill("10.012");
    await position.getByRole("button").click();
    await expect(eta).not.toHaveAttribute("data-minutes", String(far));
    expect(Number(await eta.getAttribute("data-minutes"))).toBeLessThan(far);
    await expect(eta).toHaveText(/^\d+ min$/);

    await pp.getByTestId("charging-form").getByRole("button").click();
    await expect(page.getByTestId("request-status")).toHaveAttribute("data-status", "CHARGING");
    const complete = pp.getByTestId("complete-form");
    await complete.getByLabel("Energy delivered (kWh)").fill("18");
    await complete.getByRole("button").click();
    await expect(pp.getByTestId("request-status")).toHaveAttribute("data-status", "COMPLETED");
    // 18 kWh × 0.60 = 10.80, + 5.00 travel.
    await expect(pp.getByTestId("final-price")).toContainText("15.80");
    await expect(pp.getByTestId("captured")).toContainText("15.80");

    await expect(page.getByTestId("request-status")).toHaveAttribute("data-status", "COMPLETED");
    await expect(page.getByTestId("final-energy")).toContainText("18");
    await expect(page.getByTestId("final-price")).toContainText("15.80");
    await expect(page.getByTestId("charged")).toContainText("15.80");
    expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);

    const rating = page.getByTestId("rating-form");
    await rating.getByLabel("4 of 5 stars").check();
    await rating.getByLabel("Comment").fill("Quick and friendly");
    await rating.getByRole("button").click();
    await expect(page.getByTestId("my-rating")).toContainText("Quick and friendly");

    await pp.reload();
    await expect(pp.getByTestId("provider-rating")).toContainText("Quick and friendly");
    await pp.goto("/provider/ratings");
    await expect(pp.getByTestId("rating-service").filter({ hasText: name }).getByTestId("rating-avg")).toHaveText("★ 4.00");
    await pp.goto("/provider/earnings");
    await expect(pp.getByTestId("earnings-total")).toContainText("15.80");
    const csv = await pp.request.get("/provider/earnings/export.csv");
    expect(await csv.text()).toContain(`"${requestId}","${name}","COMPLETED"`);
    await pp.context().close();
  });

  test("a driver cancels a waiting request for free with a reason; the provider sees it cancelled and cannot accept it @mobile", async ({ page, browser }) => {
    const tag = randomUUID().slice(0, 6);
    const at = { lat: 48.14 + Math.random() / 100, lng: 11.58 };
    const driver = await newUser("DRIVER", `Carla Canceller ${tag}`);
    const providerEmail = await newUser("MOBILE_PROVIDER", `Moritz Munich ${tag}`);
    const name = `Munich rescue ${tag}`;
    await newService(providerEmail, at, name);
    await signIn(page, driver, PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await fillRequest(page, at);
    await page.getByTestId("offer").filter({ hasText: name }).click();
    // A declined demo card: nothing is requested, the form says why and keeps its fields.
    await page.getByLabel("Card number").fill("4000 0000 0000 0002");
    await page.getByLabel("Expiry (MM/YY)").fill("12/34");
    await page.getByLabel("CVC").fill("123");
    await page.getByTestId("confirm-request").click();
    await expect(page.getByTestId("form-error")).toContainText("declined");
    await expect(page).toHaveURL(/\/mobile$/);
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByTestId("confirm-request").click();
    await expect(page).toHaveURL(/\/mobile\/requests\/[0-9a-f-]{36}$/);
    const requestId = page.url().split("/").pop()!;

    const pp = await desktopPage(browser);
    await signIn(pp, providerEmail, PASSWORD);
    await expect(pp).toHaveURL(/\/provider$/);
    await pp.goto(`/provider/requests/${requestId}`);
    await expect(pp.getByTestId("request-status")).toHaveAttribute("data-status", "PENDING");

    await page.getByTestId("cancel-box").locator("summary").click();
    await expect(page.getByTestId("cancel-fee")).toHaveText("Cancelling now is free.");
    const cancel = page.getByTestId("driver-cancel-form");
    await cancel.getByRole("button").click();
    await expect(cancel.getByTestId("form-error")).toBeVisible();
    await cancel.getByLabel("Reason").fill("Found a charger nearby");
    await cancel.getByRole("button").click();
    await expect(page.getByTestId("request-status")).toHaveAttribute("data-status", "CANCELLED");
    await expect(page.getByTestId("charged")).toContainText("0.00");
    await expect(page.getByTestId("cancel-reason")).toHaveText("Found a charger nearby");

    // The provider's open page follows live; the request can no longer be accepted.
    await expect(pp.getByTestId("request-status")).toHaveAttribute("data-status", "CANCELLED");
    await expect(pp.getByTestId("accept-form")).toHaveCount(0);
    await pp.goto("/provider/requests?tab=past");
    await expect(pp.getByTestId("request-row").filter({ hasText: name })).toContainText("Cancelled");
    await pp.context().close();
  });

  test("a place outside every service area finds no service @mobile", async ({ page }) => {
    const driver = await newUser("DRIVER", "Olga Ocean");
    await signIn(page, driver, PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await fillRequest(page, { lat: 40.0, lng: -40.0 });
    await expect(page.getByTestId("no-offers")).toBeVisible();
    await expect(page.getByTestId("offer")).toHaveCount(0);
    await expect(page.getByTestId("confirm-request")).toHaveCount(0);
  });

  test("a service whose documents are not approved is not offered @mobile", async ({ page }) => {
    const tag = randomUUID().slice(0, 6);
    const at = { lat: 64.13 + Math.random() / 100, lng: -21.9 };
    const providerEmail = await newUser("MOBILE_PROVIDER", `Pending ${tag}`);
    await newService(providerEmail, at, `Unapproved ${tag}`, "PENDING");
    await newService(providerEmail, at, `Approved ${tag}`, "APPROVED");
    const driver = await newUser("DRIVER", `Rey Driver ${tag}`);
    await signIn(page, driver, PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await fillRequest(page, at);
    await expect(page.getByTestId("offer").filter({ hasText: `Approved ${tag}` })).toBeVisible();
    await expect(page.getByTestId("offer").filter({ hasText: `Unapproved ${tag}` })).toHaveCount(0);
  });

  test("bad request input is explained field by field; the page speaks Russian @mobile", async ({ page }) => {
    const driver = await newUser("DRIVER", "Fehler Fritz");
    await signIn(page, driver, PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto("/mobile");
    await page.getByTestId("find-services").click();
    await expect(page.getByTestId("field-errors")).toContainText("Set the car's position");
    await expect(page.getByLabel("Latitude")).toHaveAttribute("aria-invalid", "true");
    await page.context().addCookies([{ name: "lang", value: "ru", url: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000" }]);
    await page.goto("/mobile");
    await expect(page.getByTestId("mobile-title")).toHaveText("Заказать мобильную зарядку");
    await page.goto("/mobile/requests");
    await expect(page.getByTestId("mobile-requests-title")).toHaveText("Мои заявки на мобильную зарядку");
  });

  test("a provider lists a service and uploads documents; the admin rejects one with a reason and approves the rest; the service is listed", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const tag = randomUUID().slice(0, 6);
    const providerEmail = await newUser("MOBILE_PROVIDER", `Lena Lister ${tag}`);
    const adminEmail = await newUser("ADMIN", `Anna Admin ${tag}`);
    await signIn(page, providerEmail, PASSWORD);
    await expect(page).toHaveURL(/\/provider$/);
    await page.getByTestId("add-service").click();
    const form = page.getByTestId("service-form");
    await form.getByLabel("Company name").fill(`Lister ${tag} GmbH`);
    await form.getByLabel("Service name").fill(`Leipzig ${tag}`);
    // Click the plain map to set the centre, then type the exact point.
    await page.getByTestId("area-map").click({ position: { x: 100, y: 100 } });
    await expect(form.getByLabel("Latitude")).not.toHaveValue("");
    await form.getByLabel("Latitude").fill("51.34");
    await form.getByLabel("Longitude").fill("12.37");
    await form.getByLabel("Radius (km)").fill("12");
    await expect(page.locator("[data-testid=area-map] path.leaflet-interactive")).toHaveCount(1);
    await form.getByLabel("Price per kWh").fill("0.70");
    await form.getByLabel("Price per hour").fill("abc");
    await form.getByLabel("Phone", { exact: true }).fill("+49 341 555");
    await form.getByRole("button", { name: "Create service" }).click();
    await expect(form.getByTestId("field-errors")).toContainText("Enter an amount like 12.50.");
    await form.getByLabel("Price per hour").fill("25");
    await form.getByRole("button", { name: "Create service" }).click();
    await expect(page.getByTestId("service-created")).toBeVisible();
    await expect(page.getByTestId("service-status")).toHaveText("Waiting for review");
    const serviceUrl = page.url().replace(/\?.*$/, "");

    const upload = page.getByTestId("document-upload");
    for (const [kind, file] of [["BUSINESS_LICENSE", "licence.pdf"], ["INSURANCE", "insurance.pdf"]] as const) {
      await upload.getByLabel("Document").selectOption(kind);
      await upload.getByLabel("File").setInputFiles({ name: file, mimeType: "application/pdf", buffer: onePagePdf(file) });
      await upload.getByRole("button", { name: "Upload" }).click();
      await expect(page.locator(`[data-testid=document-row][data-kind=${kind}]`)).toHaveAttribute("data-status", "PENDING");
    }
    await upload.getByLabel("File").setInputFiles({ name: "virus.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
    await upload.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByTestId("document-result")).toHaveText("Only PDF, JPEG or PNG files are accepted.");

    const ap = await desktopPage(browser);
    await signIn(ap, adminEmail, PASSWORD);
    await expect(ap).toHaveURL(/\/admin$/);
    await ap.goto("/admin/documents");
    const rows = ap.getByTestId("review-row").filter({ hasText: `Leipzig ${tag}` });
    await expect(rows).toHaveCount(2);
    const insurance = rows.filter({ hasText: "Insurance" });
    const file = await ap.request.get((await insurance.getByTestId("view-document").getAttribute("href"))!);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    await insurance.getByTestId("reject-form").getByRole("button").click();
    await expect(insurance.getByTestId("form-error")).toContainText("Say why");
    await insurance.getByLabel("Reason for rejecting").fill("Policy expired in 2024");
    await insurance.getByTestId("reject-form").getByRole("button").click();
    await expect(rows).toHaveCount(1);
    await rows.getByTestId("approve-form").getByRole("button").click();
    await expect(rows).toHaveCount(0);

    await page.reload();
    await expect(page.getByTestId("rejection-reason")).toContainText("Policy expired in 2024");
    await expect(page.getByTestId("service-status")).toHaveText("Waiting for review");
    await upload.getByLabel("Document").selectOption("INSURANCE");
    await upload.getByLabel("File").setInputFiles({ name: "insurance-2026.pdf", mimeType: "application/pdf", buffer: onePagePdf("new policy") });
    await upload.getByRole("button", { name: "Upload" }).click();
    await expect(page.locator("[data-testid=document-row][data-kind=INSURANCE]")).toHaveAttribute("data-status", "PENDING");

    await ap.reload();
    await rows.getByTestId("approve-form").getByRole("button").click();
    await expect(rows).toHaveCount(0);
    await page.goto(serviceUrl);
    await expect(page.getByTestId("service-status")).toHaveText("Listed");
    // Another provider's document is not served to this provider.
    const foreign = await testDb().providerDocument.findFirstOrThrow({ where: { service: { serviceName: "Berlin rescue charge" } } });
    expect((await page.request.get(`/api/mobile/documents/${foreign.id}`)).status()).toBe(404);
    // The console speaks Russian too.
    await page.context().addCookies([{ name: "lang", value: "ru", url: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000" }]);
    await page.goto(serviceUrl);
    await expect(page.getByTestId("service-status")).toHaveText("В каталоге");
    await page.goto("/provider/earnings");
    await expect(page.getByTestId("earnings-title")).toHaveText("Доходы");
    await ap.context().addCookies([{ name: "lang", value: "ru", url: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000" }]);
    await ap.goto("/admin/documents");
    await expect(ap.getByTestId("documents-title")).toHaveText("Документы поставщиков");
    await ap.context().close();
  });
});
