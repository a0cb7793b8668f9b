// A user's own notifications. Every query is scoped by userId, so nobody can
// read or mark another user's notifications.
import { z } from "zod";
import type { Db } from "../db/client.ts";

export const INBOX_PAGE_SIZE = 30;

export async function listNotifications(db: Db, userId: string, opts: { page?: number; unreadOnly?: boolean } = {}) {
  const page = Math.max(1, opts.page ?? 1);
  const where = { userId, ...(opts.unreadOnly ? { isRead: false } : {}) };
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: { id: true, type: true, title: true, message: true, isRead: true, createdAt: true, data: true },
    }),
    db.notification.count({ where }),
    db.notification.count({ where: { userId, isRead: false } }),
  ]);
  return { rows, total, unread, page, pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}

export function unreadCount(db: Db, userId: string) {
  return db.notification.count({ where: { userId, isRead: false } });
}

export const ZMarkRead = z.object({ id: z.string().uuid().optional(), all: z.union([z.literal("1"), z.literal(true)]).optional() });

/** Marks one notification (or all) of this user read; returns how many changed. */
export async function markRead(db: Db, userId: string, input: z.infer<typeof ZMarkRead>): Promise<number> {
  const r = await db.notification.updateMany({
    where: { userId, isRead: false, ...(input.all ? {} : { id: input.id ?? "00000000-0000-0000-0000-000000000000" }) },
    data: { isRead: true, readAt: new Date() },
  });
  return r.count;
}
