// Security regressions in a real browser against the real stack: a driver
// who types other roles' URLs, or ids of other people's sessions, receipts,
// requests and exports, gets 404 (401 when signed out) and none of the data;
// pages that know secrets (admin operator and user pages, owner station
// pages, public station pages) send none of them to the browser; the session
// cookie is HttpOnly and SameSite.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./helpers/test.ts";
import { DEMO_PASSWORD } from "../lib/seed/demo-accounts.ts";
import { createApiKey } from "../lib/api/api-keys.ts";
import { signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";

const PASSWORD = "security-e2e-pass";
const OPERATOR_TOKEN = `op-secret-${randomUUID()}`;
const BCRYPT = /\$2[aby]\$\d\d\$/;

async function newUser(role: "DRIVER" | "ADMIN", name: string) {
  const email = uniqueEmail(`sec-${role.toLowerCase()}`);
  return testDb().user.create({
    data: { email, name, role, passwordHash: bcrypt.hashSync(PASSWORD, 4), referralCode: `SEC${randomUUID().slice(0, 8)}` },
  });
}

/** Alice's things, the demo garage's, owner's and provider's, an operator with a token and an API key. */
async function world() {
  const db = testDb();
  const alice = await newUser("DRIVER", "Alice Victim");
  const mallory = await newUser("DRIVER", "Mallory Prober");
  const admin = await newUser("ADMIN", "Ada Admin");
  const station = await db.station.findUniqueOrThrow({ where: { ocppIdentity: "DEMO-CITY-01" }, include: { connectors: true } });
  const started = new Date(Date.now() - 3 * 3600_000);
  const done = await db.chargingSession.create({
    data: {
      stationId: station.id, connectorNumber: 1, userId: alice.id, status: "COMPLETED", currency: "EUR", idTag: `SEC${randomUUID().slice(0, 8)}`,
      startedAt: started, endedAt: new Date(started.getTime() + 3600_000), meterStartWh: 0n, meterStopWh: 9000n, energyWh: 9000, costMinor: 441,
    },
  });
  const active = await db.chargingSession.create({
    data: { stationId: station.id, connectorNumber: 2, userId: alice.id, status: "ACTIVE", currency: "EUR", startedAt: new Date(), meterStartWh: 0n },
  });
  const site = await db.site.findFirstOrThrow({ where: { admins: { some: { user: { email: "garage@chargeway.test" } } } }, include: { renters: true, stations: true } });
  const service = await db.mobileService.findFirstOrThrow({ where: { provider: { email: "provider@chargeway.test" } }, include: { documents: true } });
  const request = await db.mobileRequest.create({
    data: {
      userId: alice.id, serviceId: service.id, lat: 52.52, lng: 13.41, plugType: "TYPE2", distanceKm: 1, currency: "EUR",
      basePriceMinor: 1000, travelFeeMinor: 80, totalMinor: 1080, contactPhone: "+49 30 5550199", notes: "Alice's private note",
    },
  });
  const operator = await db.operator.create({ data: { name: `Sec Operator ${randomUUID().slice(0, 6)}`, apiBaseUrl: "https://ocpi.example/2.2.1/", config: { token: OPERATOR_TOKEN } } });
  const apiKey = await createApiKey(db, { name: "security e2e", createdById: admin.id });
  return { alice, mallory, admin, station, done, active, site, service, request, operator, apiKey };
}

let w: Awaited<ReturnType<typeof world>>;
test.beforeAll(async () => { w = await world(); });

async function signedIn(page: Page, email: string, password: string, home: RegExp) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(home);
}

/** The raw HTML (with the React payload inside it) must hold no secret. */
async function expectNoSecrets(request: APIRequestContext, path: string, extra: string[] = []) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  const html = await res.text();
  expect(html, `${path} holds a bcrypt hash`).not.toMatch(BCRYPT);
  expect(html, `${path} names a hash field`).not.toMatch(/passwordHash|ocppPasswordHash|keyHash/);
  expect(html, `${path} holds an API key`).not.toContain("cw_live_");
  for (const s of [OPERATOR_TOKEN, ...extra]) expect(html, `${path} holds a secret`).not.toContain(s);
  return html;
}

test("a driver gets 404 for every other role's page and export, and none of their data", async ({ page }) => {
  await signedIn(page, w.mallory.email, PASSWORD, /\/account$/);
  const renter = w.site.renters[0];
  const pages = [
    "/admin", "/admin/users", `/admin/users/${w.alice.id}`, "/admin/stations", `/admin/stations/${w.station.id}`, "/admin/operators",
    `/admin/operators/${w.operator.id}`, "/admin/settings", "/admin/audit", "/admin/issues", "/admin/documents",
    "/owner", `/owner/stations/${w.station.id}`, "/owner/earnings", "/owner/payouts", "/owner/reviews",
    "/garage", `/garage/${w.site.id}`, `/garage/${w.site.id}/renters/${renter.id}`, `/garage/${w.site.id}/chargers/${w.site.stations[0].id}`, `/garage/${w.site.id}/statements/${renter.id}`,
    "/provider", "/provider/requests", `/provider/requests/${w.request.id}`, "/provider/earnings",
  ];
  for (const path of pages) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    const html = await res!.text();
    expect(html, path).not.toContain(w.alice.email);
    expect(html, path).not.toContain(renter.name);
  }
  const exports = [
    "/owner/earnings/sessions.csv", "/owner/payouts/statement.csv?month=2026-01", `/owner/stations/${w.station.id}/photos/${randomUUID()}`,
    `/garage/${w.site.id}/statements/${renter.id}/csv?month=2026-01`, "/provider/earnings/export.csv", `/api/mobile/documents/${w.service.documents[0].id}`,
  ];
  for (const path of exports) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).not.toMatch(/,.*,|%PDF/);
  }
  // Uploads into another role's records are refused the same way.
  const upload = await page.request.post(`/api/mobile/services/${w.service.id}/documents`, { multipart: { kind: "INSURANCE", file: { name: "x.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") } } });
  expect(upload.status()).toBe(404);
  expect(await testDb().providerDocument.count({ where: { serviceId: w.service.id, kind: "INSURANCE", status: "PENDING" } })).toBe(0);
});

test("another driver's sessions, receipts and mobile requests are 404 with none of their data; signed-out visitors get 401", async ({ page, browser }) => {
  await signedIn(page, w.mallory.email, PASSWORD, /\/account$/);
  for (const path of [`/sessions/${w.done.id}`, `/sessions/${w.active.id}`, `/account/receipts/session/${w.done.id}`, `/mobile/requests/${w.request.id}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    const html = await res!.text();
    expect(html, path).not.toContain("Alice's private note");
    expect(html, path).not.toContain(w.alice.email);
  }
  for (const path of [`/api/receipts/session/${w.done.id}`, `/sessions/${w.active.id}/state`, `/sessions/${w.done.id}/state`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).not.toContain("%PDF");
  }
  // Mallory's own export holds nothing of Alice's.
  const csv = await page.request.get("/account/history/export");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).not.toContain(w.station.name);

  // The same receipt opens for an admin: the 404 above is about who asks.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signedIn(adminPage, w.admin.email, PASSWORD, /\/admin$/);
  const pdf = await adminPage.request.get(`/api/receipts/session/${w.done.id}`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await adminContext.close();

  const anon = await browser.newContext();
  for (const path of ["/account/history/export", "/owner/earnings/sessions.csv", "/provider/earnings/export.csv", `/api/mobile/documents/${w.service.documents[0].id}`]) {
    expect((await anon.request.get(path)).status(), path).toBe(401);
  }
  for (const path of [`/api/receipts/session/${w.done.id}`, `/sessions/${w.active.id}/state`]) {
    expect((await anon.request.get(path)).status(), path).toBe(404);
  }
  await anon.close();
});

test("admin, owner, garage and public pages send no password hashes, API keys or operator tokens to the browser", async ({ browser }) => {
  const admin = await browser.newContext();
  const ap = await admin.newPage();
  await signedIn(ap, w.admin.email, PASSWORD, /\/admin$/);
  const operatorHtml = await expectNoSecrets(ap.request, `/admin/operators/${w.operator.id}`);
  expect(operatorHtml).toContain(w.operator.name);
  for (const path of ["/admin/operators", "/admin/users", `/admin/users/${w.alice.id}`, `/admin/users?q=${encodeURIComponent(w.alice.email)}`,
    "/admin/stations", `/admin/stations/${w.station.id}`, `/admin/stations/${w.site.stations[0].id}`, "/admin/settings", "/admin/audit", "/admin/documents"]) {
    await expectNoSecrets(ap.request, path, [w.apiKey.key]);
  }
  // Malformed ids are "not found" or ignored, never a server error.
  const dashes = "-".repeat(36);
  for (const path of [`/admin/users/${dashes}`, `/admin/stations/${dashes}`, `/admin/operators/${dashes}`, `/admin/issues/${dashes}`]) {
    expect((await ap.request.get(path)).status(), path).toBe(404);
  }
  for (const path of [`/admin/issues?assigned=${dashes}`, `/admin/stations?ownerId=${dashes}`]) expect((await ap.request.get(path)).status(), path).toBe(200);
  await admin.close();

  const owner = await browser.newContext();
  const op = await owner.newPage();
  await signedIn(op, "owner@chargeway.test", DEMO_PASSWORD, /\/owner$/);
  const stationHtml = await expectNoSecrets(op.request, `/owner/stations/${w.station.id}`);
  expect(stationHtml).toContain(w.station.ocppIdentity!);
  for (const path of ["/owner", "/owner/earnings", "/owner/reviews"]) await expectNoSecrets(op.request, path);
  await owner.close();

  const garage = await browser.newContext();
  const gp = await garage.newPage();
  await signedIn(gp, "garage@chargeway.test", DEMO_PASSWORD, /\/garage/);
  await expectNoSecrets(gp.request, `/garage/${w.site.id}/chargers/${w.site.stations[0].id}`);
  await garage.close();

  const anon = await browser.newContext();
  await expectNoSecrets(anon.request, `/stations/${w.station.id}`);
  await expectNoSecrets(anon.request, "/");
  await anon.close();
});

test("the session cookie is HttpOnly and SameSite=Lax, and a forged one is nobody", async ({ page, context }) => {
  await signedIn(page, w.mallory.email, PASSWORD, /\/account$/);
  const cookie = (await context.cookies()).find((c) => /next-auth\.session-token$/.test(c.name));
  expect(cookie, "a session cookie is set").toBeTruthy();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  // A forged cookie (not signed with the server's secret) is nobody.
  const forged = await page.context().browser()!.newContext();
  await forged.addCookies([{ ...cookie!, value: `${cookie!.value.slice(0, -4)}AAAA` }]);
  expect((await forged.request.get("/account/history/export")).status()).toBe(401);
  await forged.close();
});

test("after sign-in a look-alike path (/\\host) never sends the browser to another site", async ({ page }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\\evil.example/phish")}`);
  await page.getByLabel(/e-mail|эл\. почта/i).fill(w.mallory.email);
  await page.getByLabel(/^password$|^пароль$/i).fill(PASSWORD);
  await page.getByRole("button", { name: /sign in|войти/i }).click();
  await expect(page).toHaveURL(/\/account$/);
  for (const next of ["/\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/"]) {
    const res = await page.request.get(`/go?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(res.status()).toBe(303);
    const target = new URL(res.headers().location, page.url());
    expect(target.host, next).toBe(new URL(page.url()).host);
  }
  const ok = await page.request.get(`/go?next=${encodeURIComponent("/account/favorites")}`, { maxRedirects: 0 });
  expect(ok.headers().location).toBe("/account/favorites");
});
