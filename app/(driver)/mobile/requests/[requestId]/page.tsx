// One request, for its driver: live status, van position and ETA; what was
// delivered and charged; cancel (with the fee the rules give now) or rate.
import { notFound } from "next/navigation";
import { ActionForm, inputClass, Labelled } from "@/components/mobile/action-form.tsx";
import { LiveRequest } from "@/components/mobile/live-request.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { env } from "@/lib/env.ts";
import { formatDateTime, formatKwh, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { pickStrings } from "@/lib/mobile/localize.ts";
import { driverCancellationFee } from "@/lib/mobile/request-rules.ts";
import { getRequestForDriver } from "@/lib/mobile/requests.ts";
import { driverCancelAction, rateAction } from "../../actions.ts";
import { MobileNav } from "../../nav.tsx";
import { isUuid } from "@/lib/ids.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mobile charge" };


export default async function DriverRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const user = await requirePermission("driver:self", `/mobile/requests/${requestId}`);
  if (!isUuid(requestId)) notFound();
  const r = await getRequestForDriver(db(), user.id, requestId);
  if (!r) notFound();
  const { t, locale } = await getI18n();
  const money = (m: number) => formatMoney(m, r.currency, locale);
  const held = r.payments.filter((p) => p.status === "AUTHORIZED").reduce((a, p) => a + p.authorizedMinor, 0);
  const charged = r.payments.reduce((a, p) => a + p.capturedMinor - p.refundedMinor, 0);
  const fee = driverCancellationFee(r, new Date());
  const contact = (r.service.contactInfo ?? {}) as { phone?: string | null };
  const vehicle = (r.service.vehicleInfo ?? {}) as { type?: string | null; plate?: string | null };
  const row = (label: string, value: React.ReactNode, testId?: string) => value === null || value === undefined || value === "" ? null : (
    <div className="flex gap-2"><dt className="text-slate-500 min-w-36">{label}</dt><dd data-testid={testId}>{value}</dd></div>
  );
  const w = t("provider.working");
  return (
    <div className="flex flex-col gap-4 max-w-3xl" data-testid="mobile-request">
      <MobileNav t={t} />
      <PageTitle testId="request-title">{t("mobile.req.title", { service: r.service.serviceName })}</PageTitle>
      <LiveRequest requestId={r.id} at={{ lat: r.lat, lng: r.lng }} tileUrl={env().MAP_TILE_URL || null}
        initial={{ status: r.status, providerLat: r.providerLat, providerLng: r.providerLng, etaMinutes: r.etaMinutes }}
        m={pickStrings(t, "mobile.status.", "mobile.statusHelp.", "mobile.req.", "mobile.minutes")} />

      <dl className="flex flex-col gap-1 text-sm bg-white rounded-lg border border-slate-200 p-4" data-testid="request-summary">
        {row(t("mobile.req.provider"), `${r.service.companyName}${contact.phone ? ` · ${contact.phone}` : ""}`)}
        {row(t("mobile.req.van"), [vehicle.type, vehicle.plate].filter(Boolean).join(" · "))}
        {row(t("mobile.form.address"), r.address ?? `${r.lat.toFixed(5)}, ${r.lng.toFixed(5)}`)}
        {row(t("mobile.form.when"), r.scheduledAt ? formatDateTime(r.scheduledAt, locale, "Europe/Berlin") : t("mobile.form.now"))}
        {row(t("mobile.form.wanted"), r.energyWantedWh ? formatKwh(r.energyWantedWh, locale) : r.durationMinutes ? t("mobile.minutes", { minutes: r.durationMinutes }) : null)}
        {row(t("mobile.offer.estimate"), `${money(r.basePriceMinor)} + ${money(r.travelFeeMinor)} = ${money(r.totalMinor)}`, "estimate")}
        {row(t("mobile.req.held"), held ? money(held) : null, "held")}
        {row(t("mobile.req.energy"), r.finalEnergyWh != null ? formatKwh(r.finalEnergyWh, locale) : null, "final-energy")}
        {row(t("mobile.req.finalPrice"), r.finalPriceMinor != null ? money(r.finalPriceMinor) : null, "final-price")}
        {row(t("mobile.req.charged"), r.status === "COMPLETED" || r.status === "CANCELLED" ? money(charged) : null, "charged")}
        {row(t("mobile.req.cancelReason"), r.cancelReason, "cancel-reason")}
      </dl>

      {fee.allowed && r.status !== "CANCELLED" && (
        <details className="rounded-lg border border-slate-200 bg-white p-4" data-testid="cancel-box">
          <summary className="cursor-pointer text-sm text-red-700">{t("mobile.req.cancel")}</summary>
          <p className="text-sm my-2" data-testid="cancel-fee">{fee.feeMinor ? t("mobile.req.cancelFeeNow", { fee: money(fee.feeMinor) }) : t("mobile.req.cancelFreeNow")}</p>
          <ActionForm action={driverCancelAction} testId="driver-cancel-form" hidden={{ requestId: r.id }} submitLabel={t("mobile.req.cancel")} workingLabel={w} tone="danger">
            <Labelled id="d-cancel-reason" label={t("mobile.req.reason")}><textarea id="d-cancel-reason" name="reason" rows={2} className={inputClass} /></Labelled>
          </ActionForm>
        </details>
      )}

      {r.status === "COMPLETED" && (r.rating ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="my-rating">{t("mobile.req.yourRating")}: <span className="text-amber-600">{"★".repeat(r.rating)}{"☆".repeat(5 - r.rating)}</span> {r.ratingComment}</p>
      ) : (
        <section className="rounded-lg border border-slate-200 bg-white p-4 flex flex-col gap-2">
          <h2 className="font-semibold">{t("mobile.req.rateTitle")}</h2>
          <ActionForm action={rateAction} testId="rating-form" hidden={{ requestId: r.id }} submitLabel={t("mobile.req.rate")} workingLabel={w}>
            <div role="radiogroup" aria-label={t("mobile.req.stars")} className="flex gap-3">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="flex items-center gap-1 text-lg"><input type="radio" name="rating" value={n} defaultChecked={n === 5} aria-label={t("mobile.req.starsN", { n })} /> {n}★</label>
              ))}
            </div>
            <Labelled id="rate-comment" label={t("mobile.req.comment")}><textarea id="rate-comment" name="comment" rows={2} className={inputClass} /></Labelled>
          </ActionForm>
        </section>
      ))}
    </div>
  );
}
