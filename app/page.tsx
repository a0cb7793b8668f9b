// The home page is the map, for everyone. The server decides the starting
// view and filters (URL first, then the driver's saved default) and passes the
// words; the browser does the rest (components/map/map-app.tsx).
import { MapApp } from "@/components/map/map-app.tsx";
import { initialView } from "@/components/map/initial-view.ts";
import { pickStrings } from "@/components/map/strings.ts";
import { saveSearchFiltersAction } from "@/app/(driver)/account/settings/actions.ts";
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { env } from "@/lib/env.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { mapEn } from "@/lib/i18n/messages/map.en.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { getSettings } from "@/lib/settings/user-settings.ts";

export const dynamic = "force-dynamic";

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [sp, user, { t, locale }] = await Promise.all([searchParams, getCurrentUser(), getI18n()]);
  const driver = !!user && can(user.role, "driver:self");
  const [settings, amenities, operators] = await Promise.all([
    driver ? getSettings(db(), user!.id) : null,
    db().amenity.findMany({ where: { isActive: true }, orderBy: { code: "asc" }, select: { code: true, name: true } }),
    db().operator.findMany({ where: { isActive: true, stations: { some: {} } }, orderBy: { name: "asc" }, take: 100, select: { id: true, name: true } }),
  ]);
  const start = initialView(sp, settings?.searchFilters ?? null);
  const s = pickStrings(t as (k: never) => string, Object.keys(mapEn).filter((k) => k.startsWith("map.")));
  const notice = start.invalid ? t("map.urlInvalid") : start.fromSaved ? t("map.savedApplied") : null;
  return (
    <MapApp
      tileUrl={env().MAP_TILE_URL || null}
      center={start.center}
      zoom={start.zoom}
      filters={start.filters}
      notice={notice}
      amenities={amenities.map((a) => ({ code: a.code, label: (mapEn as Record<string, string>)[`map.amenity.${a.code}`] ? t(`map.amenity.${a.code}` as MessageKey) : a.name }))}
      operators={operators}
      currency={settings?.currency ?? "EUR"}
      signedIn={driver}
      locale={locale}
      s={s}
      saveFilters={saveSearchFiltersAction}
    />
  );
}
