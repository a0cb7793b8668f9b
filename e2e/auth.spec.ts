import { expect, test } from "./helpers/test.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo-accounts.ts";
import { ROLE_HOME } from "../lib/auth/roles.ts";
import { expectSignedInHome, signIn } from "./helpers/auth.ts";
import { testDb, uniqueEmail } from "./helpers/db.ts";
import { hashPassword } from "../lib/auth/password.ts";

test.describe("sign-in by role", () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.role} lands on their own home`, async ({ page }) => {
      await signIn(page, account.email, DEMO_PASSWORD);
      await expectSignedInHome(page, ROLE_HOME[account.role]);
      await expect(page.getByTestId("nav-home")).toBeVisible();
    });
  }

  test("a driver who types other roles' URLs gets a 404", async ({ page }) => {
    await signIn(page, "driver@chargeway.test", DEMO_PASSWORD);
    await expectSignedInHome(page, "/account");
    for (const path of ["/admin", "/garage", "/owner", "/provider"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByTestId("not-found")).toBeVisible();
    }
  });

  test("signed-out visitors are sent to sign in, and come back after", async ({ page }) => {
    await page.goto("/garage");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fgarage/);
    await page.getByLabel(/e-mail/i).fill("garage@chargeway.test");
    await page.getByLabel(/^password$/i).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expectSignedInHome(page, "/garage");
  });
});

test.describe("sign-in errors", () => {
  test("unknown e-mail, wrong password and malformed input each get a clear message", async ({ page }) => {
    await signIn(page, "nobody-here@chargeway.test", "whatever1");
    await expect(page.getByTestId("form-error")).toHaveText(/no account with this e-mail/i);
    await signIn(page, "owner@chargeway.test", "not-the-password");
    await expect(page.getByTestId("form-error")).toHaveText(/password is wrong/i);
    await signIn(page, "not-an-email", "x");
    await expect(page.getByTestId("form-error")).toHaveText(/valid e-mail/i);
    await expect(page).toHaveURL(/\/signin/);
  });

  test("repeated failed sign-ins are slowed down", async ({ page }) => {
    // Its own account, so the lock-out cannot disturb tests of the demo accounts.
    const email = uniqueEmail("throttled");
    await testDb().user.create({
      data: { email, name: "Throttled", passwordHash: await hashPassword(DEMO_PASSWORD), referralCode: email.slice(0, 20) },
    });
    for (let i = 0; i < 3; i++) {
      await signIn(page, email, `wrong-${i}`);
      await expect(page.getByTestId("form-error")).toBeVisible();
    }
    // Three more failures just now (as from another tab): the wait is then 16 s,
    // so a slow machine cannot outlast it before the next try.
    await testDb().loginAttempt.createMany({ data: [0, 1, 2].map(() => ({ email, success: false })) });
    await signIn(page, email, DEMO_PASSWORD);
    await expect(page.getByTestId("form-error")).toHaveText(/too many failed attempts/i);
  });
});

test.describe("sign-up @mobile", () => {
  test("a new driver signs up and lands on the driver home; a duplicate is refused", async ({ page }) => {
    const email = uniqueEmail("new-driver");
    await page.goto("/signup");
    await page.getByLabel(/full name/i).fill("New Driver");
    await page.getByLabel(/e-mail/i).fill(email);
    await page.getByLabel(/^password/i).fill("a-good-password");
    await page.getByRole("button", { name: /create account/i }).click();
    await expectSignedInHome(page, "/account");
    await expect(page.getByTestId("home-title")).toContainText("New Driver");

    await page.getByRole("button", { name: /sign out/i }).click();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^sign in$/i })).toBeVisible();
    await page.goto("/signup");
    await page.getByLabel(/full name/i).fill("Copy Cat");
    await page.getByLabel(/e-mail/i).fill(email.toUpperCase());
    await page.getByLabel(/^password/i).fill("another-password");
    await page.getByRole("button", { name: /create account/i }).click();
    await expect(page.getByTestId("form-error")).toBeVisible();
    await expect(page.getByText(/already exists/i).first()).toBeVisible();
  });

  test("bad sign-up input is explained field by field", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel(/e-mail/i).fill("nope");
    await page.getByLabel(/^password/i).fill("short");
    await page.getByRole("button", { name: /create account/i }).click();
    await expect(page.getByText(/valid e-mail/i)).toBeVisible();
    await expect(page.getByText(/at least 8 characters/i).last()).toBeVisible();
    await expect(page.getByText(/enter your name/i)).toBeVisible();
  });
});

test("the health endpoint reports the database and the OCPP process as up", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.database.status).toBe("up");
  expect(body.ocpp.status).toBe("up");
});

test("switching to Russian changes the page language @mobile", async ({ page }) => {
  await page.goto("/signin");
  await page.getByTestId("language-switcher").selectOption("ru");
  await expect(page.getByRole("heading", { name: "Вход в Chargeway" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.getByTestId("language-switcher").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in to Chargeway" })).toBeVisible();
});
