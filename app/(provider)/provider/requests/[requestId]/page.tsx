// One request, for the provider: where and what the driver needs, and the
// next step (accept, on my way with position sharing, start charging,
// complete with the energy delivered), or cancel with a reason.
import { ActionForm, inputClass, Labelled } from "@/components/mobile/action-form.tsx";
import { LiveRefresh } from "@/components/mobile/live-refresh.tsx";
import { MobileMap } from "@/components/mobile/map.tsx";
import { ShareLocation } from "@/components/mobile/share-location.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { env } from "@/lib/env.ts";
import { formatDateTime, formatKwh, formatMoney } from "@/lib/format.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { pickStrings } from "@/lib/mobile/localize.ts";
import { getRequestForProvider } from "@/lib/mobile/requests.ts";
import { acceptAction, completeAction, providerCancelAction, startChargingAction, startTripAction, updateLocationAction } from "../../actions.ts";
import { orNotFound, providerPage } from "../../page-context.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mobile charging request" };

export default async function ProviderRequestPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const { user, t, locale, db } = await providerPage(`/provider/requests/${requestId}`);
  const r = await orNotFound(requestId, () => getRequestForProvider(db, user.id, requestId));
  const money = (m: number) => formatMoney(m, r.currency, locale);
  const captured = r.payments.reduce((a, p) => a + p.capturedMinor - p.refundedMinor, 0);
  const row = (label: string, value: React.ReactNode, testId?: string) => value === null || value === undefined || value === "" ? null : (
    <div className="flex gap-2"><dt className="text-slate-500 min-w-32">{label}</dt><dd data-testid={testId}>{value}</dd></div>
  );
  const w = t("provider.working");
  const open = r.status !== "COMPLETED" && r.status !== "CANCELLED";
  return (
    <div className="flex flex-col gap-4 max-w-3xl" data-testid="provider-request">
      <PageTitle testId="request-title">{t("provider.req.detailTitle", { service: r.service.serviceName })}</PageTitle>
      {open && <LiveRefresh requestIds={[r.id]} />}
      <p className="text-lg">{t("common.status")}: <strong data-testid="request-status" data-status={r.status}>{t(`mobile.status.${r.status}` as MessageKey)}</strong></p>
      <div className="grid gap-4 sm:grid-cols-2">
        <dl className="flex flex-col gap-1 text-sm bg-white rounded-lg border border-slate-200 p-4">
          {row(t("mobile.form.driver"), r.user.name)}
          {row(t("mobile.form.address"), r.address ?? `${r.lat.toFixed(5)}, ${r.lng.toFixed(5)}`)}
          {row(t("mobile.form.urgency"), t(`mobile.urgency.${r.urgency}` as MessageKey))}
          {row(t("mobile.form.when"), r.scheduledAt ? formatDateTime(r.scheduledAt, locale, "Europe/Berlin") : t("mobile.form.now"))}
          {row(t("mobile.form.vehicle"), [r.vehicleType, r.vehiclePlate, r.batteryLevel != null ? `${r.batteryLevel} %` : null].filter(Boolean).join(" · "))}
          {row(t("mobile.form.plug"), t(`mobile.plug.${r.plugType}` as MessageKey))}
          {row(t("mobile.form.wanted"), r.energyWantedWh ? formatKwh(r.energyWantedWh, locale) : r.durationMinutes ? t("mobile.minutes", { minutes: r.durationMinutes }) : null)}
          {row(t("mobile.form.phone"), r.contactPhone ? <a href={`tel:${r.contactPhone}`} className="underline">{r.contactPhone}</a> : null)}
          {row(t("mobile.form.email"), r.contactEmail)}
          {row(t("mobile.form.notes"), r.notes)}
          {row(t("mobile.offer.distance"), `${r.distanceKm} km`)}
          {row(t("mobile.offer.total"), money(r.totalMinor), "estimate-total")}
          {row(t("mobile.req.eta"), r.etaMinutes != null && (r.status === "CONFIRMED" || r.status === "EN_ROUTE") ? t("mobile.minutes", { minutes: r.etaMinutes }) : null, "provider-eta")}
          {row(t("mobile.req.energy"), r.finalEnergyWh != null ? formatKwh(r.finalEnergyWh, locale) : null, "final-energy")}
          {row(t("mobile.req.finalPrice"), r.finalPriceMinor != null ? money(r.finalPriceMinor) : null, "final-price")}
          {row(t("mobile.req.captured"), r.status === "COMPLETED" || captured > 0 ? money(captured) : null, "captured")}
          {row(t("mobile.req.cancelReason"), r.cancelReason)}
          {row(t("mobile.req.rating"), r.rating ? `${"★".repeat(r.rating)} ${r.ratingComment ?? ""}` : null, "provider-rating")}
        </dl>
        <MobileMap center={{ lat: r.lat, lng: r.lng }} tileUrl={env().MAP_TILE_URL || null} label={t("mobile.req.map")} testId="request-map"
          markers={[{ id: "driver", lat: r.lat, lng: r.lng, color: "#dc2626", label: t("mobile.req.driverPin") }, ...(r.providerLat != null && r.providerLng != null ? [{ id: "van", lat: r.providerLat, lng: r.providerLng, color: "#2563eb", label: t("mobile.req.vanPin") }] : [])]} />
      </div>

      <section className="flex flex-col gap-3" data-testid="request-actions">
        {r.status === "PENDING" && <ActionForm action={acceptAction} testId="accept-form" hidden={{ requestId: r.id }} submitLabel={t("provider.req.accept")} workingLabel={w} />}
        {r.status === "CONFIRMED" && <ActionForm action={startTripAction} testId="trip-form" hidden={{ requestId: r.id }} submitLabel={t("provider.req.startTrip")} workingLabel={w} />}
        {(r.status === "CONFIRMED" || r.status === "EN_ROUTE") && (
          <div className="rounded-lg border border-slate-200 bg-white p-4 flex flex-col gap-3">
            <h2 className="font-semibold">{t("provider.req.position")}</h2>
            <ShareLocation requestId={r.id} action={updateLocationAction} m={pickStrings(t, "provider.share.")} />
            <ActionForm action={updateLocationAction} testId="position-form" hidden={{ requestId: r.id }} submitLabel={t("provider.req.updatePosition")} workingLabel={w} inline tone="plain">
              <Labelled id="pos-lat" label={t("provider.form.lat")}><input id="pos-lat" name="lat" inputMode="decimal" defaultValue={r.providerLat ?? ""} className={inputClass} /></Labelled>
              <Labelled id="pos-lng" label={t("provider.form.lng")}><input id="pos-lng" name="lng" inputMode="decimal" defaultValue={r.providerLng ?? ""} className={inputClass} /></Labelled>
            </ActionForm>
          </div>
        )}
        {r.status === "EN_ROUTE" && <ActionForm action={startChargingAction} testId="charging-form" hidden={{ requestId: r.id }} submitLabel={t("provider.req.startCharging")} workingLabel={w} />}
        {r.status === "CHARGING" && (
          <ActionForm action={completeAction} testId="complete-form" hidden={{ requestId: r.id }} submitLabel={t("provider.req.complete")} workingLabel={w} inline>
            <Labelled id="done-energy" label={t("provider.req.energyDelivered")}><input id="done-energy" name="energyKwh" inputMode="decimal" className={inputClass} /></Labelled>
            <Labelled id="done-minutes" label={t("provider.req.minutes")}><input id="done-minutes" name="durationMinutes" inputMode="numeric" className={inputClass} /></Labelled>
          </ActionForm>
        )}
        {open && r.status !== "CHARGING" && (
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer text-sm text-red-700">{t("provider.req.cancel")}</summary>
            <p className="text-sm text-slate-600 my-2">{t("provider.req.cancelNote")}</p>
            <ActionForm action={providerCancelAction} testId="provider-cancel-form" hidden={{ requestId: r.id }} submitLabel={t("provider.req.cancel")} workingLabel={w} tone="danger">
              <Labelled id="cancel-reason" label={t("mobile.req.reason")}><textarea id="cancel-reason" name="reason" rows={2} className={inputClass} /></Labelled>
            </ActionForm>
          </details>
        )}
      </section>
    </div>
  );
}
