// Station issue reports from drivers (seed 003 StationIssue), for the admin.
import type { Db, Prisma } from "../db/client.ts";
import type { IssuePriority, IssueStatus, IssueType } from "../db/generated/enums.ts";
import { notFoundError } from "../errors/app-error.ts";
import { PAGE_SIZE } from "./actor.ts";

export type IssueFilter = {
  status?: IssueStatus | "OPEN";
  priority?: IssuePriority;
  type?: IssueType;
  /** "me", "none" or an admin's id. */
  assigned?: string;
  q?: string;
  page?: number;
};

export function issueWhere(f: IssueFilter, meId: string): Prisma.StationIssueWhereInput {
  const q = f.q?.trim();
  return {
    ...(f.status === "OPEN" ? { status: { not: "RESOLVED" } } : f.status ? { status: f.status } : {}),
    ...(f.priority ? { priority: f.priority } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.assigned === "me" ? { assignedToId: meId } : f.assigned === "none" ? { assignedToId: null } : f.assigned ? { assignedToId: f.assigned } : {}),
    ...(q
      ? {
          OR: [
            { description: { contains: q, mode: "insensitive" } },
            { station: { name: { contains: q, mode: "insensitive" } } },
            { reportedBy: { email: { contains: q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
}

// Most urgent first: CRITICAL..LOW is the enum's reverse order.
const PRIORITY_RANK: Record<IssuePriority, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

export async function listIssues(db: Db, meId: string, f: IssueFilter) {
  const page = f.page ?? 1;
  const where = issueWhere(f, meId);
  const [rows, total] = await Promise.all([
    db.stationIssue.findMany({
      where,
      orderBy: [{ reportedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, type: true, description: true, priority: true, status: true, reportedAt: true, resolvedAt: true,
        station: { select: { id: true, name: true } },
        reportedBy: { select: { id: true, name: true, email: true } },
        assignedTo: { select: { id: true, name: true } },
      },
    }),
    db.stationIssue.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), rank: PRIORITY_RANK };
}

export async function getIssue(db: Db, id: string) {
  const issue = await db.stationIssue.findUnique({
    where: { id },
    select: {
      id: true, type: true, description: true, images: true, priority: true, status: true, resolutionNote: true,
      reportedAt: true, acknowledgedAt: true, resolvedAt: true, updatedAt: true,
      station: { select: { id: true, name: true, address: true, city: true } },
      reportedBy: { select: { id: true, name: true, email: true } },
      assignedTo: { select: { id: true, name: true, email: true } },
    },
  });
  if (!issue) throw notFoundError("This issue report");
  const history = await db.auditLog.findMany({
    where: { entityType: "StationIssue", entityId: id },
    orderBy: { id: "desc" },
    take: 30,
    select: { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true, email: true } } },
  });
  return { issue, history };
}
