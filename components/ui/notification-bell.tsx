// A link to /notifications with the unread count, for the site header.
// Server component: <NotificationBell userId={user.id} label={t("notifications.title")} />
import Link from "next/link";
import { db } from "@/lib/db/client.ts";
import { unreadCount } from "@/lib/notifications/inbox.ts";

export async function NotificationBell({ userId, label }: { userId: string; label: string }) {
  const unread = await unreadCount(db(), userId);
  return (
    <Link href="/notifications" className="relative text-sm hover:underline" data-testid="notification-bell" aria-label={`${label}${unread ? ` (${unread})` : ""}`}>
      <span aria-hidden>🔔</span>
      {unread > 0 && (
        <span className="absolute -top-1.5 -right-2.5 rounded-full bg-red-600 text-white text-[10px] leading-none px-1 py-0.5" data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
