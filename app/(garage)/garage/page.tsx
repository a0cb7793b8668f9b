import Link from "next/link";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { siteScope } from "@/lib/garage/site-scope.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "Garage" };

export default async function GarageHome() {
  const user = await requirePermission("garage:manage", "/garage");
  const { t } = await getI18n();
  const sites = await db().site.findMany({
    where: { ...siteScope(user), kind: "GARAGE" },
    orderBy: { name: "asc" },
    select: {
      id: true, name: true, address: true,
      _count: { select: { spots: true, renters: { where: { isActive: true } } } },
      stations: { select: { isOnline: true } },
    },
  });
  return (
    <div data-testid="garage-home">
      <PageTitle testId="home-title">{t("garage.home.title")}</PageTitle>
      {sites.length === 0 && <p className="text-slate-600">{t("garage.home.none")}</p>}
      <ul className="grid gap-3 sm:grid-cols-2">
        {sites.map((s) => (
          <li key={s.id} className="bg-white rounded-lg border border-slate-200 p-4">
            <h2 className="font-semibold"><Link href={`/garage/${s.id}`} className="hover:underline">{s.name}</Link></h2>
            <p className="text-sm text-slate-600">{s.address}</p>
            <p className="text-sm mt-2">{t("garage.home.spots", { count: s._count.spots })} · {t("garage.home.renters", { count: s._count.renters })}</p>
            <p className="text-sm">{t("common.online")}: {s.stations.filter((x) => x.isOnline).length}/{s.stations.length}</p>
            <Link href={`/garage/${s.id}`} className="inline-block mt-3 text-sm rounded-md bg-brand-600 text-white px-3 py-1.5 hover:bg-brand-700" data-testid="open-garage">
              {t("garage.home.open")}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
