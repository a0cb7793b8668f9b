// The driver's charging sessions, newest first.
import Link from "next/link";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatKwh, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "My charging sessions" };

export default async function SessionsPage() {
  const user = await requirePermission("driver:self", "/sessions");
  const { t, locale } = await getI18n();
  const time = await getTimeFormat();
  const sessions = await db().chargingSession.findMany({
    where: { userId: user.id }, orderBy: { createdAt: "desc" }, take: 50,
    select: { id: true, status: true, startedAt: true, createdAt: true, energyWh: true, costMinor: true, currency: true, station: { select: { name: true, timeZone: true } } },
  });
  return (
    <div className="flex flex-col gap-4 max-w-3xl">
      <PageTitle testId="sessions-title">{t("sessions.title")}</PageTitle>
      {sessions.length === 0 ? <p className="text-slate-600">{t("sessions.none")}</p> : (
        <ul className="divide-y divide-slate-200 bg-white rounded-lg border border-slate-200" data-testid="session-list">
          {sessions.map((s) => (
            <li key={s.id} className="p-3 flex flex-wrap justify-between gap-2 text-sm">
              <Link href={`/sessions/${s.id}`} className="underline font-medium">{s.station.name}</Link>
              <span>{time.when(s.startedAt ?? s.createdAt, s.station.timeZone)}</span>
              <span>{t(`session.status.${s.status}` as MessageKey)}</span>
              <span>{formatKwh(s.energyWh ?? 0, locale)}</span>
              <span>{s.costMinor !== null ? formatMoney(s.costMinor, s.currency, locale) : "—"}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
