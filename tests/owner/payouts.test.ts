// Stripe Connect Express onboarding through the real stripe SDK against a
// local HTTP double of the three endpoints used (Stripe is unreachable here):
// one account per owner, an onboarding link, the account's state read back.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { refreshPayoutAccount, startOnboarding } from "../../lib/owner/payouts/onboarding.ts";
import { stripeClient, stripeConnect } from "../../lib/owner/payouts/stripe-connect.ts";
import { payoutRouteFor } from "../../lib/owner/payouts/destination.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { codeOf, makeStation, makeUser, META } from "./helpers.ts";

let t: TestDb;
let server: http.Server;
let base = "";
const calls: { method: string; path: string; body: string; idempotencyKey?: string; auth?: string }[] = [];
const accounts = new Map<string, { charges_enabled: boolean; payouts_enabled: boolean; email: string }>();

before(async () => {
  t = await freshDatabase();
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      calls.push({ method: req.method!, path: req.url!, body, idempotencyKey: req.headers["idempotency-key"] as string | undefined, auth: req.headers.authorization });
      const send = (status: number, obj: object) => { res.writeHead(status, { "content-type": "application/json", "request-id": "req_test" }); res.end(JSON.stringify(obj)); };
      const form = new URLSearchParams(body);
      if (req.method === "POST" && req.url === "/v1/accounts") {
        const id = `acct_test${accounts.size + 1}`;
        accounts.set(id, { charges_enabled: false, payouts_enabled: false, email: form.get("email")! });
        return send(200, { id, object: "account", type: form.get("type"), email: form.get("email"), charges_enabled: false, payouts_enabled: false, details_submitted: false });
      }
      if (req.method === "POST" && req.url === "/v1/account_links") {
        if (!accounts.has(form.get("account")!)) return send(400, { error: { type: "invalid_request_error", message: "No such account" } });
        return send(200, { object: "account_link", url: `https://connect.stripe.test/setup/${form.get("account")}`, expires_at: 2_000_000_000, created: 1_900_000_000 });
      }
      const m = /^\/v1\/accounts\/(acct_\w+)$/.exec(req.url!);
      if (req.method === "GET" && m && accounts.has(m[1])) return send(200, { id: m[1], object: "account", ...accounts.get(m[1]), details_submitted: true });
      send(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${req.url})` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => { server.close(); await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); calls.length = 0; });

test("an owner onboards once; the account's state comes back from Stripe; charges at their stations go to it with the platform fee", async () => {
  const provider = stripeConnect(stripeClient("sk_test_owner", base));
  const owner = await makeUser(t.db);
  const urls = { returnUrl: "http://localhost/owner/payouts?stripe=return", refreshUrl: "http://localhost/owner/payouts?stripe=refresh" };
  const first = await startOnboarding(t.db, provider, owner, urls, META);
  assert.equal(first.url, `https://connect.stripe.test/setup/${first.accountId}`);
  const created = calls.find((c) => c.path === "/v1/accounts")!;
  assert.equal(new URLSearchParams(created.body).get("type"), "express");
  assert.equal(new URLSearchParams(created.body).get("email"), owner.email);
  assert.equal(created.idempotencyKey, `connect-account-${owner.id}`);
  assert.equal(created.auth, "Bearer sk_test_owner");
  const link = new URLSearchParams(calls.find((c) => c.path === "/v1/account_links")!.body);
  assert.equal(link.get("type"), "account_onboarding");
  assert.equal(link.get("return_url"), urls.returnUrl);
  // A second click continues with the same account.
  const again = await startOnboarding(t.db, provider, owner, urls, META);
  assert.equal(again.accountId, first.accountId);
  assert.equal(calls.filter((c) => c.path === "/v1/accounts").length, 1);
  assert.equal(await t.db.auditLog.count({ where: { action: "PAYOUT_ACCOUNT_CREATED", actorId: owner.id } }), 1);

  const s = await makeStation(t.db, owner);
  assert.deepEqual(await payoutRouteFor(t.db, s.id, 1000), { platformFeeMinor: 100, destinationAccountId: undefined }, "not before Stripe enables charges");
  accounts.get(first.accountId)!.charges_enabled = true;
  accounts.get(first.accountId)!.payouts_enabled = true;
  const row = await refreshPayoutAccount(t.db, provider, owner);
  assert.equal(row!.chargesEnabled, true);
  assert.equal(row!.payoutsEnabled, true);
  assert.deepEqual(await payoutRouteFor(t.db, s.id, 1000), { platformFeeMinor: 100, destinationAccountId: first.accountId });
});

test("without Stripe there is no onboarding, and the statement stays the record", async () => {
  const owner = await makeUser(t.db);
  assert.equal(await codeOf(() => startOnboarding(t.db, null, owner, { returnUrl: "x", refreshUrl: "y" }, META)), "PRECONDITION");
  assert.equal(await t.db.payoutAccount.count(), 0);
});

test("Stripe refusing or unreachable is a clear message and saves no account", async () => {
  const owner = await makeUser(t.db);
  const down = stripeConnect(stripeClient("sk_test_owner", "http://127.0.0.1:9"));
  const e = await codeOf(() => startOnboarding(t.db, down, owner, { returnUrl: "http://x/r", refreshUrl: "http://x/f" }, META));
  assert.equal(e, "PRECONDITION");
  assert.equal(await t.db.payoutAccount.count(), 0);
});
