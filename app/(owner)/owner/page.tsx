import Link from "next/link";
import { Section, td, th } from "@/components/owner/section.tsx";
import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { formatKwh, formatMoney } from "@/lib/format.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { earnings } from "@/lib/owner/earnings.ts";
import { periodOf, presetPeriod } from "@/lib/owner/period.ts";
import { listStations } from "@/lib/owner/station-read.ts";
import { ownerTimeZone } from "@/lib/owner/time-zone.ts";
import { plugNames } from "@/lib/owner/display.ts";
import { ownerPage } from "./page-context.ts";

export const metadata = { title: "My stations" };

export default async function OwnerHome() {
  const { user, t, locale, db } = await ownerPage("/owner");
  const stations = await listStations(db, user);
  const tz = await ownerTimeZone(db, user);
  const month = presetPeriod("month", tz);
  const e = stations.length ? await earnings(db, user, { period: periodOf(month.from, month.to, tz) }) : null;
  const cur = e?.currencies[0];
  return (
    <div data-testid="owner-home" className="flex flex-col gap-4">
      <PageTitle testId="home-title">{t("owner.home.title")}</PageTitle>
      {e && (
        <div className="grid grid-cols-2 md:grid-cols-4 gap-3" data-testid="home-month">
          <Stat label={`${t("owner.earn.net")} · ${t("owner.home.thisMonth")}`} value={cur ? formatMoney(e.total.money[cur].net, cur, locale) : "—"} />
          <Stat label={t("owner.earn.gross")} value={cur ? formatMoney(e.total.money[cur].gross, cur, locale) : "—"} />
          <Stat label={t("owner.earn.energy")} value={formatKwh(e.total.energyWh, locale)} />
          <Stat label={t("owner.earn.sessions")} value={e.total.sessions} testId="home-sessions" />
          {e.total.unpaid > 0 && <Stat label={t("owner.home.unpaid")} value={t("owner.earn.unpaidLine", { n: e.total.unpaid, energy: formatKwh(e.total.unpaidEnergyWh, locale) })} testId="home-unpaid" />}
        </div>
      )}
      <Section>
        {stations.length === 0 ? (
          <p className="text-slate-600">{t("owner.home.none")} <Link className="underline text-brand-700" href="/owner/stations/new">{t("owner.nav.add")}</Link></p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="stations-table">
              <thead><tr><th className={th}>{t("owner.form.name")}</th><th className={th}>{t("owner.form.address")}</th><th className={th}>{t("owner.station.status")}</th><th className={th}>{t("owner.home.charger")}</th><th className={th}>{t("owner.form.tariff")}</th><th className={th} /></tr></thead>
              <tbody>
                {stations.map((s) => (
                  <tr key={s.id} data-testid="station-row" data-name={s.name}>
                    <td className={`${td} font-medium`}>{s.name}<div className="text-xs text-slate-500">{t("owner.home.connectors", { count: s._count.connectors })} · {s.maxPowerKw} kW · {plugNames(s.plugTypes, locale)}</div></td>
                    <td className={td}>{[s.address, s.city].filter(Boolean).join(", ")}</td>
                    <td className={td} data-testid="station-status">{t(`owner.status.${s.status}` as MessageKey)}</td>
                    <td className={td}>{s.ocppIdentity ? <span data-testid="station-online">{s.isOnline ? t("common.online") : t("common.offline")}</span> : <span className="text-slate-500">{t("owner.home.noCharger")}</span>}</td>
                    <td className={td}>{[s.pricePerKwhMinor != null && `${formatMoney(s.pricePerKwhMinor, s.currency, locale)}/kWh`, s.pricePerHourMinor != null && `${formatMoney(s.pricePerHourMinor, s.currency, locale)}/h`].filter(Boolean).join(" · ") || "—"}</td>
                    <td className={td}><Link className="underline inline-flex items-center min-h-11 px-1" href={`/owner/stations/${s.id}`} data-testid="station-manage">{t("owner.home.edit")}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
