import Link from "next/link";
import { headers } from "next/headers";
import { ActionButton } from "@/components/ui/action-button.tsx";
import { ChargerPanel } from "@/components/owner/charger-panel.tsx";
import { PhotoUpload } from "@/components/owner/photo-upload.tsx";
import { Section } from "@/components/owner/section.tsx";
import { StationForm } from "@/components/owner/station-form.tsx";
import { amenityName, plugMessages } from "@/lib/owner/display.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { env } from "@/lib/env.ts";
import { formatDateTime } from "@/lib/format.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { chargerUrlBase } from "@/lib/owner/charger.ts";
import { amenityCatalogue, findStationForEdit } from "@/lib/owner/station-read.ts";
import { deletePhotoAction, setStationStatusAction, setUpChargerAction, updateStationAction } from "../../actions.ts";
import { clientMessages, orNotFound, ownerPage, requireIds } from "../../page-context.ts";

export const metadata = { title: "Station" };
export const dynamic = "force-dynamic";

export default async function StationPage({ params }: { params: Promise<{ stationId: string }> }) {
  const { stationId } = await params;
  requireIds(stationId);
  const { user, t, locale, db } = await ownerPage(`/owner/stations/${stationId}`);
  const { station: s, form } = await orNotFound(() => findStationForEdit(db, user, stationId));
  const [amenities, m, mCharger, mPhotos] = await Promise.all([
    amenityCatalogue(db), clientMessages("owner.form.", "owner.day.", "owner.power.", "owner.common."), clientMessages("owner.charger.", "owner.common."), clientMessages("owner.photos.", "owner.common."),
  ]);
  const host = (await headers()).get("host");
  const hardware = [s.vendor, s.model, s.firmwareVersion && `fw ${s.firmwareVersion}`].filter(Boolean).join(" · ") || null;
  const canToggle = ["ACTIVE", "INACTIVE", "MAINTENANCE"].includes(s.status);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <PageTitle testId="station-title">{s.name}</PageTitle>
        <Link className="text-sm underline" href={`/owner/earnings?station=${s.id}`} data-testid="station-earnings-link">{t("owner.station.earnings")}</Link>
      </div>
      <Section title={t("owner.station.status")} testId="station-status-section">
        <p><span className="font-medium" data-testid="station-status">{t(`owner.status.${s.status}` as MessageKey)}</span></p>
        {s.status === "SUSPENDED" && <p className="text-sm text-red-700">{t("owner.station.suspendedNote")}</p>}
        {s.status === "PENDING_APPROVAL" && <p className="text-sm text-slate-600">{t("owner.station.pendingNote")}</p>}
        {canToggle && (
          <div>
            {s.status === "ACTIVE"
              ? <ActionButton action={setStationStatusAction} input={{ stationId: s.id, status: "INACTIVE" }} label={t("owner.station.deactivate")} workingLabel={t("owner.common.working")} networkError={t("owner.common.networkError")} testId="station-deactivate" />
              : <ActionButton action={setStationStatusAction} input={{ stationId: s.id, status: "ACTIVE" }} label={t("owner.station.activate")} workingLabel={t("owner.common.working")} networkError={t("owner.common.networkError")} testId="station-activate" />}
          </div>
        )}
      </Section>
      <Section title={t("owner.charger.title")} testId="charger-section">
        <ChargerPanel stationId={s.id} identity={s.ocppIdentity} urlBase={chargerUrlBase(host)} isOnline={s.isOnline}
          lastHeartbeat={s.lastHeartbeatAt ? formatDateTime(s.lastHeartbeatAt, locale, s.timeZone) : null} hardware={hardware} action={setUpChargerAction} m={mCharger} />
      </Section>
      <Section title={t("owner.photos.title")} testId="photos">
        {s.media.length === 0 ? <p className="text-slate-600">{t("owner.photos.none")}</p> : (
          <ul className="flex flex-wrap gap-3">
            {s.media.map((p) => (
              <li key={p.id} className="flex flex-col gap-1 items-start" data-testid="photo">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={`/owner/stations/${s.id}/photos/${p.id}`} alt={p.title ?? p.upload.originalName} className="h-28 w-40 object-cover rounded border border-slate-200" />
                <span className="text-xs text-slate-500">{p.isPrimary ? t("owner.photos.primary") : p.upload.originalName}</span>
                <ActionButton action={deletePhotoAction} input={{ stationId: s.id, mediaId: p.id }} label={t("owner.photos.remove")} workingLabel="…" networkError={t("owner.common.networkError")} tone="danger" />
              </li>
            ))}
          </ul>
        )}
        <PhotoUpload stationId={s.id} m={mPhotos} />
      </Section>
      <h2 className="text-lg font-semibold">{t("owner.form.editTitle")}</h2>
      <StationForm action={updateStationAction} stationId={s.id} initial={form} amenities={amenities.map((a) => ({ code: a.code, name: amenityName(a.code, a.name, locale) }))} timeZones={Intl.supportedValuesOf("timeZone")} tileUrl={env().MAP_TILE_URL || null} m={{ ...m, ...plugMessages(locale) }} />
    </div>
  );
}
