// Issue reports: priority, assignment, the forward-only status flow, and an
// in-app notification to the reporter on every change (lib/notifications).
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { ensureReferenceData } from "../../lib/seed/reference-data.ts";
import { updateIssue, ZUpdateIssue } from "../../lib/admin/update-issue.ts";
import { listIssues } from "../../lib/admin/issues.ts";
import { notify } from "../../lib/notifications/notify.ts";
import { listNotifications, markRead } from "../../lib/notifications/inbox.ts";
import { auditRows, makeAdmin, makeUser } from "./helpers.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });
beforeEach(async () => { await truncateAll(t.db); await ensureReferenceData(t.db); });

async function makeIssue(language = "en") {
  const reporter = await makeUser(t.db, "DRIVER", { language });
  const station = await t.db.station.create({ data: { name: "Harbour Hub", lat: 52.5, lng: 13.4 } });
  const issue = await t.db.stationIssue.create({ data: { stationId: station.id, reportedById: reporter.id, type: "DAMAGED", description: "Cable cut" } });
  return { reporter, station, issue };
}

test("reported -> acknowledged -> in progress -> resolved: timestamps, audit rows, and the reporter notified of each change", async () => {
  const admin = await makeAdmin(t.db);
  const { reporter, issue } = await makeIssue();
  await updateIssue(t.db, admin, { issueId: issue.id, status: "ACKNOWLEDGED", priority: "HIGH", assignedToId: admin.id });
  await updateIssue(t.db, admin, { issueId: issue.id, status: "IN_PROGRESS" });
  await assert.rejects(updateIssue(t.db, admin, { issueId: issue.id, status: "RESOLVED" }), /how the issue was resolved/);
  await updateIssue(t.db, admin, { issueId: issue.id, status: "RESOLVED", resolutionNote: "Cable replaced" });

  const done = await t.db.stationIssue.findUniqueOrThrow({ where: { id: issue.id } });
  assert.equal(done.status, "RESOLVED");
  assert.equal(done.priority, "HIGH");
  assert.equal(done.assignedToId, admin.id);
  assert.equal(done.resolutionNote, "Cable replaced");
  assert.ok(done.acknowledgedAt && done.resolvedAt && done.acknowledgedAt <= done.resolvedAt);

  const audit = await auditRows(t.db, "ISSUE_UPDATED");
  assert.deepEqual(audit.map((a) => [(a.before as any).status, (a.after as any).status]), [["REPORTED", "ACKNOWLEDGED"], ["ACKNOWLEDGED", "IN_PROGRESS"], ["IN_PROGRESS", "RESOLVED"]]);

  const inbox = await listNotifications(t.db, reporter.id);
  assert.equal(inbox.total, 3);
  assert.equal(inbox.unread, 3);
  const messages = inbox.rows.map((n) => n.message).reverse();
  assert.match(messages[0], /^Harbour Hub: acknowledged; priority: high; assigned/);
  assert.equal(messages[1], "Harbour Hub: in progress");
  assert.equal(messages[2], "Harbour Hub: resolved; Cable replaced");
  assert.ok(inbox.rows.every((n) => n.title === "Your report was updated" && n.type === "ISSUE"));
  assert.equal((inbox.rows[0].data as any).issueId, issue.id);
});

test("the status never goes back; nothing-to-change and unknown assignees are refused without side effects", async () => {
  const admin = await makeAdmin(t.db);
  const other = await makeUser(t.db, "DRIVER");
  const { reporter, issue } = await makeIssue();
  await updateIssue(t.db, admin, { issueId: issue.id, status: "IN_PROGRESS" });
  await assert.rejects(updateIssue(t.db, admin, { issueId: issue.id, status: "ACKNOWLEDGED" }), /cannot go back/);
  await assert.rejects(updateIssue(t.db, admin, { issueId: issue.id, status: "IN_PROGRESS" }), /Nothing to change/);
  await assert.rejects(updateIssue(t.db, admin, { issueId: issue.id, assignedToId: other.id }), /active admin/);
  assert.equal((await t.db.stationIssue.findUniqueOrThrow({ where: { id: issue.id } })).status, "IN_PROGRESS");
  assert.equal((await auditRows(t.db)).length, 1);
  assert.equal((await listNotifications(t.db, reporter.id)).total, 1);
  assert.equal(ZUpdateIssue.safeParse({ issueId: issue.id, status: "CLOSED" }).success, false);
});

test("a Russian-speaking reporter gets the notification in Russian", async () => {
  const admin = await makeAdmin(t.db);
  const { reporter, issue } = await makeIssue("ru");
  await updateIssue(t.db, admin, { issueId: issue.id, status: "ACKNOWLEDGED" });
  const [n] = (await listNotifications(t.db, reporter.id)).rows;
  assert.equal(n.title, "Ваше обращение обновлено");
  assert.equal(n.message, "Harbour Hub: принято");
});

test("notify: respects NotificationRule, dedupes by key, queues outside channels; inbox is per user", async () => {
  const user = await makeUser(t.db);
  const stranger = await makeUser(t.db);
  const first = await notify(t.db, { userId: user.id, type: "ISSUE", title: "Hello {name}", message: "m", vars: { name: "Ann" }, dedupeKey: "k1" });
  assert.equal(first.delivered, true);
  assert.deepEqual(first.queued, ["EMAIL"], "the ISSUE rule also sends e-mail: queued for a channel adapter");
  assert.deepEqual(await notify(t.db, { userId: user.id, type: "ISSUE", title: "Hello", dedupeKey: "k1" }), { delivered: false, reason: "DUPLICATE", queued: [] });
  await t.db.notificationRule.update({ where: { type: "PROMOTION" }, data: { sendInApp: false } });
  const off = await notify(t.db, { userId: user.id, type: "PROMOTION", title: "Sale" });
  assert.equal(off.delivered, false);
  const inbox = await listNotifications(t.db, user.id);
  assert.deepEqual(inbox.rows.map((n) => n.title), ["Hello Ann"]);

  assert.equal(await markRead(t.db, stranger.id, { id: inbox.rows[0].id }), 0, "another user cannot mark it");
  assert.equal(await markRead(t.db, user.id, { id: inbox.rows[0].id }), 1);
  assert.equal((await listNotifications(t.db, user.id)).unread, 0);
  await notify(t.db, { userId: user.id, type: "SYSTEM", title: "A" });
  await notify(t.db, { userId: user.id, type: "SYSTEM", title: "B" });
  assert.equal(await markRead(t.db, user.id, { all: "1" }), 2);
});

test("issue list filters by status, priority and assignee", async () => {
  const admin = await makeAdmin(t.db);
  const a = await makeIssue();
  const b = await makeIssue();
  await updateIssue(t.db, admin, { issueId: a.issue.id, priority: "CRITICAL", assignedToId: admin.id });
  await updateIssue(t.db, admin, { issueId: b.issue.id, status: "RESOLVED", resolutionNote: "dup" });
  const ids = async (f: Parameters<typeof listIssues>[2]) => (await listIssues(t.db, admin.id, f)).rows.map((r) => r.id);
  assert.deepEqual(await ids({ status: "OPEN" }), [a.issue.id]);
  assert.deepEqual(await ids({ priority: "CRITICAL" }), [a.issue.id]);
  assert.deepEqual(await ids({ assigned: "me" }), [a.issue.id]);
  assert.deepEqual(await ids({ assigned: "none" }), [b.issue.id]);
  assert.deepEqual(await ids({ status: "RESOLVED" }), [b.issue.id]);
});
