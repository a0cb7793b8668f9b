import { ActionButton } from "@/components/ui/action-button.tsx";
import { ActionForm } from "@/components/ui/action-form.tsx";
import { Section, Table, td } from "@/components/garage/section.tsx";
import { SessionTable } from "@/components/garage/session-table.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { formatDateTime } from "@/lib/format.ts";
import { chargerDetails } from "@/lib/garage/charger.ts";
import { answerOf } from "@/lib/garage/push-cards.ts";
import { CHARGER_COMMANDS } from "@/lib/garage/schemas.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { changeConfigurationAction, chargerCommandAction } from "../../actions.ts";
import { garagePage, orNotFound, requireIds } from "../../../page-context.ts";

export const metadata = { title: "Charger" };
export const dynamic = "force-dynamic";

export default async function ChargerPage({ params }: { params: Promise<{ siteId: string; stationId: string }> }) {
  const { siteId, stationId } = await params;
  requireIds(siteId, stationId);
  const { user, site, t, locale, db } = await garagePage(siteId, `/garage/${siteId}/chargers/${stationId}`);
  const { station: s, boots, statuses, config, sessions, commands } = await orNotFound(() => chargerDetails(db, user, siteId, stationId));
  const dt = (d: Date | null) => (d ? formatDateTime(d, locale, site.timeZone) : "—");
  const w = t("garage.common.working");
  const connectorIds = s.connectors.map((c) => c.connectorId);
  const perConnector = new Set(["unlock", "stopTransaction", "makeAvailable", "makeUnavailable"]);
  const writable = config.filter((k) => !k.readonly);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle testId="charger-title">{t("garage.charger.title", { identity: s.ocppIdentity ?? "" })}</PageTitle>
      <div className="grid gap-4 md:grid-cols-2">
        <Section title={t("garage.charger.details")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("garage.charger.connection")}</dt>
            <dd data-testid="charger-connection">{s.isOnline ? t("garage.board.online") : t("garage.board.offline")}</dd>
            <dt className="text-slate-500">{t("garage.board.lastSeen")}</dt><dd>{dt(s.lastHeartbeatAt)}</dd>
            <dt className="text-slate-500">{t("garage.charger.spot")}</dt><dd>{s.parkingSpot ? `${s.parkingSpot.label}${s.parkingSpot.renter ? ` · ${s.parkingSpot.renter.name}` : ""}` : "—"}</dd>
            <dt className="text-slate-500">{t("garage.charger.vendorModel")}</dt><dd>{[s.vendor, s.model].filter(Boolean).join(" / ") || "—"}</dd>
            <dt className="text-slate-500">{t("garage.charger.firmware")}</dt><dd>{s.firmwareVersion ?? "—"}</dd>
            {s.connectors.map((c) => (
              <div key={c.connectorId} className="contents">
                <dt className="text-slate-500">{t("garage.board.connector", { n: c.connectorId })}</dt>
                <dd>{t(`garage.connStatus.${c.status}` as MessageKey)}{c.errorCode && c.errorCode !== "NoError" ? ` · ${c.errorCode}` : ""}</dd>
              </div>
            ))}
          </dl>
        </Section>
        <Section title={t("garage.charger.actions")} testId="charger-actions">
          <div className="flex flex-wrap gap-3">
            {CHARGER_COMMANDS.filter((c) => !perConnector.has(c)).map((c) => (
              <ActionButton key={c} action={chargerCommandAction} input={{ siteId, stationId, command: c, connectorId: 0 }} label={t(`garage.charger.cmd.${c}` as MessageKey)} workingLabel={w}
                tone={c === "hardReset" ? "danger" : "plain"} testId={`cmd-${c}`} />
            ))}
          </div>
          {connectorIds.map((n) => (
            <div key={n} className="mt-3">
              <p className="text-sm font-medium mb-1">{t("garage.board.connector", { n })}</p>
              <div className="flex flex-wrap gap-3">
                {CHARGER_COMMANDS.filter((c) => perConnector.has(c)).map((c) => (
                  <ActionButton key={c} action={chargerCommandAction} input={{ siteId, stationId, command: c, connectorId: n }} label={t(`garage.charger.cmd.${c}` as MessageKey)} workingLabel={w}
                    tone={c === "stopTransaction" ? "danger" : "plain"} testId={`cmd-${c}-${n}`} />
                ))}
              </div>
            </div>
          ))}
        </Section>
      </div>
      <Section title={t("garage.charger.config")} testId="charger-config">
        {config.length === 0 ? <p className="text-sm text-slate-600">{t("garage.charger.configEmpty")}</p> : (
          <Table head={[t("garage.charger.key"), t("garage.charger.value"), ""]}>
            {config.map((k) => (
              <tr key={k.key} data-testid="config-row" data-key={k.key}>
                <td className={`${td} font-mono`}>{k.key}</td>
                <td className={`${td} font-mono break-all`} data-testid="config-value">{k.value ?? "—"}</td>
                <td className={`${td} text-xs text-slate-500`}>{k.readonly ? t("garage.charger.readonly") : ""}</td>
              </tr>
            ))}
          </Table>
        )}
        <div className="mt-4 border-t border-slate-100 pt-4">
          <h3 className="font-medium mb-2">{t("garage.charger.changeConfig")}</h3>
          <ActionForm action={changeConfigurationAction} hidden={{ siteId, stationId }} inline submitLabel={t("garage.charger.changeSubmit")} workingLabel={w} testId="change-config"
            fields={[
              writable.length
                ? { name: "key", label: t("garage.charger.key"), type: "select", options: writable.map((k) => ({ value: k.key, label: k.key })) }
                : { name: "key", label: t("garage.charger.key"), autoComplete: "off" },
              { name: "value", label: t("garage.charger.value"), autoComplete: "off" },
            ]} />
        </div>
      </Section>
      <Section title={t("garage.charger.sessions")}>
        <SessionTable siteId={siteId} rows={sessions} t={t} locale={locale} timeZone={site.timeZone} />
      </Section>
      <div className="grid gap-4 md:grid-cols-2">
        <Section title={t("garage.charger.boots")} testId="charger-boots">
          {boots.length === 0 ? <p className="text-sm text-slate-600">{t("garage.common.empty")}</p> : (
            <Table head={[t("garage.charger.bootTime"), t("garage.charger.ip"), t("garage.charger.vendorModel"), t("garage.charger.firmware"), t("garage.charger.bootAnswer")]}>
              {boots.map((b) => (
                <tr key={b.id} data-testid="boot-row">
                  <td className={td}>{dt(b.bootTime)}</td>
                  <td className={`${td} font-mono`} data-testid="boot-ip">{b.ipAddress ?? "—"}</td>
                  <td className={td}>{b.vendor} / {b.model}</td>
                  <td className={td}>{b.firmwareVersion ?? "—"}</td>
                  <td className={td}>{b.answer}</td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
        <Section title={t("garage.charger.statuses")} testId="charger-statuses">
          {statuses.length === 0 ? <p className="text-sm text-slate-600">{t("garage.common.empty")}</p> : (
            <Table head={[t("garage.charger.bootTime"), t("garage.charger.connectorField"), t("garage.charger.statusChange"), t("garage.board.error")]}>
              {statuses.map((l) => (
                <tr key={String(l.id)} data-testid="status-row">
                  <td className={td}>{dt(l.receivedAt)}</td>
                  <td className={td}>{l.connectorId}</td>
                  <td className={td}>{l.previousStatus ? `${l.previousStatus} → ` : ""}{l.newStatus}</td>
                  <td className={td}>{l.errorCode ?? "—"}</td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
      </div>
      <Section title={t("garage.charger.commands")}>
        {commands.length === 0 ? <p className="text-sm text-slate-600">{t("garage.common.empty")}</p> : (
          <ul className="text-sm flex flex-col gap-1">
            {commands.map((c) => (
              <li key={c.id} data-testid="command-row"><span className="text-slate-500">{dt(c.createdAt)}</span> · {t("garage.charger.answer", { action: c.action, answer: answerOf(c) })}</li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
