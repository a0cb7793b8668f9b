// The driver's receipts: sessions and bookings, newest first.
import Link from "next/link";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatKwh, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import { listReceipts } from "@/lib/receipts/index.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Receipts" };

export default async function ReceiptsPage() {
  const user = await requirePermission("driver:self", "/account/receipts");
  const { t, locale } = await getI18n();
  const [rows, time] = await Promise.all([listReceipts(db(), user.id), getTimeFormat()]);
  const zones = await stationZones(rows);
  return (
    <div className="flex flex-col gap-4 max-w-3xl">
      <PageTitle testId="receipts-title">{t("receipts.title")}</PageTitle>
      {rows.length === 0 ? <p className="text-slate-600">{t("receipts.none")}</p> : (
        <ul className="divide-y divide-slate-200 bg-white rounded-lg border border-slate-200" data-testid="receipt-list">
          {rows.map((r) => (
            <li key={`${r.kind}-${r.id}`} className="p-3 flex flex-wrap justify-between gap-2 text-sm">
              <Link href={`/account/receipts/${r.kind}/${r.id}`} className="underline font-medium inline-flex items-center min-h-11 min-w-11 -my-2">{r.number}</Link>
              <span>{r.station}</span>
              <span data-testid="receipt-time">{time.when(r.at, zones.get(r.id))}</span>
              {r.energyWh !== null && <span>{formatKwh(r.energyWh, locale)}</span>}
              <span>{r.totalMinor !== null ? formatMoney(r.totalMinor, r.currency, locale) : "—"}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Each receipt's station zone: a receipt's time is shown on the station's clock, as on the receipt itself. */
async function stationZones(rows: { kind: "session" | "booking"; id: string }[]): Promise<Map<string, string>> {
  const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.id);
  const [sessions, bookings] = await Promise.all([
    db().chargingSession.findMany({ where: { id: { in: ids("session") } }, select: { id: true, station: { select: { timeZone: true } } } }),
    db().booking.findMany({ where: { id: { in: ids("booking") } }, select: { id: true, station: { select: { timeZone: true } } } }),
  ]);
  return new Map([...sessions, ...bookings].map((r) => [r.id, r.station.timeZone]));
}
