// Playwright runs against the stack that scripts/test.ts starts (real web app,
// real OCPP server, real PostgreSQL). Chromium comes from Debian (/usr/bin/chromium):
// Playwright's own browser download cannot work on these machines.
import { defineConfig, devices } from "@playwright/test";

const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
// Each run writes into its own folder, so parallel runs cannot delete each other's traces.
const outputDir = process.env.E2E_OUTPUT_DIR ?? "test-results";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // Clicks before hydration are prevented by e2e/helpers/test.ts (goto waits for
  // <html data-hydrated>). One retry stays for other load-induced timeouts on a
  // shared 2-core machine; retried tests are reported as flaky in the summary,
  // and a test that really fails fails twice.
  retries: 1,
  outputDir,
  reporter: [["list"], ["json", { outputFile: `${outputDir}/e2e.json` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // Drivers are on phones: driver pages are also checked at 390 px.
    { name: "mobile", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, grep: /@mobile/ },
  ],
});
