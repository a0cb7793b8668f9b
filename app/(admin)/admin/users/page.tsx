import Link from "next/link";
import { Badge, Empty, FilterForm, Pager, Select, Table, Td, TextInput } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { pageOf } from "@/lib/admin/actor.ts";
import { listUsers } from "@/lib/admin/users.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { UserRole, UserStatus } from "@/lib/db/generated/enums.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";

export const metadata = { title: "Users" };

type Search = { q?: string; role?: string; status?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission("platform:admin", "/admin/users");
  const { t, locale } = await getI18n();
  const sp = await searchParams;
  const role = Object.values(UserRole).find((r) => r === sp.role);
  const status = Object.values(UserStatus).find((s) => s === sp.status);
  const result = await listUsers(db(), { q: sp.q, role, status, page: pageOf(sp.page) });
  return (
    <div data-testid="admin-users">
      <PageTitle>{t("admin.users.title")}</PageTitle>
      <FilterForm submitLabel={t("admin.common.search")} resetHref="/admin/users" resetLabel={t("admin.common.reset")}>
        <TextInput name="q" label={t("admin.users.search")} defaultValue={sp.q} placeholder="name@example.com" />
        <Select name="role" label={t("admin.users.role")} defaultValue={role} options={[{ value: "", label: t("admin.common.all") }, ...Object.values(UserRole).map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))]} />
        <Select name="status" label={t("admin.users.status")} defaultValue={status} options={[{ value: "", label: t("admin.common.all") }, ...Object.values(UserStatus).map((s) => ({ value: s, label: t(`admin.userStatus.${s}` as MessageKey) }))]} />
      </FilterForm>
      {result.rows.length === 0 ? (
        <Empty>{t("admin.users.none")}</Empty>
      ) : (
        <Table testId="users-table" head={[t("admin.users.name"), t("admin.users.email"), t("admin.users.role"), t("admin.users.status"), t("admin.users.lastLogin")]}>
          {result.rows.map((u) => (
            <tr key={u.id} data-testid="user-row">
              <Td><Link href={`/admin/users/${u.id}`} className="underline font-medium">{u.name}</Link></Td>
              <Td>{u.email}</Td>
              <Td>{t(`role.${u.role}` as MessageKey)}</Td>
              <Td><Badge tone={u.status === "ACTIVE" ? "green" : "red"}>{t(`admin.userStatus.${u.status}` as MessageKey)}</Badge></Td>
              <Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : "—"}</Td>
            </tr>
          ))}
        </Table>
      )}
      <Pager {...result} params={sp} basePath="/admin/users" labels={{ prev: t("admin.common.prev"), next: t("admin.common.next"), of: t("admin.common.pageOf", { page: result.page, pages: result.pages, total: result.total }) }} />
    </div>
  );
}
