import { type Browser } from "@playwright/test";
import { expect, test } from "./helpers/test.ts";
import { DEMO_PASSWORD } from "../lib/seed/demo-accounts.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { expectSignedInHome, signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";
import { RPCClient } from "../lib/ocpp/rpc.ts";

const OCPP_URL = process.env.E2E_OCPP_URL ?? "ws://127.0.0.1:9000/ocpp";

const ADMIN = "admin@chargeway.test";

async function makeDriver(name: string) {
  const email = uniqueEmail(name.toLowerCase().replace(/\s+/g, "-"));
  const user = await testDb().user.create({
    data: { email, name, passwordHash: await hashPassword(DEMO_PASSWORD), referralCode: `E2E${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(0, 20) },
  });
  return user;
}

async function signedInPage(browser: Browser, email: string, home: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expectSignedInHome(page, home);
  return { context, page };
}

test("an admin suspends a user and resolves an issue report; both are in the audit log; the user is signed out and cannot sign in; the reporter is notified", async ({ browser }) => {
  const victim = await makeDriver("Sam Suspended");
  const reporter = await makeDriver("Rita Reporter");
  const station = await testDb().station.create({ data: { name: `E2E Issue Station ${Date.now()}`, lat: 52.5, lng: 13.4 } });
  const issue = await testDb().stationIssue.create({
    data: { stationId: station.id, reportedById: reporter.id, type: "DAMAGED", description: "The CCS cable is cut" },
  });

  // The user to be suspended is signed in elsewhere.
  const victimSession = await signedInPage(browser, victim.email, "/account");

  const { page } = await signedInPage(browser, ADMIN, "/admin");

  // Users: search, open, suspend with a reason.
  await page.getByRole("link", { name: "Users" }).first().click();
  await page.getByLabel("Name, e-mail or phone").fill(victim.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await page.getByRole("link", { name: "Sam Suspended" }).click();
  await expect(page.getByTestId("user-status")).toHaveText("Active");
  const statusForm = page.getByTestId("status-form");
  await statusForm.getByRole("button", { name: "Suspend" }).click();
  await expect(statusForm.getByTestId("form-error")).toBeVisible(); // no reason given
  await statusForm.getByLabel("Reason").fill("Repeated payment fraud");
  await statusForm.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByTestId("user-status")).toHaveText("Suspended");

  // Their open session has ended.
  await victimSession.page.goto("/account");
  await expect(victimSession.page).toHaveURL(/\/signin/);
  await victimSession.context.close();

  // Issue report: acknowledge and resolve with a note.
  await page.goto(`/admin/issues?q=${encodeURIComponent(station.name)}`);
  await expect(page.getByTestId("issue-row")).toHaveCount(1);
  await page.getByTestId("issue-row").getByRole("link").click();
  await expect(page.getByTestId("issue-status")).toHaveText("Reported");
  const form = page.getByTestId("issue-form");
  await form.getByLabel("Status").selectOption("RESOLVED");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("field-errors")).toContainText("Resolution note");
  await expect(page.getByTestId("issue-status")).toHaveText("Reported");
  await form.getByLabel("Resolution note").fill("Cable replaced by the service team");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("Resolved");
  await expect(page.getByTestId("resolution-note")).toHaveText("Cable replaced by the service team");

  // Audit log: both actions, found through the search form.
  await page.goto("/admin/audit");
  await page.getByLabel("Who").fill(ADMIN);
  await page.getByLabel("Entity ID").fill(victim.id);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  await expect(page.getByTestId("audit-row")).toContainText("USER_SUSPENDED");
  await expect(page.getByTestId("audit-row")).toContainText("Repeated payment fraud");
  await page.getByLabel("Entity ID").fill(issue.id);
  await page.getByLabel("Action").fill("ISSUE_UPDATED");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  await expect(page.getByTestId("audit-row")).toContainText("RESOLVED");
  await expect(page.getByTestId("audit-row")).toContainText(ADMIN);

  // The suspended user cannot sign in.
  const fresh = await browser.newContext();
  const signInPage = await fresh.newPage();
  await signIn(signInPage, victim.email, DEMO_PASSWORD);
  await expect(signInPage.getByTestId("form-error")).toHaveText(/suspended/i);
  await expect(signInPage).toHaveURL(/\/signin/);

  // The reporter reads the notification and marks it read.
  await signIn(signInPage, reporter.email, DEMO_PASSWORD);
  await expectSignedInHome(signInPage, "/account");
  await signInPage.goto("/notifications");
  await expect(signInPage.getByTestId("notification")).toHaveCount(1);
  await expect(signInPage.getByTestId("notification")).toContainText("Your report was updated");
  await expect(signInPage.getByTestId("notification")).toContainText("resolved; Cable replaced by the service team");
  await signInPage.getByRole("button", { name: "Mark as read" }).click();
  await expect(signInPage.getByTestId("unread-count")).toHaveText("0 unread");
  await fresh.close();
});

test("an operator's API token is never sent to the browser; bad settings are refused and change nothing", async ({ browser }) => {
  const token = `e2e-secret-token-${Date.now()}`;
  const op = await testDb().operator.create({
    data: { name: `E2E CPO ${Date.now()}`, apiBaseUrl: "https://ocpi.example.com/2.2.1/", supportPhone: "+31 20 555 0000", config: { token } },
  });
  const { page, context } = await signedInPage(browser, ADMIN, "/admin");
  for (const path of ["/admin/operators", `/admin/operators/${op.id}`]) {
    const res = await page.goto(path);
    expect(await res!.text()).not.toContain(token);
    await expect(page.getByText("Credentials set").first()).toBeVisible();
  }
  await expect(page.getByLabel(/New API token/)).toHaveValue("");

  await page.goto("/admin/settings");
  const fee = page.locator("#setting-platform_fee_percent");
  const before = await fee.inputValue();
  await fee.fill("75");
  await page.locator("#setting-default_currency").fill("EURO");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("form-error")).toContainText("nothing was saved");
  await expect(page.getByTestId("field-errors")).toContainText("between 0 and 50");
  await expect(page.getByTestId("field-errors")).toContainText("ISO 4217");
  await page.reload();
  await expect(page.locator("#setting-platform_fee_percent")).toHaveValue(before);
  await context.close();
});

test("an admin adopts a charger that connected unannounced: its password is shown once and reaches the charger", async ({ browser }) => {
  const identity = `E2E-NEW-${Date.now().toString(36).toUpperCase()}`;
  const connectAs = (password: string | null) => new RPCClient({ endpoint: OCPP_URL, identity, password, protocols: ["ocpp1.6"], reconnect: false });
  const charger = connectAs(null);
  let authorizationKey: string | undefined;
  charger.handle("ChangeConfiguration", ({ params }: { params: { key: string; value: string } }) => {
    if (params.key === "AuthorizationKey") authorizationKey = params.value;
    return { status: "Accepted" };
  });
  await charger.connect();
  expect((await charger.call("BootNotification", { chargePointVendor: "Yard", chargePointModel: "Y1" }) as { status: string }).status).toBe("Pending");

  const { page, context } = await signedInPage(browser, ADMIN, "/admin");
  const station = await testDb().station.findFirstOrThrow({ where: { ocppIdentity: identity } });
  await page.goto(`/admin/stations/${station.id}`);
  const form = page.getByTestId("adopt-form");
  await form.getByLabel("Name").fill("Yard charger");
  await form.getByLabel("Latitude").fill("52.51");
  await form.getByLabel("Longitude").fill("13.39");
  await form.getByRole("button", { name: "Adopt charger" }).click();
  const adopted = page.getByTestId("adopted-charger");
  await expect(adopted).toContainText(`/ocpp/${identity}`);
  await expect(page.getByTestId("adopted-pushed")).toContainText("accepted it");
  const password = (await page.getByTestId("adopted-password").textContent())?.trim();
  expect(password).toBeTruthy();
  expect(authorizationKey).toBe(password);
  await charger.close({ force: true });

  // With that password the charger is back and accepted.
  const again = connectAs(password!);
  await again.connect();
  expect((await again.call("BootNotification", { chargePointVendor: "Yard", chargePointModel: "Y1" }) as { status: string }).status).toBe("Accepted");
  await again.close({ force: true });
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("adopt-section")).toHaveCount(0);
  await context.close();
});

test("the admin pages speak Russian", async ({ browser }) => {
  // Its own admin: switching language saves the preference on the account.
  const admin = await makeDriver("Ru Admin");
  await testDb().user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  const { page, context } = await signedInPage(browser, admin.email, "/admin");
  await page.getByTestId("language-switcher").selectOption("ru");
  await expect(page.getByTestId("home-title")).toHaveText("Администрирование платформы");
  for (const [path, heading] of [["/admin/users", "Пользователи"], ["/admin/issues", "Обращения"], ["/admin/audit", "Журнал аудита"], ["/admin/settings", "Настройки платформы"], ["/admin/stations", "Станции"], ["/admin/operators", "Операторы"]]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  await context.close();
});

test.describe("operator import through the admin page", () => {
  test.setTimeout(300_000);

  test("every real OCPI file imports with a report; importing it again creates and updates nothing; 'Sync now' pulls a local OCPI endpoint", async ({ browser }) => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const http = await import("node:http");
    const dir = path.resolve("../shared/data/ocpi");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
    expect(files.length).toBeGreaterThan(0);
    const { page, context } = await signedInPage(browser, ADMIN, "/admin");

    for (const file of files) {
      const op = await testDb().operator.create({ data: { name: `E2E import ${file} ${Date.now()}` } });
      await page.goto(`/admin/operators/${op.id}`);
      const section = page.getByTestId("import-section");
      const importOnce = async () => {
        await section.getByTestId("import-file").setInputFiles(path.join(dir, file));
        await section.getByLabel("Mode").selectOption("FULL");
        await section.getByRole("button", { name: "Import file" }).click();
        await expect(section.getByTestId("sync-status")).toHaveText("Import finished", { timeout: 240_000 });
        const count = async (c: string) => Number(await section.getByTestId(`count-${c}`).textContent());
        return { created: await count("created"), updated: await count("updated"), unchanged: await count("unchanged"), rejected: await count("rejected") };
      };
      const first = await importOnce();
      expect(first.created, file).toBeGreaterThan(0);
      const stations = await testDb().station.count({ where: { operatorId: op.id } });
      expect(stations, file).toBe(first.created);
      await page.reload();
      const second = await importOnce();
      expect(second, `${file} re-import`).toEqual({ created: 0, updated: 0, unchanged: first.created, rejected: first.rejected });
      await expect(page.getByTestId("sync-row")).toHaveCount(2);
    }

    // A local OCPI endpoint serving one small file in pages of 2 with Link headers.
    const records = JSON.parse(readFileSync(path.join(dir, "ocpi_2_2_locations-gaia.json"), "utf8").replace(/^\uFEFF/, ""));
    const list: unknown[] = Array.isArray(records) ? records : records.data;
    const server = http.createServer((req, res) => {
      const url = new URL(req.url!, "http://127.0.0.1");
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 2);
      if (req.headers.authorization !== "Token e2e-sync-token") {
        res.statusCode = 401;
        return res.end();
      }
      if (offset + limit < list.length) res.setHeader("Link", `<http://127.0.0.1:${(server.address() as any).port}${url.pathname}?offset=${offset + limit}&limit=${limit}>; rel="next"`);
      res.setHeader("X-Total-Count", String(list.length));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data: list.slice(offset, offset + limit), status_code: 1000, timestamp: new Date().toISOString() }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      await page.goto("/admin/operators/new");
      const form = page.getByTestId("operator-form");
      await form.getByLabel("Name").fill(`E2E API ${Date.now()}`);
      await form.getByLabel("OCPI API base URL").fill(`http://127.0.0.1:${(server.address() as any).port}/ocpi/`);
      await form.getByLabel("Page size").fill("2");
      await form.getByLabel("API token").fill("e2e-sync-token");
      await form.getByRole("button", { name: "Create operator" }).click();
      await expect(page).toHaveURL(/\/admin\/operators\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId("credentials-state")).toHaveText("Credentials set");
      expect(await page.content()).not.toContain("e2e-sync-token");
      await page.getByTestId("sync-now").click();
      await expect(page.getByTestId("sync-status")).toHaveText("Import finished", { timeout: 60_000 });
      expect(Number(await page.getByTestId("count-created").textContent()) + Number(await page.getByTestId("count-rejected").textContent())).toBe(list.length);
      await expect(page.getByTestId("sync-row")).toHaveCount(1);
    } finally {
      server.close();
    }
    await context.close();
  });
});
