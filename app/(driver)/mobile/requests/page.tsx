// The driver's mobile charging requests, newest first.
import Link from "next/link";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { driverRequests } from "@/lib/mobile/provider-views.ts";
import { MobileNav } from "../nav.tsx";

export const dynamic = "force-dynamic";
export const metadata = { title: "My mobile charging requests" };

export default async function MyRequestsPage() {
  const user = await requirePermission("driver:self", "/mobile/requests");
  const { t, locale } = await getI18n();
  const rows = await driverRequests(db(), user);
  return (
    <div className="flex flex-col gap-4 max-w-3xl" data-testid="my-mobile-requests">
      <MobileNav t={t} />
      <PageTitle testId="mobile-requests-title">{t("mobile.mine.title")}</PageTitle>
      {rows.length === 0 ? <p className="text-slate-600">{t("mobile.mine.none")} <Link href="/mobile" className="text-brand-700 underline">{t("mobile.nav.request")}</Link></p> : (
        <ul className="flex flex-col gap-2">
          {rows.map((r) => (
            <li key={r.id} className="bg-white rounded-lg border border-slate-200 p-3 text-sm flex flex-wrap gap-x-4 gap-y-1" data-testid="my-request-row">
              <Link href={`/mobile/requests/${r.id}`} className="font-semibold text-brand-700 hover:underline">{r.service.serviceName}</Link>
              <span>{r.service.companyName}</span>
              <span data-testid="request-status">{t(`mobile.status.${r.status}` as MessageKey)}</span>
              <span>{formatMoney(r.finalPriceMinor ?? r.totalMinor, r.currency, locale)}</span>
              <span className="text-slate-500">{formatDateTime(r.createdAt, locale, "Europe/Berlin")}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
