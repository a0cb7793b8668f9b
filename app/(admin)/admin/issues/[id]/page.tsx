import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form.tsx";
import { Badge, Section, Select, TextArea } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { getIssue } from "@/lib/admin/issues.ts";
import { ISSUE_FLOW } from "@/lib/admin/update-issue.ts";
import { listAdmins } from "@/lib/admin/users.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { IssuePriority } from "@/lib/db/generated/enums.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { updateIssueAction } from "../actions.ts";
import { isUuid } from "@/lib/ids.ts";

export const metadata = { title: "Issue report" };


export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("platform:admin", "/admin/issues");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { t, locale } = await getI18n();
  const found = await getIssue(db(), id).catch(() => null);
  if (!found) notFound();
  const { issue, history } = found;
  const admins = await listAdmins(db());
  const next = ISSUE_FLOW.slice(ISSUE_FLOW.indexOf(issue.status));
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  return (
    <div className="flex flex-col gap-4" data-testid="admin-issue">
      <PageTitle>{t("admin.issues.reportAt", { station: issue.station.name })}</PageTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm bg-white rounded-lg border border-slate-200 p-4">
        <dt className="text-slate-500">{t("admin.issues.station")}</dt>
        <dd><Link href={`/admin/stations/${issue.station.id}`} className="underline">{issue.station.name}</Link> {[issue.station.address, issue.station.city].filter(Boolean).join(", ")}</dd>
        <dt className="text-slate-500">{t("admin.issues.type")}</dt><dd>{t(`admin.issueType.${issue.type}` as MessageKey)}</dd>
        <dt className="text-slate-500">{t("admin.issues.description")}</dt><dd className="whitespace-pre-wrap">{issue.description}</dd>
        <dt className="text-slate-500">{t("admin.issues.reporter")}</dt><dd>{issue.reportedBy.name} ({issue.reportedBy.email})</dd>
        <dt className="text-slate-500">{t("admin.issues.status")}</dt>
        <dd><Badge tone={issue.status === "RESOLVED" ? "green" : "amber"}><span data-testid="issue-status">{t(`admin.issueStatus.${issue.status}` as MessageKey)}</span></Badge></dd>
        <dt className="text-slate-500">{t("admin.issues.priority")}</dt><dd>{t(`admin.priority.${issue.priority}` as MessageKey)}</dd>
        <dt className="text-slate-500">{t("admin.issues.assignee")}</dt><dd>{issue.assignedTo?.name ?? "—"}</dd>
        <dt className="text-slate-500">{t("admin.issues.reported")}</dt><dd>{when(issue.reportedAt)}</dd>
        <dt className="text-slate-500">{t("admin.issueStatus.ACKNOWLEDGED")}</dt><dd>{when(issue.acknowledgedAt)}</dd>
        <dt className="text-slate-500">{t("admin.issueStatus.RESOLVED")}</dt><dd>{when(issue.resolvedAt)}</dd>
        {issue.resolutionNote && <><dt className="text-slate-500">{t("admin.issues.resolutionNote")}</dt><dd data-testid="resolution-note">{issue.resolutionNote}</dd></>}
      </dl>

      <Section title={t("admin.issues.update")}>
        <p className="text-xs text-slate-500">{t("admin.issues.notifyHint")}</p>
        <ActionForm
          action={updateIssueAction}
          submitLabel={t("common.save")}
          workingLabel={t("admin.common.working")}
          doneLabel={t("admin.common.saved")}
          testId="issue-form"
          fieldLabels={{ status: t("admin.issues.status"), priority: t("admin.issues.priority"), assignedToId: t("admin.issues.assignee"), resolutionNote: t("admin.issues.resolutionNote") }}
          className="grid sm:grid-cols-3 gap-3"
        >
          <input type="hidden" name="issueId" value={issue.id} />
          <Select name="status" label={t("admin.issues.status")} defaultValue={issue.status} testId="issue-status-select" options={next.map((s) => ({ value: s, label: t(`admin.issueStatus.${s}` as MessageKey) }))} />
          <Select name="priority" label={t("admin.issues.priority")} defaultValue={issue.priority} options={Object.values(IssuePriority).map((p) => ({ value: p, label: t(`admin.priority.${p}` as MessageKey) }))} />
          <Select name="assignedToId" label={t("admin.issues.assignee")} defaultValue={issue.assignedTo?.id ?? ""} options={[{ value: "", label: t("admin.issues.unassigned") }, ...admins.map((a) => ({ value: a.id, label: a.name }))]} />
          <div className="sm:col-span-3">
            <TextArea name="resolutionNote" label={t("admin.issues.resolutionNote")} defaultValue={issue.resolutionNote} />
          </div>
        </ActionForm>
      </Section>

      <Section title={t("admin.users.history")}>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">{t("admin.audit.none")}</p>
        ) : (
          <ul className="text-sm divide-y divide-slate-100">
            {history.map((h) => {
              const b = (h.before ?? {}) as Record<string, unknown>;
              const a = (h.after ?? {}) as Record<string, unknown>;
              const changes = Object.keys(a).filter((k) => k !== "id" && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
              return (
                <li key={String(h.id)} className="py-1">
                  <span className="text-slate-500">{when(h.createdAt)}</span> · {h.actor?.name ?? t("admin.audit.system")} ·{" "}
                  {changes.map((k) => `${k}: ${String(b[k] ?? "—")} → ${String(a[k] ?? "—")}`).join("; ")}
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </div>
  );
}
