// Playwright's `test` with one change: every page.goto() waits until React has
// hydrated the page (<html data-hydrated>, set by components/layout/
// hydration-marker.tsx). Without it a click on a busy machine can land on the
// server-rendered HTML before React listens, and is lost.
import { test as base, expect, type Page } from "@playwright/test";

export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

const patched = Symbol("gotoWaitsForHydration");

/** Patches Page.prototype.goto once, so pages opened from extra browser
 *  contexts (two drivers at once, an admin beside an owner) wait too. */
function patchGoto(page: Page) {
  const proto = Object.getPrototypeOf(page) as Page & { [patched]?: true };
  if (proto[patched]) return;
  const goto = proto.goto;
  proto.goto = async function (this: Page, url, options) {
    const response = await goto.call(this, url, options);
    // Error pages, downloads and JSON have nothing to hydrate (or never will).
    const type = response?.headers()["content-type"] ?? "text/html";
    if (response && response.status() < 400 && type.includes("text/html")) await waitForHydration(this);
    return response;
  };
  proto[patched] = true;
}

export const test = base.extend<object, { hydrationAwareGoto: void }>({
  // Worker-scoped and automatic: patched before any test opens a page.
  hydrationAwareGoto: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      patchGoto(await context.newPage());
      await context.close();
      await use();
    },
    { scope: "worker", auto: true },
  ],
});

export { expect };
