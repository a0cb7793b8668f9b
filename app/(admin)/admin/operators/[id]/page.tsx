import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportFileForm } from "@/components/admin/import-file-form.tsx";
import { OperatorForm } from "@/components/admin/operator-form.tsx";
import { operatorFormMessages, reportMessages } from "@/components/admin/report-messages.ts";
import { SyncNowButton } from "@/components/admin/sync-now-button.tsx";
import { SyncReport } from "@/components/admin/sync-report.tsx";
import { Badge, Pager, Section, Table, Td } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { pageOf } from "@/lib/admin/actor.ts";
import { getSyncReport, listSyncs } from "@/lib/admin/operator-import.ts";
import { getOperator } from "@/lib/admin/operators.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { importOperatorFileAction, saveOperatorAction, syncOperatorAction } from "../actions.ts";
import { isUuid } from "@/lib/ids.ts";

export const metadata = { title: "Operator" };


export default async function OperatorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sync?: string; page?: string }> }) {
  await requirePermission("platform:admin", "/admin/operators");
  const { id } = await params;
  const sp = await searchParams;
  if (!isUuid(id)) notFound();
  const { t, locale } = await getI18n();
  const op = await getOperator(db(), id).catch(() => null);
  if (!op) notFound();
  const syncs = await listSyncs(db(), id, pageOf(sp.page));
  const selected = sp.sync && isUuid(sp.sync) ? await getSyncReport(db(), id, sp.sync).catch(() => null) : null;
  const rm = reportMessages(t);
  return (
    <div className="flex flex-col gap-4" data-testid="admin-operator">
      <PageTitle>{op.name}</PageTitle>
      <p className="text-sm text-slate-600">
        {t("admin.operators.stationCount", { count: op._count.stations })} ·{" "}
        <Link href={`/admin/stations?operatorId=${op.id}`} className="underline">{t("admin.nav.stations")}</Link>
      </p>
      <Section title={t("admin.operators.details")}>
        <OperatorForm op={op} action={saveOperatorAction} m={operatorFormMessages(t)} />
      </Section>
      <Section title={t("admin.import.title")} testId="import-section">
        <p className="text-sm text-slate-600">{t("admin.import.hint")}</p>
        <ImportFileForm operatorId={op.id} action={importOperatorFileAction} m={rm} />
      </Section>
      <Section title={t("admin.sync.title")}>
        {!op.apiBaseUrl && <p className="text-sm text-slate-600">{t("admin.sync.needsUrl")}</p>}
        <SyncNowButton operatorId={op.id} disabled={!op.apiBaseUrl} action={syncOperatorAction} m={rm} />
      </Section>
      <Section title={t("admin.sync.history")} testId="sync-history">
        <Table head={[t("admin.sync.started"), t("admin.sync.source"), t("admin.sync.status"), rm.created, rm.updated, rm.unchanged, rm.removed, rm.corrected, rm.rejected, ""]}>
          {syncs.rows.map((s) => (
            <tr key={s.id} data-testid="sync-row">
              <Td>{formatDateTime(s.startedAt, locale)}</Td>
              <Td>{s.source === "FILE" ? `${t("admin.sync.file")}: ${s.fileName ?? ""}` : `${t("admin.sync.api")} (${s.mode === "FULL" ? t("admin.import.modeFull") : t("admin.import.modeIncremental")})`}</Td>
              <Td><Badge tone={s.status === "SUCCEEDED" ? "green" : s.status === "FAILED" ? "red" : "amber"}>{t(`admin.sync.status.${s.status}` as MessageKey)}</Badge>{s.error && <span className="block text-xs text-red-700">{s.error}</span>}</Td>
              <Td>{s.created}</Td><Td>{s.updated}</Td><Td>{s.unchanged}</Td><Td>{s.removed}</Td><Td>{s.corrected}</Td><Td>{s.rejected}</Td>
              <Td><Link href={`/admin/operators/${op.id}?sync=${s.id}`} className="underline">{t("admin.sync.viewReport")}</Link></Td>
            </tr>
          ))}
        </Table>
        <Pager {...syncs} params={sp} basePath={`/admin/operators/${op.id}`} labels={{ prev: t("admin.common.prev"), next: t("admin.common.next"), of: t("admin.common.pageOf", { page: syncs.page, pages: syncs.pages, total: syncs.total }) }} />
      </Section>
      {selected && (
        <Section title={`${t("admin.sync.report")} · ${formatDateTime(selected.sync.startedAt, locale)}`} testId="selected-report">
          <SyncReport
            report={{ status: selected.sync.status, error: selected.sync.error, counts: selected.sync, issues: selected.issues, okCount: selected.okCount }}
            m={rm}
          />
        </Section>
      )}
    </div>
  );
}
