import Link from "next/link";
import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "Admin" };

export default async function AdminHome() {
  await requirePermission("platform:admin", "/admin");
  const { t } = await getI18n();
  const [users, stations, online, openIssues, pendingListings, pendingChargers, suspended, operators] = await Promise.all([
    db().user.count(),
    db().station.count(),
    db().station.count({ where: { isOnline: true } }),
    db().stationIssue.count({ where: { status: { not: "RESOLVED" } } }),
    db().station.count({ where: { status: "PENDING_APPROVAL", registrationStatus: { not: "PENDING" } } }),
    db().station.count({ where: { registrationStatus: "PENDING" } }),
    db().user.count({ where: { status: "SUSPENDED" } }),
    db().operator.count(),
  ]);
  const links: [string, string, number][] = [
    ["/admin/stations?status=PENDING_APPROVAL&kind=owner", t("admin.home.pendingListings"), pendingListings],
    ["/admin/stations?kind=pending", t("admin.home.pendingChargers"), pendingChargers],
    ["/admin/issues?status=OPEN", t("admin.home.openIssues"), openIssues],
    ["/admin/users?status=SUSPENDED", t("admin.home.suspended"), suspended],
    ["/admin/operators", t("admin.home.operators"), operators],
  ];
  return (
    <div data-testid="admin-home" className="flex flex-col gap-4">
      <PageTitle testId="home-title">{t("admin.home.title")}</PageTitle>
      <div className="grid grid-cols-2 sm:grid-cols-4 gap-3">
        <Stat label={t("admin.home.users")} value={users} />
        <Stat label={t("admin.home.stations")} value={stations} />
        <Stat label={t("admin.home.online")} value={online} />
        <Stat label={t("admin.home.openIssues")} value={openIssues} />
      </div>
      <ul className="bg-white rounded-lg border border-slate-200 divide-y divide-slate-100 text-sm">
        {links.map(([href, label, n]) => (
          <li key={href} className="flex justify-between p-3">
            <Link href={href} className="underline">{label}</Link>
            <span className="font-semibold">{n}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
