// The driver's receipts: sessions and bookings, newest first.
import Link from "next/link";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime, formatKwh, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { listReceipts } from "@/lib/receipts/index.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Receipts" };

export default async function ReceiptsPage() {
  const user = await requirePermission("driver:self", "/account/receipts");
  const { t, locale } = await getI18n();
  const rows = await listReceipts(db(), user.id);
  return (
    <div className="flex flex-col gap-4 max-w-3xl">
      <PageTitle testId="receipts-title">{t("receipts.title")}</PageTitle>
      {rows.length === 0 ? <p className="text-slate-600">{t("receipts.none")}</p> : (
        <ul className="divide-y divide-slate-200 bg-white rounded-lg border border-slate-200" data-testid="receipt-list">
          {rows.map((r) => (
            <li key={`${r.kind}-${r.id}`} className="p-3 flex flex-wrap justify-between gap-2 text-sm">
              <Link href={`/account/receipts/${r.kind}/${r.id}`} className="underline font-medium">{r.number}</Link>
              <span>{r.station}</span>
              <span>{formatDateTime(r.at, locale)}</span>
              {r.energyWh !== null && <span>{formatKwh(r.energyWh, locale)}</span>}
              <span>{r.totalMinor !== null ? formatMoney(r.totalMinor, r.currency, locale) : "—"}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
