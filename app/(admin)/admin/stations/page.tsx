import Link from "next/link";
import { Badge, Empty, FilterForm, Pager, Select, STATUS_TONE, Table, Td, TextInput } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { pageOf } from "@/lib/admin/actor.ts";
import { listStationOwners, listStations, type StationKind } from "@/lib/admin/stations.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { StationStatus } from "@/lib/db/generated/enums.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { isUuid } from "@/lib/ids.ts";

export const metadata = { title: "Stations" };

type Search = { q?: string; status?: string; kind?: string; ownerId?: string; operatorId?: string; online?: string; page?: string };
const KINDS: StationKind[] = ["owner", "garage", "operator", "pending"];

export default async function StationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission("platform:admin", "/admin/stations");
  const { t } = await getI18n();
  const sp = await searchParams;
  const status = Object.values(StationStatus).find((s) => s === sp.status);
  const kind = KINDS.find((k) => k === sp.kind);
  const online = sp.online === "yes" || sp.online === "no" ? sp.online : undefined;
  const [result, owners] = await Promise.all([
    listStations(db(), {
      q: sp.q, status, kind, online, page: pageOf(sp.page),
      ownerId: sp.ownerId && isUuid(sp.ownerId) ? sp.ownerId : undefined,
      operatorId: sp.operatorId && isUuid(sp.operatorId) ? sp.operatorId : undefined,
    }),
    listStationOwners(db()),
  ]);
  return (
    <div data-testid="admin-stations">
      <PageTitle>{t("admin.stations.title")}</PageTitle>
      <FilterForm submitLabel={t("admin.common.search")} resetHref="/admin/stations" resetLabel={t("admin.common.reset")}>
        <TextInput name="q" label={t("admin.stations.search")} defaultValue={sp.q} />
        <Select name="kind" label={t("admin.stations.kind")} defaultValue={kind} options={[{ value: "", label: t("admin.common.all") }, ...KINDS.map((k) => ({ value: k, label: t(`admin.stations.kind.${k}` as MessageKey) }))]} />
        <Select name="status" label={t("admin.stations.status")} defaultValue={status} options={[{ value: "", label: t("admin.common.all") }, ...Object.values(StationStatus).map((s) => ({ value: s, label: t(`admin.stationStatus.${s}` as MessageKey) }))]} />
        <Select name="ownerId" label={t("admin.stations.owner")} defaultValue={sp.ownerId} options={[{ value: "", label: t("admin.common.all") }, ...owners.map((o) => ({ value: o.id, label: `${o.name} (${o.email})` }))]} />
        <Select name="online" label={t("admin.stations.connection")} defaultValue={online} options={[{ value: "", label: t("admin.common.all") }, { value: "yes", label: t("common.online") }, { value: "no", label: t("common.offline") }]} />
        {sp.operatorId && <input type="hidden" name="operatorId" value={sp.operatorId} />}
      </FilterForm>
      {result.rows.length === 0 ? (
        <Empty>{t("admin.stations.none")}</Empty>
      ) : (
        <Table testId="stations-table" head={[t("admin.stations.name"), t("admin.stations.belongsTo"), t("admin.stations.status"), t("admin.stations.connection"), t("admin.stations.connectors")]}>
          {result.rows.map((s) => (
            <tr key={s.id} data-testid="station-row">
              <Td>
                <Link href={`/admin/stations/${s.id}`} className="underline font-medium">{s.name}</Link>
                <span className="block text-xs text-slate-500">{[s.address, s.city].filter(Boolean).join(", ")}</span>
              </Td>
              <Td>
                {s.owner ? `${t("admin.stations.kind.owner")}: ${s.owner.name}` : s.site ? `${t("admin.stations.kind.garage")}: ${s.site.name}` : s.operator ? `${t("admin.stations.kind.operator")}: ${s.operator.name}` : "—"}
              </Td>
              <Td>
                <Badge tone={STATUS_TONE[s.status]}>{t(`admin.stationStatus.${s.status}` as MessageKey)}</Badge>
                {s.registrationStatus === "PENDING" && <> <Badge tone="blue">{t("admin.stations.awaitingAdoption")}</Badge></>}
              </Td>
              <Td>
                {s.ocppIdentity ? (
                  <>
                    <Badge tone={s.isOnline ? "green" : "slate"}>{s.isOnline ? t("common.online") : t("common.offline")}</Badge>
                    <span className="block text-xs font-mono text-slate-500">{s.ocppIdentity}</span>
                  </>
                ) : (
                  <span className="text-slate-400">{t("admin.stations.notOcpp")}</span>
                )}
              </Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  {s.connectors.map((c) => (
                    <Badge key={c.connectorId} tone={c.status === "AVAILABLE" ? "green" : c.status === "FAULTED" || c.status === "UNAVAILABLE" ? "red" : c.status === "UNKNOWN" ? "slate" : "amber"}>
                      #{c.connectorId} {c.type} {c.status}
                    </Badge>
                  ))}
                </span>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <Pager {...result} params={sp} basePath="/admin/stations" labels={{ prev: t("admin.common.prev"), next: t("admin.common.next"), of: t("admin.common.pageOf", { page: result.page, pages: result.pages, total: result.total }) }} />
    </div>
  );
}
