import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { formatMoney } from "@/lib/format.ts";

export const metadata = { title: "My account" };

export default async function DriverHome() {
  const user = await requirePermission("driver:self", "/account");
  const { t, locale } = await getI18n();
  // Everything below is filtered by the signed-in user's id.
  const [sessions, favorites, wallet] = await Promise.all([
    db().chargingSession.findMany({
      where: { userId: user.id },
      orderBy: { startedAt: "desc" },
      take: 10,
      select: { id: true, startedAt: true, energyWh: true, costMinor: true, currency: true, status: true, station: { select: { name: true } } },
    }),
    db().favorite.count({ where: { userId: user.id } }),
    db().wallet.findUnique({ where: { userId: user.id }, select: { balanceMinor: true, currency: true } }),
  ]);
  return (
    <div className="flex flex-col gap-6" data-testid="driver-home">
      <PageTitle testId="home-title">{t("driver.home.title", { name: user.name })}</PageTitle>
      <div className="grid grid-cols-1 sm:grid-cols-3 gap-3">
        <Stat label={t("driver.home.sessions")} value={sessions.length} />
        <Stat label={t("driver.home.favorites")} value={favorites} />
        <Stat label={t("driver.home.wallet")} value={formatMoney(wallet?.balanceMinor ?? 0, wallet?.currency ?? "EUR", locale)} />
      </div>
      <section>
        <h2 className="font-semibold mb-2">{t("driver.home.sessions")}</h2>
        {sessions.length === 0 ? (
          <p className="text-slate-600">{t("driver.home.noSessions")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 bg-white rounded-lg border border-slate-200">
            {sessions.map((s) => (
              <li key={s.id} className="p-3 flex justify-between gap-2 text-sm">
                <span>{s.station.name}</span>
                <span>{((s.energyWh ?? 0) / 1000).toLocaleString(locale, { maximumFractionDigits: 2 })} kWh</span>
                <span>{s.costMinor != null ? formatMoney(s.costMinor, s.currency, locale) : "—"}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
