import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form.tsx";
import { AdoptChargerForm } from "@/components/admin/adopt-charger-form.tsx";
import { CommandForm } from "@/components/admin/command-form.tsx";
import { Badge, Json, Section, STATUS_TONE, Table, Td, TextInput } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { getStationDetail } from "@/lib/admin/stations.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime, formatKw } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { headers } from "next/headers";
import { chargerUrlBase } from "@/lib/owner/charger.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { adoptChargerAction, decideStationAction, sendCommandAction } from "../actions.ts";
import { isUuid } from "@/lib/ids.ts";

export const metadata = { title: "Station" };


export default async function StationPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("platform:admin", "/admin/stations");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { t, locale } = await getI18n();
  const detail = await getStationDetail(db(), id).catch(() => null);
  if (!detail) notFound();
  const { station: s, connections, commands, openIssues } = detail;
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  const busy = { workingLabel: t("admin.common.working"), doneLabel: t("admin.common.saved") };
  const canApprove = s.status === "PENDING_APPROVAL" && s.registrationStatus !== "PENDING";
  const canSuspend = ["PENDING_APPROVAL", "ACTIVE", "INACTIVE", "MAINTENANCE"].includes(s.status);
  const m = {
    command: t("admin.commands.command"), resetType: t("admin.commands.resetType"), connector: t("admin.commands.connector"),
    wholeCharger: t("admin.commands.wholeCharger"), availability: t("admin.commands.availability"), message: t("admin.commands.message"),
    keys: t("admin.commands.keys"), send: t("admin.commands.send"), waiting: t("admin.commands.waiting"), failedRequest: t("admin.common.failedRequest"),
    status_ANSWERED: t("admin.commands.status.ANSWERED"), status_FAILED: t("admin.commands.status.FAILED"), status_TIMED_OUT: t("admin.commands.status.TIMED_OUT"),
  };
  return (
    <div className="flex flex-col gap-4" data-testid="admin-station">
      <PageTitle>{s.name}</PageTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm bg-white rounded-lg border border-slate-200 p-4">
        <dt className="text-slate-500">{t("admin.stations.status")}</dt>
        <dd><Badge tone={STATUS_TONE[s.status]}><span data-testid="station-status">{t(`admin.stationStatus.${s.status}` as MessageKey)}</span></Badge></dd>
        <dt className="text-slate-500">{t("admin.stations.belongsTo")}</dt>
        <dd>{s.owner ? `${t("admin.stations.kind.owner")}: ${s.owner.name} (${s.owner.email})` : s.site ? `${t("admin.stations.kind.garage")}: ${s.site.name}` : s.operator ? `${t("admin.stations.kind.operator")}: ${s.operator.name}` : "—"}</dd>
        <dt className="text-slate-500">{t("admin.stations.address")}</dt><dd>{[s.address, s.city, s.country].filter(Boolean).join(", ") || "—"} ({s.lat}, {s.lng})</dd>
        {s.operator && <><dt className="text-slate-500">{t("admin.stations.lastSynced")}</dt><dd>{when(s.lastSyncedAt)}</dd></>}
        <dt className="text-slate-500">{t("admin.nav.issues")}</dt>
        <dd><Link href={`/admin/issues?q=${encodeURIComponent(s.name)}`} className="underline">{t("admin.stations.openIssues", { count: openIssues })}</Link></dd>
      </dl>

      {s.ocppIdentity && (
        <Section title={t("admin.stations.charger")} testId="charger-section">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">OCPP ID</dt><dd className="font-mono">{s.ocppIdentity}</dd>
            <dt className="text-slate-500">{t("admin.stations.connection")}</dt>
            <dd><Badge tone={s.isOnline ? "green" : "slate"}>{s.isOnline ? t("common.online") : t("common.offline")}</Badge> {s.isOnline && `${t("admin.stations.since")} ${when(s.connectedAt)}`}</dd>
            <dt className="text-slate-500">{t("admin.stations.registration")}</dt><dd>{s.registrationStatus}</dd>
            <dt className="text-slate-500">{t("admin.stations.lastHeartbeat")}</dt><dd>{when(s.lastHeartbeatAt)}</dd>
            <dt className="text-slate-500">{t("admin.stations.lastBoot")}</dt><dd>{when(s.lastBootAt)}</dd>
            <dt className="text-slate-500">{t("admin.stations.hardware")}</dt><dd>{[s.vendor, s.model, s.firmwareVersion, s.serialNumber].filter(Boolean).join(" · ") || "—"}</dd>
            <dt className="text-slate-500">{t("admin.stations.chargerStatus")}</dt><dd>{s.chargerStatus ?? "—"}{s.chargerErrorCode && s.chargerErrorCode !== "NoError" ? ` (${s.chargerErrorCode})` : ""}</dd>
          </dl>
          {connections.length > 0 && (
            <ul className="text-xs text-slate-600">
              {connections.map((c) => <li key={String(c.id)}>{when(c.at)} · {c.event}{c.ipAddress ? ` · ${c.ipAddress}` : ""}{c.reason ? ` · ${c.reason}` : ""}</li>)}
            </ul>
          )}
        </Section>
      )}

      <Section title={t("admin.stations.connectors")}>
        <Table head={["#", t("admin.stations.plug"), t("admin.stations.power"), t("admin.stations.status"), t("admin.stations.updated")]}>
          {s.connectors.map((c) => (
            <tr key={c.id} data-testid="connector-row">
              <Td>{c.connectorId}</Td>
              <Td>{c.type} · {c.powerType}</Td>
              <Td>{formatKw(c.maxPowerKw, locale)}</Td>
              <Td>{c.status}{c.errorCode && c.errorCode !== "NoError" ? ` (${c.errorCode})` : ""}{c.removed ? ` · ${t("admin.stations.removed")}` : ""}</Td>
              <Td>{when(c.statusUpdatedAt)}</Td>
            </tr>
          ))}
        </Table>
      </Section>

      {s.registrationStatus === "PENDING" && (
        <Section title={t("admin.stations.adopt")} testId="adopt-section">
          <p className="text-sm text-slate-600">{t("admin.stations.adoptHint")}</p>
          <AdoptChargerForm action={adoptChargerAction} urlBase={chargerUrlBase((await headers()).get("host"))} fieldLabels={{}} m={{
            submit: t("admin.stations.adopt"), working: t("admin.common.working"), networkError: t("admin.common.failedRequest"),
            adopted: t("admin.stations.adopted"), url: t("admin.stations.chargerUrl"), password: t("admin.stations.chargerPassword"),
            passwordOnce: t("admin.stations.passwordOnce"), pushed: t("admin.stations.passwordPushed"), done: t("admin.stations.adoptDone"),
            "pushed.ACCEPTED": t("admin.stations.pushed.ACCEPTED"), "pushed.REJECTED": t("admin.stations.pushed.REJECTED"),
            "pushed.NO_ANSWER": t("admin.stations.pushed.NO_ANSWER"), "pushed.OFFLINE": t("admin.stations.pushed.OFFLINE"),
          }}>
            <input type="hidden" name="stationId" value={s.id} />
            <TextInput name="name" label={t("admin.stations.name")} defaultValue={s.name} required />
            <TextInput name="lat" label={t("admin.stations.lat")} defaultValue={s.lat || ""} type="number" step="any" required />
            <TextInput name="lng" label={t("admin.stations.lng")} defaultValue={s.lng || ""} type="number" step="any" required />
            <TextInput name="address" label={t("admin.stations.address")} defaultValue={s.address} />
            <TextInput name="ownerEmail" label={t("admin.stations.ownerEmail")} type="email" />
          </AdoptChargerForm>
        </Section>
      )}

      {(canApprove || canSuspend || s.status === "SUSPENDED") && (
        <Section title={t("admin.stations.listing")}>
          <div className="flex flex-wrap gap-6">
            {canApprove && (
              <ActionForm action={decideStationAction} submitLabel={t("admin.stations.approve")} {...busy} testId="approve-form">
                <input type="hidden" name="stationId" value={s.id} />
                <input type="hidden" name="decision" value="approve" />
              </ActionForm>
            )}
            {s.status === "SUSPENDED" && (
              <ActionForm action={decideStationAction} submitLabel={t("admin.stations.reinstate")} {...busy} testId="reinstate-form">
                <input type="hidden" name="stationId" value={s.id} />
                <input type="hidden" name="decision" value="reinstate" />
              </ActionForm>
            )}
            {canSuspend && (
              <ActionForm action={decideStationAction} submitLabel={t("admin.stations.suspend")} danger {...busy} testId="suspend-station-form" fieldLabels={{ reason: t("admin.users.reason") }}>
                <input type="hidden" name="stationId" value={s.id} />
                <input type="hidden" name="decision" value="suspend" />
                <TextInput name="reason" label={t("admin.users.reason")} required />
              </ActionForm>
            )}
          </div>
        </Section>
      )}

      {s.ocppIdentity && (
        <Section title={t("admin.commands.title")} testId="commands-section">
          {!s.isOnline && <p className="text-sm text-amber-700">{t("admin.commands.offlineHint")}</p>}
          <CommandForm stationId={s.id} connectors={s.connectors.filter((c) => !c.removed).map((c) => c.connectorId)} action={sendCommandAction} m={m} />
          {commands.length > 0 && (
            <Table head={[t("admin.commands.when"), t("admin.commands.command"), t("admin.commands.by"), t("admin.stations.status"), t("admin.commands.answer")]}>
              {commands.map((c) => (
                <tr key={c.id}>
                  <Td>{when(c.createdAt)}</Td>
                  <Td><span className="font-mono">{c.action}</span><Json value={c.payload} /></Td>
                  <Td>{c.requestedBy?.email ?? "—"}</Td>
                  <Td>{c.status}</Td>
                  <Td>{c.error ? <span className="text-red-700">{c.error}</span> : <Json value={c.response} />}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
      )}
    </div>
  );
}
