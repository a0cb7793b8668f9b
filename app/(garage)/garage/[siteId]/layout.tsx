import Link from "next/link";
import { GarageTabs } from "@/components/garage/garage-tabs.tsx";
import { garagePage, requireIds } from "../page-context.ts";

export default async function GarageLayout({ children, params }: { children: React.ReactNode; params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  requireIds(siteId);
  const { site, t } = await garagePage(siteId, `/garage/${siteId}`);
  const base = `/garage/${site.id}`;
  const tabs = [
    [base, t("garage.nav.board")],
    [`${base}/renters`, t("garage.nav.renters")],
    [`${base}/spots`, t("garage.nav.spots")],
    [`${base}/cards`, t("garage.nav.cards")],
    [`${base}/sessions`, t("garage.nav.sessions")],
    [`${base}/statements`, t("garage.nav.statements")],
  ] as const;
  return (
    <div className="flex flex-col gap-4" data-testid="garage-console">
      <div className="no-print">
        <Link href="/garage" className="text-sm text-slate-600 hover:underline">← {t("garage.nav.allGarages")}</Link>
        <p className="text-lg font-semibold" data-testid="garage-name">{site.name}</p>
        <GarageTabs label={site.name} tabs={tabs.map(([href, label]) => ({ href, label }))} />
      </div>
      {children}
    </div>
  );
}
