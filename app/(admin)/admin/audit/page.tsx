import Link from "next/link";
import { Empty, FilterForm, Json, Pager, Select, Table, Td, TextInput } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { searchAudit, ZAuditFilter } from "@/lib/admin/audit-search.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "Audit log" };

type Search = Record<string, string | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission("platform:admin", "/admin/audit");
  const { t, locale } = await getI18n();
  const sp = await searchParams;
  const filter = ZAuditFilter.parse(sp);
  const result = await searchAudit(db(), filter);
  return (
    <div data-testid="admin-audit">
      <PageTitle>{t("admin.audit.title")}</PageTitle>
      <p className="text-sm text-slate-600 mb-3">{t("admin.audit.readOnly")}</p>
      <FilterForm submitLabel={t("admin.common.search")} resetHref="/admin/audit" resetLabel={t("admin.common.reset")}>
        <TextInput name="actor" label={t("admin.audit.actor")} defaultValue={filter.actor} placeholder="admin@…" />
        <TextInput name="action" label={t("admin.audit.action")} defaultValue={filter.action} placeholder="USER_SUSPENDED" />
        <Select name="entityType" label={t("admin.audit.entityType")} defaultValue={filter.entityType} options={[{ value: "", label: t("admin.common.all") }, ...result.entityTypes.map((e) => ({ value: e, label: e }))]} />
        <TextInput name="entityId" label={t("admin.audit.entityId")} defaultValue={filter.entityId} />
        <TextInput name="from" label={t("admin.audit.from")} type="date" defaultValue={filter.from} />
        <TextInput name="to" label={t("admin.audit.to")} type="date" defaultValue={filter.to} />
      </FilterForm>
      {result.rows.length === 0 ? (
        <Empty>{t("admin.audit.none")}</Empty>
      ) : (
        <Table testId="audit-table" head={[t("admin.audit.when"), t("admin.audit.actor"), t("admin.audit.action"), t("admin.audit.entity"), t("admin.audit.before"), t("admin.audit.after"), t("admin.audit.from_where")]}>
          {result.rows.map((r) => (
            <tr key={r.id} data-testid="audit-row">
              <Td className="whitespace-nowrap">{formatDateTime(r.createdAt, locale)}</Td>
              <Td>{r.actor ? <Link href={`/admin/audit?actor=${r.actor.id}`} className="underline">{r.actor.email}</Link> : t("admin.audit.system")}{r.actorRole && <span className="block text-xs text-slate-500">{r.actorRole}</span>}</Td>
              <Td className="font-mono text-xs">{r.action}</Td>
              <Td>
                <span className="text-xs">{r.entityType}</span>
                {r.entityId && <Link href={`/admin/audit?entityType=${encodeURIComponent(r.entityType)}&entityId=${encodeURIComponent(r.entityId)}`} className="block text-xs font-mono underline break-all">{r.entityId}</Link>}
              </Td>
              <Td><Json value={r.before} /></Td>
              <Td><Json value={r.after} /></Td>
              <Td className="text-xs">{r.ipAddress ?? "—"}<span className="block text-slate-500 line-clamp-2" title={r.userAgent ?? undefined}>{r.userAgent}</span></Td>
            </tr>
          ))}
        </Table>
      )}
      <Pager {...result} params={sp} basePath="/admin/audit" labels={{ prev: t("admin.common.prev"), next: t("admin.common.next"), of: t("admin.common.pageOf", { page: result.page, pages: result.pages, total: result.total }) }} />
    </div>
  );
}
