// Working on an issue report: priority, assignment to an admin, and the status
// flow reported -> acknowledged -> in progress -> resolved (forward only; a
// step may be skipped, e.g. resolving a duplicate at once). The reporter is
// notified in the app of every change, in the same transaction as the change.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { IssuePriority, IssueStatus } from "../db/generated/enums.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { notify } from "../notifications/notify.ts";
import { auditFrom, type AdminActor, type Input } from "./actor.ts";

export const ISSUE_FLOW: IssueStatus[] = ["REPORTED", "ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED"];

export const ZUpdateIssue = z.object({
  issueId: z.string().uuid(),
  status: z.enum(IssueStatus).optional(),
  priority: z.enum(IssuePriority).optional(),
  /** An admin's id; "" or "none" unassigns; absent leaves it. */
  assignedToId: z.union([z.string().uuid(), z.literal(""), z.literal("none")]).optional(),
  resolutionNote: z.string().trim().max(2000).optional().transform((v) => v || undefined),
});
export type TUpdateIssue = Input<z.infer<typeof ZUpdateIssue>>;

const STATUS_WORDS: Record<"en" | "ru", Record<IssueStatus, string>> = {
  en: { REPORTED: "reported", ACKNOWLEDGED: "acknowledged", IN_PROGRESS: "in progress", RESOLVED: "resolved" },
  ru: { REPORTED: "получено", ACKNOWLEDGED: "принято", IN_PROGRESS: "в работе", RESOLVED: "решено" },
};
const PRIORITY_WORDS: Record<"en" | "ru", Record<IssuePriority, string>> = {
  en: { LOW: "low", MEDIUM: "medium", HIGH: "high", CRITICAL: "critical" },
  ru: { LOW: "низкий", MEDIUM: "средний", HIGH: "высокий", CRITICAL: "критический" },
};

const snapshot = { id: true, status: true, priority: true, assignedToId: true, resolutionNote: true, acknowledgedAt: true, resolvedAt: true } as const;

export async function updateIssue(db: Db, actor: AdminActor, input: TUpdateIssue) {
  return db.$transaction(async (tx) => {
    const before = await tx.stationIssue.findUnique({
      where: { id: input.issueId },
      select: { ...snapshot, reportedById: true, station: { select: { name: true } } },
    });
    if (!before) throw notFoundError("This issue report");
    const data: Record<string, unknown> = {};
    const now = new Date();

    if (input.status && input.status !== before.status) {
      if (ISSUE_FLOW.indexOf(input.status) < ISSUE_FLOW.indexOf(before.status)) {
        throw new AppError("CONFLICT", `A ${STATUS_WORDS.en[before.status]} report cannot go back to ${STATUS_WORDS.en[input.status]}.`, { status: ["Status only moves forward."] });
      }
      if (input.status === "RESOLVED" && !input.resolutionNote) {
        throw new AppError("INVALID_INPUT", "Say how the issue was resolved.", { resolutionNote: ["Required to resolve."] });
      }
      data.status = input.status;
      if (!before.acknowledgedAt) data.acknowledgedAt = now;
      if (input.status === "RESOLVED") data.resolvedAt = now;
    }
    if (input.resolutionNote && input.resolutionNote !== before.resolutionNote) data.resolutionNote = input.resolutionNote;
    if (input.priority && input.priority !== before.priority) data.priority = input.priority;
    if (input.assignedToId !== undefined) {
      const target = input.assignedToId === "" || input.assignedToId === "none" ? null : input.assignedToId;
      if (target !== before.assignedToId) {
        if (target) {
          const admin = await tx.user.findFirst({ where: { id: target, role: "ADMIN", status: "ACTIVE" }, select: { id: true } });
          if (!admin) throw new AppError("INVALID_INPUT", "Issues can only be assigned to an active admin.", { assignedToId: ["Choose an active admin."] });
        }
        data.assignedToId = target;
      }
    }
    if (!Object.keys(data).length) throw new AppError("PRECONDITION", "Nothing to change.");

    const after = await tx.stationIssue.update({ where: { id: before.id }, data, select: snapshot });
    const { reportedById, station, ...beforeSnap } = before;
    await recordAudit(tx, { ...auditFrom(actor), action: "ISSUE_UPDATED", entityType: "StationIssue", entityId: after.id, before: beforeSnap, after });

    const changed = Object.keys(data);
    await notify(tx, {
      userId: reportedById,
      type: "ISSUE",
      template: "issue-updated",
      vars: (locale) => ({
        station: station.name,
        status: [
          STATUS_WORDS[locale][after.status],
          ...(changed.includes("priority") ? [`${locale === "ru" ? "приоритет" : "priority"}: ${PRIORITY_WORDS[locale][after.priority]}`] : []),
          ...(changed.includes("assignedToId") ? [after.assignedToId ? (locale === "ru" ? "назначен ответственный" : "assigned to a team member") : locale === "ru" ? "ответственный снят" : "unassigned"] : []),
          ...(after.status === "RESOLVED" && after.resolutionNote && changed.includes("resolutionNote") ? [after.resolutionNote] : []),
        ].join("; "),
      }),
      title: { en: "Your report was updated", ru: "Ваше обращение обновлено" },
      message: { en: "{station}: {status}", ru: "{station}: {status}" },
      data: { issueId: after.id, changed, status: after.status },
    });
    return after;
  });
}
