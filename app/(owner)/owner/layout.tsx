import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export default async function OwnerLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("owner:manage", "/owner");
  const { t } = await getI18n();
  const tabs = [
    ["/owner", t("owner.nav.stations")],
    ["/owner/earnings", t("owner.nav.earnings")],
    ["/owner/payouts", t("owner.nav.payouts")],
    ["/owner/reviews", t("owner.nav.reviews")],
  ] as const;
  return (
    <div className="flex flex-col gap-4" data-testid="owner-console">
      <nav aria-label={t("nav.owner")} className="flex flex-wrap gap-1 border-b border-slate-200">
        {tabs.map(([href, label]) => (
          <Link key={href} href={href} className="px-3 py-2 text-sm whitespace-nowrap hover:bg-white rounded-t-md">{label}</Link>
        ))}
        <Link href="/owner/stations/new" className="ml-auto px-3 py-2 text-sm whitespace-nowrap text-brand-700 font-medium hover:underline" data-testid="add-station">+ {t("owner.nav.add")}</Link>
      </nav>
      {children}
    </div>
  );
}
