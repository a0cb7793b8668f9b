import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export default async function ProviderLayout({ children }: { children: React.ReactNode }) {
  // Each page checks again: a layout is not re-run on every navigation.
  await requirePermission("provider:manage", "/provider");
  const { t } = await getI18n();
  const tabs = [
    ["/provider", t("provider.nav.services")],
    ["/provider/requests", t("provider.nav.requests")],
    ["/provider/earnings", t("provider.nav.earnings")],
    ["/provider/ratings", t("provider.nav.ratings")],
  ] as const;
  return (
    <div className="flex flex-col gap-4" data-testid="provider-console">
      <nav aria-label={t("nav.provider")} className="flex gap-1 overflow-x-auto border-b border-slate-200">
        {tabs.map(([href, label]) => (
          <Link key={href} href={href} className="px-3 py-2 text-sm whitespace-nowrap hover:bg-white rounded-t-md">{label}</Link>
        ))}
        <Link href="/provider/services/new" className="ml-auto px-3 py-2 text-sm whitespace-nowrap text-brand-700 font-medium hover:underline" data-testid="add-service">+ {t("provider.nav.add")}</Link>
      </nav>
      {children}
    </div>
  );
}
