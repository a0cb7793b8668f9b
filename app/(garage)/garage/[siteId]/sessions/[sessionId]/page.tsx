import { Fragment } from "react";
import Link from "next/link";
import { MeterChart } from "@/components/garage/meter-chart.tsx";
import { Section } from "@/components/garage/section.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { formatDateTime } from "@/lib/format.ts";
import { formatDuration, formatKwhExact } from "@/lib/garage/format.ts";
import { sessionDetails } from "@/lib/garage/sessions.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { garagePage, orNotFound, requireIds } from "../../../page-context.ts";

export const metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ siteId: string; sessionId: string }> }) {
  const { siteId, sessionId } = await params;
  requireIds(siteId, sessionId);
  const { user, site, t, locale, db } = await garagePage(siteId, `/garage/${siteId}/sessions/${sessionId}`);
  const { session: s, readings } = await orNotFound(() => sessionDetails(db, user, siteId, sessionId));
  const dt = (d: Date | null) => (d ? formatDateTime(d, locale, site.timeZone) : "—");
  const wh = (v: bigint | null) => (v === null ? "—" : `${new Intl.NumberFormat(locale).format(Number(v))} Wh`);
  const rows: [string, React.ReactNode][] = [
    [t("garage.sessions.status"), t(`garage.sessionStatus.${s.status}` as MessageKey)],
    [t("garage.sessions.renter"), s.renter ? <Link className="underline" href={`/garage/${siteId}/renters/${s.renter.id}`}>{s.renter.name}</Link> : "—"],
    [t("garage.sessions.card"), s.idTag ?? "—"],
    [t("garage.sessions.spot"), s.parkingSpot?.label ?? "—"],
    [t("garage.sessions.charger"), <Link key="c" className="underline font-mono" href={`/garage/${siteId}/chargers/${s.station.id}`}>{s.station.ocppIdentity}</Link>],
    [t("garage.sessions.started"), dt(s.startedAt)],
    [t("garage.sessions.ended"), s.endedAt ? dt(s.endedAt) : t("garage.sessions.running")],
    [t("garage.sessions.duration"), formatDuration(s.startedAt, s.endedAt ?? new Date())],
    [t("garage.sessions.meterStart"), wh(s.meterStartWh)],
    [t("garage.sessions.meterStop"), wh(s.meterStopWh)],
    [t("garage.sessions.energy"), <span key="e" data-testid="session-detail-energy">{formatKwhExact(s.energyWh ?? 0, locale)}</span>],
    [t("garage.sessions.stopReason"), s.stopReason ?? s.failureReason ?? "—"],
  ];
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("garage.sessions.detailTitle", { id: s.transactionId })}</PageTitle>
      <Section>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {rows.map(([k, v]) => (<Fragment key={k}><dt className="text-slate-500">{k}</dt><dd>{v}</dd></Fragment>))}
        </dl>
      </Section>
      <Section title={t("garage.sessions.chart")}>
        <MeterChart points={readings} meterStartWh={Number(s.meterStartWh ?? 0)} locale={locale} timeZone={site.timeZone}
          labels={{ energy: t("garage.sessions.chartEnergy"), power: t("garage.sessions.chartPower"), empty: t("garage.sessions.noReadings") }} />
      </Section>
    </div>
  );
}
