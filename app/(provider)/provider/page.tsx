import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "Mobile charging" };

export default async function ProviderHome() {
  const user = await requirePermission("provider:manage", "/provider");
  const { t } = await getI18n();
  const services = await db().mobileService.findMany({
    where: { providerId: user.id },
    orderBy: { serviceName: "asc" },
    select: { id: true, companyName: true, serviceName: true, status: true, radiusKm: true, ratingAvg: true, ratingCount: true },
  });
  return (
    <div data-testid="provider-home">
      <PageTitle testId="home-title">{t("provider.home.title")}</PageTitle>
      {services.length === 0 && <p className="text-slate-600">{t("provider.home.none")}</p>}
      <ul className="grid gap-3 sm:grid-cols-2">
        {services.map((s) => (
          <li key={s.id} className="bg-white rounded-lg border border-slate-200 p-4 text-sm">
            <h2 className="font-semibold text-base">{s.serviceName}</h2>
            <p className="text-slate-600">{s.companyName} · {s.radiusKm} km</p>
            <p>{t("common.status")}: {s.status} · ★ {s.ratingAvg.toFixed(1)} ({s.ratingCount})</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
