// The public station page: where it is and how to get there, who runs it,
// when it is open, what it offers, each connector live with its price,
// reviews, and the driver's actions (favourite, book, charge, review, report).
import Link from "next/link";
import { notFound } from "next/navigation";
import { pickStrings } from "@/components/map/strings.ts";
import { FavoriteForm } from "@/components/station/favorite-form.tsx";
import { LiveConnectors } from "@/components/station/live-connectors.tsx";
import { ReportIssueForm } from "@/components/station/report-issue-form.tsx";
import { ReviewForm } from "@/components/station/review-form.tsx";
import { OpeningHours } from "@/components/station/opening-hours.tsx";
import { Reviews } from "@/components/station/reviews.tsx";
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { countryName } from "@/lib/i18n/labels.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { mapEn } from "@/lib/i18n/messages/map.en.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { ISSUE_TYPES } from "@/lib/issues/report-issue.ts";
import { mayReview } from "@/lib/reviews/eligibility.ts";
import { stationReviews } from "@/lib/reviews/list-reviews.ts";
import { loadStation } from "@/lib/stations/load-station.ts";
import { reportIssueAction, removeFavoriteAction, saveFavoriteAction, saveReviewAction } from "./actions.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { locale } = await getI18n();
  const station = await loadStation(db(), id, { locale });
  return { title: station?.name ?? "Station" };
}

export default async function StationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [user, { t, locale }] = await Promise.all([getCurrentUser(), getI18n()]);
  const driver = user && can(user.role, "driver:self") ? user : null;
  const station = await loadStation(db(), id, { viewerId: driver?.id, locale });
  if (!station) notFound();
  const [reviews, eligible] = await Promise.all([stationReviews(db(), station.id), driver ? mayReview(db(), driver.id, station.id) : false]);
  const mine = driver ? reviews.reviews.find((r) => r.userId === driver.id) ?? null : null;
  const s = pickStrings(t as (k: never) => string, Object.keys(mapEn));
  const address = [station.address, [station.postalCode, station.city].filter(Boolean).join(" "), countryName(station.country, locale)].filter(Boolean).join(", ");
  const osm = `https://www.openstreetmap.org/directions?to=${station.lat}%2C${station.lng}#map=16/${station.lat}/${station.lng}`;
  const geo = `geo:${station.lat},${station.lng}?q=${station.lat},${station.lng}(${encodeURIComponent(station.name)})`;
  const contact = (station.contactInfo ?? {}) as { phone?: string; email?: string; website?: string };
  // Book and charge need a charger we talk to over OCPP.
  const actionable = !!station.ocppIdentity && station.status === "ACTIVE";

  return (
    <article className="flex flex-col gap-6 max-w-3xl" data-testid="station-page">
      <div className="flex flex-col gap-1">
        <Link href="/" className="text-sm underline text-slate-600">← {t("station.back")}</Link>
        <h1 className="text-2xl font-semibold" data-testid="station-name">{station.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 font-medium" data-testid="station-availability">{t(`map.availability.${station.availability}` as MessageKey)}</span>
          <span>{station.hours.openNow === undefined ? "" : station.hours.openNow ? t("station.openNow") : t("station.closedNow")}</span>
          {reviews.average !== null && <span aria-label={t("station.reviews")}>★ {reviews.average.toLocaleString(locale)}</span>}
        </p>
      </div>

      <section className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <h2 className="font-semibold">{t("station.address")}</h2>
          <p data-testid="station-address">{address || "—"}</p>
          {station.landmark && <p className="text-sm text-slate-600">{station.landmark}</p>}
          <p className="flex flex-wrap gap-3 text-sm">
            <a href={osm} target="_blank" rel="noopener noreferrer" className="underline text-brand-700" data-testid="directions">{t("station.directions")}</a>
            <a href={geo} className="underline text-brand-700">{t("station.directionsApp")}</a>
          </p>
        </div>
        <div className="flex flex-col gap-1">
          {station.operator && (<><h2 className="font-semibold">{t("station.operator")}</h2><p data-testid="station-operator">{station.operator.name}</p></>)}
          {!station.operator && station.owner && (<><h2 className="font-semibold">{t("station.owner")}</h2><p>{station.owner.name}</p></>)}
          {(contact.phone || contact.email || station.operator?.supportPhone) && (
            <p className="text-sm">
              {t("station.contact")}:{" "}
              {[contact.phone ?? station.operator?.supportPhone, contact.email].filter(Boolean).map((c, i) => (
                <a key={i} className="underline mr-2" href={c!.includes("@") ? `mailto:${c}` : `tel:${c!.replace(/\s/g, "")}`}>{c}</a>
              ))}
            </p>
          )}
        </div>
      </section>

      {station.description && <p className="text-slate-700 whitespace-pre-line">{station.description}</p>}

      {station.media.length > 0 && (
        <section>
          <h2 className="font-semibold mb-2">{t("station.photos")}</h2>
          <ul className="flex gap-2 overflow-x-auto snap-x">
            {station.media.map((m) => (
              <li key={m.mediaUploadId} className="snap-start shrink-0">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={`/stations/${station.id}/photos/${m.mediaUploadId}`} alt={m.title ?? m.description ?? station.name} loading="lazy" className="h-40 w-auto rounded-lg border border-slate-200" />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h2 className="font-semibold mb-1">{t("station.connectors")}</h2>
        <p className="text-xs text-slate-500 mb-2">{t("station.live")}</p>
        <LiveConnectors stationId={station.id} connectors={station.connectors} actions={actionable && (!user || !!driver)} maintenance={station.status === "MAINTENANCE"} locale={locale} s={s}
          chargerOnline={station.ocppIdentity ? station.isOnline : null} />
        {user && !driver && <p className="text-sm text-slate-600 mt-2" data-testid="not-driver">{t("driver.station.notDriver", { role: t(`role.${user.role}` as MessageKey) })}</p>}
        {!user && <p className="text-sm text-slate-600 mt-2"><Link href={`/signin?callbackUrl=/stations/${station.id}`} className="underline">{t("nav.signIn")}</Link> — {t("station.signInToAct")}</p>}
      </section>

      <section className="grid gap-4 sm:grid-cols-2">
        <OpeningHours hours={station.hours} timeZone={station.timeZone} t={t} />
        {station.amenities.length > 0 && (
          <div>
            <h2 className="font-semibold mb-1">{t("station.amenities")}</h2>
            <ul className="flex flex-wrap gap-2" data-testid="amenities">
              {station.amenities.map((a) => (
                <li key={a.amenity.code} className="rounded-full bg-slate-100 px-3 py-1 text-sm">
                  {(mapEn as Record<string, string>)[`map.amenity.${a.amenity.code}`] ? t(`map.amenity.${a.amenity.code}` as MessageKey) : a.amenity.name}
                  {a.notes ? ` (${a.notes})` : ""}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {driver && (
        <section className="flex flex-col gap-4">
          <FavoriteForm stationId={station.id} favorite={station.favorite} s={s} save={saveFavoriteAction} remove={removeFavoriteAction} />
          <ReportIssueForm stationId={station.id} types={ISSUE_TYPES} s={s} report={reportIssueAction} />
        </section>
      )}

      <section id="reviews" className="flex flex-col gap-3" data-testid="reviews">
        <h2 className="font-semibold">{t("station.reviews")}</h2>
        {driver && (eligible
          ? <ReviewForm stationId={station.id} existing={mine ? { rating: mine.rating, comment: mine.comment } : null} s={s} save={saveReviewAction} />
          : <p className="text-sm text-slate-600" data-testid="review-not-eligible">{t("station.review.notEligible")}</p>)}
        <Reviews data={reviews} locale={locale} t={t} timeZone={(await getTimeFormat()).viewerZone} />
      </section>
    </article>
  );
}
