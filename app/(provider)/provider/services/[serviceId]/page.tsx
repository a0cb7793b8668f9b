// One service: its review state and documents (upload, see each one's
// decision), pause/resume, and the edit form.
import { ActionForm } from "@/components/mobile/action-form.tsx";
import { DocumentUpload } from "@/components/mobile/document-upload.tsx";
import { ServiceForm } from "@/components/mobile/service-form.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { env } from "@/lib/env.ts";
import { formatDateTime } from "@/lib/format.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { REQUIRED_DOCUMENTS } from "@/lib/mobile/find-services.ts";
import { pickStrings } from "@/lib/mobile/localize.ts";
import { serviceToForm } from "@/lib/mobile/service-schema.ts";
import { getOwnService } from "@/lib/mobile/services.ts";
import { setListedAction, updateServiceAction } from "../../actions.ts";
import { orNotFound, providerPage } from "../../page-context.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mobile charging service" };

export default async function ServicePage({ params, searchParams }: { params: Promise<{ serviceId: string }>; searchParams: Promise<{ created?: string }> }) {
  const { serviceId } = await params;
  const { created } = await searchParams;
  const { user, t, locale, db } = await providerPage(`/provider/services/${serviceId}`);
  const s = await orNotFound(serviceId, () => getOwnService(db, user, serviceId));
  const m = pickStrings(t, "provider.", "mobile.plug.");
  const missing = REQUIRED_DOCUMENTS.filter((k) => !s.documents.some((d) => d.kind === k && d.status === "APPROVED"));
  return (
    <div className="flex flex-col gap-5 max-w-3xl" data-testid="service-page">
      <PageTitle testId="service-title">{s.serviceName}</PageTitle>
      {created && <p role="status" className="rounded-md bg-brand-50 border border-brand-200 text-brand-700 px-3 py-2 text-sm" data-testid="service-created">{t("provider.form.created")}</p>}
      <section className="rounded-lg border border-slate-200 bg-white p-4 flex flex-col gap-2 text-sm" data-testid="service-state">
        <p>{t("common.status")}: <strong data-testid="service-status">{t(`provider.status.${s.status}` as MessageKey)}</strong>
          {" · "}{t("provider.premium")}: <span data-testid="service-premium">{s.isPremium ? t("provider.yes") : t("provider.no")}</span></p>
        <p className="text-slate-600">{t("provider.premiumNote")}</p>
        {s.status === "PENDING_REVIEW" && <p className="text-amber-800">{missing.length ? t("provider.service.waitingDocs", { docs: missing.map((k) => t(`provider.docKind.${k}` as MessageKey)).join(", ") }) : t("provider.service.waitingReview")}</p>}
        {(s.status === "ACTIVE" || s.status === "INACTIVE") && (
          <ActionForm action={setListedAction} testId="listed-form" hidden={{ serviceId: s.id, listed: s.status === "ACTIVE" ? "false" : "true" }} tone="plain"
            submitLabel={s.status === "ACTIVE" ? t("provider.service.pause") : t("provider.service.resume")} workingLabel={t("provider.working")} />
        )}
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4 flex flex-col gap-3" data-testid="documents">
        <h2 className="font-semibold">{t("provider.docs.title")}</h2>
        <p className="text-sm text-slate-600">{t("provider.docs.explain")}</p>
        {s.documents.length === 0 ? <p className="text-sm text-slate-600">{t("provider.docs.none")}</p> : (
          <ul className="flex flex-col gap-2 text-sm">
            {s.documents.map((d) => (
              <li key={d.id} className="flex flex-wrap gap-x-3 gap-y-1 border-b border-slate-100 pb-2" data-testid="document-row" data-kind={d.kind} data-status={d.status}>
                <span className="font-medium">{t(`provider.docKind.${d.kind}` as MessageKey)}</span>
                <a href={`/api/mobile/documents/${d.id}`} target="_blank" rel="noopener" className="text-brand-700 underline">{d.upload.originalName}</a>
                <span className={d.status === "APPROVED" ? "text-brand-700" : d.status === "REJECTED" ? "text-red-700" : "text-amber-800"}>{t(`provider.docStatus.${d.status}` as MessageKey)}</span>
                <span className="text-slate-500">{formatDateTime(d.submittedAt, locale, "Europe/Berlin")}</span>
                {d.rejectionReason && <span className="w-full text-red-700" data-testid="rejection-reason">{t("provider.docs.reason", { reason: d.rejectionReason })}</span>}
              </li>
            ))}
          </ul>
        )}
        <DocumentUpload serviceId={s.id} m={m} />
      </section>

      <h2 className="font-semibold text-lg">{t("provider.form.editTitle")}</h2>
      <ServiceForm action={updateServiceAction} serviceId={s.id} initial={serviceToForm(s)} tileUrl={env().MAP_TILE_URL || null} m={m} />
    </div>
  );
}
