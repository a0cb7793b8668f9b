// The provider's home: their services with review state and documents,
// and how many new requests wait.
import Link from "next/link";
import { PageTitle } from "@/components/ui/stat.tsx";
import { REQUIRED_DOCUMENTS } from "@/lib/mobile/find-services.ts";
import { listOwnServices } from "@/lib/mobile/services.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { providerPage } from "./page-context.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mobile charging" };

export default async function ProviderHome() {
  const { user, t, db } = await providerPage("/provider");
  const services = await listOwnServices(db, user);
  const waiting = services.reduce((a, s) => a + s._count.requests, 0);
  return (
    <div data-testid="provider-home" className="flex flex-col gap-4">
      <PageTitle testId="home-title">{t("provider.home.title")}</PageTitle>
      {waiting > 0 && (
        <p className="rounded-md bg-amber-50 border border-amber-300 px-3 py-2 text-sm" data-testid="waiting-requests">
          <Link href="/provider/requests" className="underline font-medium">{t("provider.home.waiting", { count: waiting })}</Link>
        </p>
      )}
      {services.length === 0 && <p className="text-slate-600">{t("provider.home.none")} <Link href="/provider/services/new" className="text-brand-700 underline">{t("provider.nav.add")}</Link></p>}
      <ul className="grid gap-3 sm:grid-cols-2" data-testid="service-list">
        {services.map((s) => {
          const approved = REQUIRED_DOCUMENTS.filter((k) => s.documents.some((d) => d.kind === k && d.status === "APPROVED")).length;
          return (
            <li key={s.id} className="bg-white rounded-lg border border-slate-200 p-4 text-sm flex flex-col gap-1" data-testid="service-card">
              <h2 className="font-semibold text-base"><Link href={`/provider/services/${s.id}`} className="hover:underline">{s.serviceName}</Link></h2>
              <p className="text-slate-600">{s.companyName} · {t("provider.home.radius", { km: s.radiusKm })}</p>
              <p>
                {t("common.status")}: <span data-testid="service-status" className="font-medium">{t(`provider.status.${s.status}` as MessageKey)}</span>
                {s.isPremium && <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-800 text-xs">{t("provider.premium")}</span>}
              </p>
              <p>{t("provider.home.documents", { approved, required: REQUIRED_DOCUMENTS.length })} · ★ {s.ratingAvg.toFixed(1)} ({s.ratingCount})</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
