// The provider's inbox: new requests to accept, active ones, and the past.
import Link from "next/link";
import { LiveRefresh } from "@/components/mobile/live-refresh.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { formatDateTime, formatMoney } from "@/lib/format.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { inboxCounts, INBOX_TABS, providerRequests, type TInboxTab } from "@/lib/mobile/provider-views.ts";
import { providerPage } from "../page-context.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mobile charging requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const { tab: raw } = await searchParams;
  const tab: TInboxTab = raw && raw in INBOX_TABS ? (raw as TInboxTab) : "new";
  const { user, t, locale, db } = await providerPage("/provider/requests");
  const [rows, counts] = await Promise.all([providerRequests(db, user, tab), inboxCounts(db, user)]);
  return (
    <div className="flex flex-col gap-4" data-testid="provider-requests">
      <PageTitle testId="requests-title">{t("provider.req.title")}</PageTitle>
      <LiveRefresh requestIds={rows.filter((r) => r.status !== "COMPLETED" && r.status !== "CANCELLED").map((r) => r.id)} />
      <nav className="flex gap-2 text-sm" aria-label={t("provider.req.title")}>
        {(Object.keys(INBOX_TABS) as TInboxTab[]).map((k) => (
          <Link key={k} href={`/provider/requests?tab=${k}`} aria-current={k === tab ? "page" : undefined} data-testid={`tab-${k}`}
            className={`rounded-full px-3 py-1 border ${k === tab ? "bg-brand-600 text-white border-brand-600" : "bg-white border-slate-300"}`}>
            {t(`provider.req.tab.${k}` as MessageKey)} ({counts[k]})
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? <p className="text-slate-600">{t("provider.req.none")}</p> : (
        <ul className="flex flex-col gap-2">
          {rows.map((r) => (
            <li key={r.id} className="bg-white rounded-lg border border-slate-200 p-3 text-sm flex flex-wrap gap-x-4 gap-y-1" data-testid="request-row">
              <Link href={`/provider/requests/${r.id}`} className="font-semibold text-brand-700 hover:underline">{r.address ?? `${r.lat.toFixed(4)}, ${r.lng.toFixed(4)}`}</Link>
              <span className={r.urgency === "EMERGENCY" || r.urgency === "HIGH" ? "text-red-700 font-medium" : ""}>{t(`mobile.urgency.${r.urgency}` as MessageKey)}</span>
              <span data-testid="request-status">{t(`mobile.status.${r.status}` as MessageKey)}</span>
              <span>{r.user.name} · {r.service.serviceName}</span>
              <span>{t(`mobile.plug.${r.plugType}` as MessageKey)} · {r.distanceKm} km</span>
              <span>{formatMoney(r.finalPriceMinor ?? r.totalMinor, r.currency, locale)}</span>
              <span className="text-slate-500">{formatDateTime(r.scheduledAt ?? r.createdAt, locale, "Europe/Berlin")}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
