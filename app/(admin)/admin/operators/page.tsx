import Link from "next/link";
import { Badge, Empty, Table, Td } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { listOperators } from "@/lib/admin/operators.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "Operators" };

export default async function OperatorsPage() {
  await requirePermission("platform:admin", "/admin/operators");
  const { t, locale } = await getI18n();
  const operators = await listOperators(db());
  return (
    <div data-testid="admin-operators">
      <div className="flex justify-between items-start">
        <PageTitle>{t("admin.operators.title")}</PageTitle>
        <Link href="/admin/operators/new" className="rounded-md bg-brand-600 text-white px-3 py-1.5 text-sm font-medium">{t("admin.operators.new")}</Link>
      </div>
      {operators.length === 0 ? (
        <Empty>{t("admin.operators.none")}</Empty>
      ) : (
        <Table head={[t("admin.operators.name"), t("admin.operators.stations"), t("admin.operators.supportPhone"), t("admin.operators.credentials"), t("admin.operators.lastSynced")]}>
          {operators.map((o) => (
            <tr key={o.id} data-testid="operator-row">
              <Td>
                <Link href={`/admin/operators/${o.id}`} className="underline font-medium">{o.name}</Link>{" "}
                {!o.isActive && <Badge>{t("admin.operators.inactive")}</Badge>}
              </Td>
              <Td>{o._count.stations}</Td>
              <Td>{o.supportPhone ?? "—"}</Td>
              <Td>{o.credentialsSet ? <Badge tone="green">{t("admin.operators.credentialsSet")}</Badge> : <Badge>{t("admin.operators.credentialsNotSet")}</Badge>}</Td>
              <Td>{o.lastSyncedAt ? formatDateTime(o.lastSyncedAt, locale) : "—"}</Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
