import { ActionForm } from "@/components/admin/action-form.tsx";
import { Empty, Pager } from "@/components/admin/ui.tsx";
import { AccountNav } from "@/components/driver/account-nav.tsx";
import { accountNavLabels } from "@/components/driver/account-nav-labels.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { can } from "@/lib/auth/roles.ts";
import { pageOf } from "@/lib/admin/actor.ts";
import { requireUser } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";

import { getI18n } from "@/lib/i18n/server.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import { listNotifications } from "@/lib/notifications/inbox.ts";
import { markNotificationsReadAction } from "./actions.ts";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string; unread?: string }> }) {
  const user = await requireUser("/notifications");
  const { t, locale } = await getI18n();
  const time = await getTimeFormat();
  const sp = await searchParams;
  const inbox = await listNotifications(db(), user.id, { page: pageOf(sp.page), unreadOnly: sp.unread === "1" });
  const busy = { workingLabel: t("admin.common.working"), doneLabel: t("admin.common.saved") };
  return (
    <div className="flex flex-col gap-3" data-testid="notifications">
      {can(user.role, "driver:self") && <AccountNav labels={accountNavLabels(t)} />}
      <div className="flex flex-wrap justify-between items-center gap-3">
        <PageTitle testId="home-title">{t("notifications.title")}</PageTitle>
        {inbox.unread > 0 && (
          <ActionForm action={markNotificationsReadAction} submitLabel={t("notifications.markAllRead")} {...busy} testId="mark-all-read">
            <input type="hidden" name="all" value="1" />
          </ActionForm>
        )}
      </div>
      <p className="text-sm text-slate-600" data-testid="unread-count">{t("notifications.unread", { count: inbox.unread })}</p>
      {inbox.rows.length === 0 ? (
        <Empty>{t("notifications.none")}</Empty>
      ) : (
        <ul className="bg-white rounded-lg border border-slate-200 divide-y divide-slate-100">
          {inbox.rows.map((n) => (
            <li key={n.id} className={`p-3 flex flex-wrap gap-3 justify-between ${n.isRead ? "" : "bg-brand-50"}`} data-testid="notification">
              <div>
                <p className="font-medium">{n.title}</p>
                <p className="text-sm text-slate-700">{n.message}</p>
                <p className="text-xs text-slate-500">{time.when(n.createdAt)}</p>
              </div>
              {!n.isRead && (
                <ActionForm action={markNotificationsReadAction} submitLabel={t("notifications.markRead")} {...busy}>
                  <input type="hidden" name="id" value={n.id} />
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager {...inbox} params={sp} basePath="/notifications" labels={{ prev: t("admin.common.prev"), next: t("admin.common.next"), of: t("admin.common.pageOf", { page: inbox.page, pages: inbox.pages, total: inbox.total }) }} />
    </div>
  );
}
