import Link from "next/link";
import { Badge, Empty, FilterForm, Pager, Select, Table, Td, TextInput } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { pageOf } from "@/lib/admin/actor.ts";
import { listIssues } from "@/lib/admin/issues.ts";
import { listAdmins } from "@/lib/admin/users.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { IssuePriority, IssueStatus, IssueType } from "@/lib/db/generated/enums.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { isUuid } from "@/lib/ids.ts";

export const metadata = { title: "Issue reports" };

type Search = { status?: string; priority?: string; type?: string; assigned?: string; q?: string; page?: string };
const PRIORITY_TONE = { LOW: "slate", MEDIUM: "blue", HIGH: "amber", CRITICAL: "red" } as const;

export default async function IssuesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const me = await requirePermission("platform:admin", "/admin/issues");
  const { t, locale } = await getI18n();
  const sp = await searchParams;
  const status = sp.status === "OPEN" ? "OPEN" : Object.values(IssueStatus).find((s) => s === sp.status);
  const priority = Object.values(IssuePriority).find((p) => p === sp.priority);
  const type = Object.values(IssueType).find((p) => p === sp.type);
  const assigned = sp.assigned === "me" || sp.assigned === "none" || (sp.assigned && isUuid(sp.assigned)) ? sp.assigned : undefined;
  const [result, admins] = await Promise.all([listIssues(db(), me.id, { status, priority, type, assigned, q: sp.q, page: pageOf(sp.page) }), listAdmins(db())]);
  return (
    <div data-testid="admin-issues">
      <PageTitle>{t("admin.issues.title")}</PageTitle>
      <FilterForm submitLabel={t("admin.common.search")} resetHref="/admin/issues" resetLabel={t("admin.common.reset")}>
        <TextInput name="q" label={t("admin.issues.search")} defaultValue={sp.q} />
        <Select name="status" label={t("admin.issues.status")} defaultValue={status} options={[{ value: "", label: t("admin.common.all") }, { value: "OPEN", label: t("admin.issues.open") }, ...Object.values(IssueStatus).map((s) => ({ value: s, label: t(`admin.issueStatus.${s}` as MessageKey) }))]} />
        <Select name="priority" label={t("admin.issues.priority")} defaultValue={priority} options={[{ value: "", label: t("admin.common.all") }, ...Object.values(IssuePriority).map((p) => ({ value: p, label: t(`admin.priority.${p}` as MessageKey) }))]} />
        <Select name="type" label={t("admin.issues.type")} defaultValue={type} options={[{ value: "", label: t("admin.common.all") }, ...Object.values(IssueType).map((p) => ({ value: p, label: t(`admin.issueType.${p}` as MessageKey) }))]} />
        <Select name="assigned" label={t("admin.issues.assignee")} defaultValue={assigned} options={[{ value: "", label: t("admin.common.all") }, { value: "me", label: t("admin.issues.assignedToMe") }, { value: "none", label: t("admin.issues.unassigned") }, ...admins.map((a) => ({ value: a.id, label: a.name }))]} />
      </FilterForm>
      {result.rows.length === 0 ? (
        <Empty>{t("admin.issues.none")}</Empty>
      ) : (
        <Table testId="issues-table" head={[t("admin.issues.reported"), t("admin.issues.station"), t("admin.issues.type"), t("admin.issues.priority"), t("admin.issues.status"), t("admin.issues.assignee"), t("admin.issues.reporter")]}>
          {result.rows.map((i) => (
            <tr key={i.id} data-testid="issue-row">
              <Td><Link href={`/admin/issues/${i.id}`} className="underline">{formatDateTime(i.reportedAt, locale)}</Link></Td>
              <Td>{i.station.name}<span className="block text-xs text-slate-500 line-clamp-1">{i.description}</span></Td>
              <Td>{t(`admin.issueType.${i.type}` as MessageKey)}</Td>
              <Td><Badge tone={PRIORITY_TONE[i.priority]}>{t(`admin.priority.${i.priority}` as MessageKey)}</Badge></Td>
              <Td><Badge tone={i.status === "RESOLVED" ? "green" : "amber"}>{t(`admin.issueStatus.${i.status}` as MessageKey)}</Badge></Td>
              <Td>{i.assignedTo?.name ?? "—"}</Td>
              <Td>{i.reportedBy.email}</Td>
            </tr>
          ))}
        </Table>
      )}
      <Pager {...result} params={sp} basePath="/admin/issues" labels={{ prev: t("admin.common.prev"), next: t("admin.common.next"), of: t("admin.common.pageOf", { page: result.page, pages: result.pages, total: result.total }) }} />
    </div>
  );
}
