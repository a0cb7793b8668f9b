import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "Admin" };

export default async function AdminHome() {
  await requirePermission("platform:admin", "/admin");
  const { t } = await getI18n();
  const [users, stations, online, openIssues] = await Promise.all([
    db().user.count(),
    db().station.count(),
    db().station.count({ where: { isOnline: true } }),
    db().stationIssue.count({ where: { status: { not: "RESOLVED" } } }),
  ]);
  return (
    <div data-testid="admin-home">
      <PageTitle testId="home-title">{t("admin.home.title")}</PageTitle>
      <div className="grid grid-cols-2 sm:grid-cols-4 gap-3">
        <Stat label={t("admin.home.users")} value={users} />
        <Stat label={t("admin.home.stations")} value={stations} />
        <Stat label={t("admin.home.online")} value={online} />
        <Stat label={t("admin.home.openIssues")} value={openIssues} />
      </div>
    </div>
  );
}
