// Signing in through the real form, as a person does.
import { expect, type Page } from "@playwright/test";
import { waitForHydration } from "./test.ts";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await waitForHydration(page);
  await page.getByLabel(/e-mail|эл\. почта/i).fill(email);
  await page.getByLabel(/^password$|^пароль$/i).fill(password);
  await page.getByRole("button", { name: /sign in|войти/i }).click();
}

export async function expectSignedInHome(page: Page, path: string) {
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByTestId("home-title")).toBeVisible();
  // Signing in ends in a full page load, not a page.goto(): wait for React
  // here too, or the next click (e.g. Sign out) can land before it listens.
  await waitForHydration(page);
}
