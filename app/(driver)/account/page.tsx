import Link from "next/link";
import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import { formatMoney } from "@/lib/format.ts";
import { energy } from "@/components/driver/units.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";

export const metadata = { title: "My account" };

export default async function DriverHome() {
  const user = await requirePermission("driver:self", "/account");
  const { t, locale } = await getI18n();
  const time = await getTimeFormat();
  // Everything below is filtered by the signed-in user's id.
  const [sessions, sessionCount, favorites, wallet] = await Promise.all([
    db().chargingSession.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, startedAt: true, createdAt: true, energyWh: true, costMinor: true, currency: true, status: true, station: { select: { id: true, name: true, timeZone: true } } },
    }),
    db().chargingSession.count({ where: { userId: user.id } }),
    db().favorite.count({ where: { userId: user.id } }),
    db().wallet.findUnique({ where: { userId: user.id }, select: { balanceMinor: true, currency: true } }),
  ]);
  return (
    <div className="flex flex-col gap-6" data-testid="driver-home">
      <div>
        <PageTitle testId="home-title">{t("driver.home.title", { name: user.name })}</PageTitle>
        <Link href="/" className="inline-block rounded-md bg-brand-600 text-white px-4 py-2 font-medium">{t("driver.home.findStation")}</Link>
      </div>
      <div className="grid grid-cols-1 sm:grid-cols-3 gap-3">
        <Stat label={t("driver.home.sessions")} value={sessionCount.toLocaleString(locale)} />
        <Link href="/account/favorites" className="block"><Stat label={t("driver.home.favorites")} value={favorites.toLocaleString(locale)} testId="favorite-count" /></Link>
        <Stat label={t("driver.home.wallet")} value={formatMoney(wallet?.balanceMinor ?? 0, wallet?.currency ?? "EUR", locale)} />
      </div>
      <section>
        <h2 className="font-semibold mb-2">{t("driver.home.sessions")}</h2>
        {sessions.length === 0 ? (
          <p className="text-slate-600">{t("driver.home.noSessions")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 bg-white rounded-lg border border-slate-200">
            {sessions.map((s) => (
              <li key={s.id} className="p-3 flex flex-wrap justify-between gap-2 text-sm">
                <span className="flex flex-col">
                  <Link href={`/stations/${s.station.id}`} className="font-medium underline">{s.station.name}</Link>
                  <span className="text-slate-600">{time.when(s.startedAt ?? s.createdAt, s.station.timeZone)} · {t(`driver.session.${s.status}` as MessageKey)}</span>
                </span>
                <span>{s.energyWh != null ? energy(s.energyWh, locale) : "—"}</span>
                <span>{s.costMinor != null ? formatMoney(s.costMinor, s.currency, locale) : "—"}</span>
              </li>
            ))}
          </ul>
        )}
        {sessionCount > sessions.length && <Link href="/account/history" className="inline-block mt-2 underline text-sm">{t("driver.home.allHistory")}</Link>}
      </section>
    </div>
  );
}
