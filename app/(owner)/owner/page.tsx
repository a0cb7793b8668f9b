import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "My stations" };

export default async function OwnerHome() {
  const user = await requirePermission("owner:manage", "/owner");
  const { t } = await getI18n();
  const stations = await db().station.findMany({
    where: { ownerId: user.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, address: true, status: true, isOnline: true, ocppIdentity: true, _count: { select: { connectors: true } } },
  });
  return (
    <div data-testid="owner-home">
      <PageTitle testId="home-title">{t("owner.home.title")}</PageTitle>
      {stations.length === 0 && <p className="text-slate-600">{t("owner.home.none")}</p>}
      <ul className="divide-y divide-slate-200 bg-white rounded-lg border border-slate-200">
        {stations.map((s) => (
          <li key={s.id} className="p-3 flex flex-wrap gap-x-4 justify-between text-sm">
            <span className="font-medium">{s.name}</span>
            <span className="text-slate-600">{s.address}</span>
            <span>{s.status}</span>
            {s.ocppIdentity && <span>{s.isOnline ? t("common.online") : t("common.offline")}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
