// A link to /notifications with the unread count, for the site header.
// Server component: <NotificationBell userId={user.id} label={t("notifications.title")} />
import Link from "next/link";
import { db } from "@/lib/db/client.ts";
import { unreadCount } from "@/lib/notifications/inbox.ts";

export async function NotificationBell({ userId, label }: { userId: string; label: string }) {
  const unread = await unreadCount(db(), userId);
  return (
    <Link href="/notifications" className="relative inline-flex items-center justify-center min-h-11 min-w-11 text-sm hover:underline" data-testid="notification-bell" aria-label={`${label}${unread ? ` (${unread})` : ""}`}>
      {/* An inline icon: emoji fonts are not installed everywhere. */}
      <svg aria-hidden viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="inline-block align-[-3px]">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span className="absolute top-1 right-0 rounded-full bg-red-600 text-white text-[10px] leading-none px-1 py-0.5" data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
