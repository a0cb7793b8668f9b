import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form.tsx";
import { Pager } from "@/components/garage/pager.tsx";
import { Section, Table, td } from "@/components/garage/section.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { listRenters } from "@/lib/garage/renters.ts";
import { ZPage } from "@/lib/garage/schemas.ts";
import { createRenterAction } from "../actions.ts";
import { garagePage, requireIds } from "../../page-context.ts";

export const metadata = { title: "Renters" };

type SP = Promise<{ q?: string; status?: string; page?: string }>;

export default async function RentersPage({ params, searchParams }: { params: Promise<{ siteId: string }>; searchParams: SP }) {
  const { siteId } = await params;
  requireIds(siteId);
  const sp = await searchParams;
  const { user, t, db } = await garagePage(siteId, `/garage/${siteId}/renters`);
  const status = sp.status === "inactive" || sp.status === "all" ? sp.status : "active";
  const list = await listRenters(db, user, { siteId, q: sp.q, status, page: ZPage.parse(sp.page) });
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("garage.renters.title")}</PageTitle>
      <Section>
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          <label className="flex flex-col gap-1 text-sm grow min-w-48">
            <span className="font-medium">{t("garage.renters.searchLabel")}</span>
            <input name="q" defaultValue={sp.q} className="border border-slate-300 rounded-md px-3 py-2 text-base bg-white" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t("garage.common.status")}</span>
            <select name="status" defaultValue={status} className="border border-slate-300 rounded-md px-3 py-2 text-base bg-white">
              <option value="active">{t("garage.renters.statusActive")}</option>
              <option value="inactive">{t("garage.renters.statusInactive")}</option>
              <option value="all">{t("garage.common.all")}</option>
            </select>
          </label>
          <button className="rounded-md border border-slate-300 bg-white px-4 py-2">{t("garage.common.search")}</button>
        </form>
      </Section>
      <Section>
        {list.rows.length === 0 ? <p className="text-slate-600">{t("garage.common.empty")}</p> : (
          <Table head={[t("garage.renters.name"), t("garage.renters.email"), t("garage.renters.phone"), t("garage.renters.spots"), t("garage.renters.cards"), t("garage.common.status")]} testId="renters-table">
            {list.rows.map((r) => (
              <tr key={r.id} data-testid="renter-row">
                <td className={td}><Link href={`/garage/${siteId}/renters/${r.id}`} className="underline font-medium">{r.name}</Link></td>
                <td className={td}>{r.contactEmail}</td>
                <td className={td}>{r.phoneNumber ?? "—"}</td>
                <td className={td}>{r.spots.map((s) => s.label).join(", ") || "—"}</td>
                <td className={td}>{r._count.tokens}</td>
                <td className={td}>{r.isActive ? t("garage.renters.active") : t("garage.renters.inactive")}</td>
              </tr>
            ))}
          </Table>
        )}
        <Pager basePath={`/garage/${siteId}/renters`} query={{ q: sp.q, status }} page={list.page} pages={list.pages} total={list.total}
          m={{ prev: t("garage.common.prev"), next: t("garage.common.next"), pageOf: t("garage.common.pageOf", { page: list.page, pages: list.pages, total: list.total }) }} />
      </Section>
      <Section title={t("garage.renters.create")} testId="create-renter">
        <ActionForm
          action={createRenterAction}
          hidden={{ siteId }}
          submitLabel={t("garage.renters.createSubmit")}
          workingLabel={t("garage.common.working")}
          fields={[
            { name: "name", label: t("garage.renters.name"), required: true, autoComplete: "off" },
            { name: "contactEmail", label: t("garage.renters.email"), type: "email", required: true, autoComplete: "off" },
            { name: "phoneNumber", label: t("garage.renters.phone"), type: "tel", hint: t("garage.renters.phoneHint"), autoComplete: "off" },
          ]}
        />
      </Section>
    </div>
  );
}
