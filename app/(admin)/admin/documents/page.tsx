// Provider documents waiting for review: open the file, approve, or reject
// with a reason the provider sees. A service is listed once its licence and
// insurance are both approved. Recently decided documents below; premium
// listing is set here too (the platform decides it, not the provider).
import Link from "next/link";
import { ActionForm, inputClass, Labelled } from "@/components/mobile/action-form.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { listDocumentsForReview } from "@/lib/mobile/documents.ts";
import { reviewDocumentAction, setPremiumAction } from "./actions.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Provider documents" };

export default async function AdminDocumentsPage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  await requirePermission("platform:admin", "/admin/documents");
  const { show } = await searchParams;
  const { t, locale } = await getI18n();
  const all = show === "all";
  const docs = await listDocumentsForReview(db(), all ? "ALL" : "PENDING");
  const w = t("provider.working");
  const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;
  return (
    <div className="flex flex-col gap-4" data-testid="admin-documents">
      <PageTitle testId="documents-title">{t("provider.review.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("provider.review.explain")}</p>
      <nav className="flex gap-2 text-sm">
        <Link href="/admin/documents" aria-current={!all ? "page" : undefined} className={`rounded-full px-3 py-1 border ${!all ? "bg-brand-600 text-white border-brand-600" : "bg-white border-slate-300"}`}>{t("provider.review.pending")}</Link>
        <Link href="/admin/documents?show=all" aria-current={all ? "page" : undefined} className={`rounded-full px-3 py-1 border ${all ? "bg-brand-600 text-white border-brand-600" : "bg-white border-slate-300"}`}>{t("provider.review.all")}</Link>
      </nav>
      {docs.length === 0 && <p className="text-slate-600" data-testid="no-documents">{t("provider.review.none")}</p>}
      <ul className="flex flex-col gap-3">
        {docs.map((d) => (
          <li key={d.id} className="bg-white rounded-lg border border-slate-200 p-4 flex flex-col gap-2 text-sm" data-testid="review-row" data-document={d.id} data-service={d.service.serviceName}>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              <strong>{t(`provider.docKind.${d.kind}` as MessageKey)}</strong>
              <span>{d.service.companyName} · {d.service.serviceName}</span>
              <span className="text-slate-600">{d.service.provider.name} &lt;{d.service.provider.email}&gt;</span>
              <span>{t("common.status")}: <span data-testid="doc-status">{t(`provider.docStatus.${d.status}` as MessageKey)}</span></span>
              <span className="text-slate-500">{formatDateTime(d.submittedAt, locale, "Europe/Berlin")}</span>
            </div>
            <p><a href={`/api/mobile/documents/${d.id}`} target="_blank" rel="noopener" className="text-brand-700 underline" data-testid="view-document">{t("provider.review.view", { name: d.upload.originalName })}</a> <span className="text-slate-500">({d.upload.mimeType}, {kb(d.upload.fileSize)})</span></p>
            {d.status !== "PENDING" && <p className="text-slate-600">{t("provider.review.decided", { who: d.reviewedBy?.name ?? "—", when: d.reviewedAt ? formatDateTime(d.reviewedAt, locale, "Europe/Berlin") : "—" })}{d.rejectionReason ? ` · ${d.rejectionReason}` : ""}</p>}
            {d.status === "PENDING" && (
              <div className="flex flex-wrap gap-4 items-start">
                <ActionForm action={reviewDocumentAction} testId="approve-form" hidden={{ documentId: d.id, decision: "APPROVE" }} submitLabel={t("provider.review.approve")} workingLabel={w} />
                <ActionForm action={reviewDocumentAction} testId="reject-form" hidden={{ documentId: d.id, decision: "REJECT" }} submitLabel={t("provider.review.reject")} workingLabel={w} tone="danger" inline>
                  <Labelled id={`reason-${d.id}`} label={t("provider.review.reason")}><input id={`reason-${d.id}`} name="reason" className={inputClass} /></Labelled>
                </ActionForm>
              </div>
            )}
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-2">
              <span>{t("provider.status." + d.service.status as MessageKey)} · {t("provider.premium")}: {d.service.isPremium ? t("provider.yes") : t("provider.no")}</span>
              <ActionForm action={setPremiumAction} testId="premium-form" hidden={{ serviceId: d.service.id, isPremium: d.service.isPremium ? "false" : "true" }} tone="plain" inline
                submitLabel={d.service.isPremium ? t("provider.review.premiumOff") : t("provider.review.premiumOn")} workingLabel={w} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
