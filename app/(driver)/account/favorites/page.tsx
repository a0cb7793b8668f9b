// The driver's favourite stations: their own name for each, how often and
// when they last charged there, live availability word, rename and remove.
import Link from "next/link";
import { FavoriteRowActions } from "@/components/driver/favorite-row.tsx";
import { pickStrings } from "@/components/map/strings.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { removeFavoriteAction, saveFavoriteAction } from "@/app/stations/[id]/actions.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { listFavorites } from "@/lib/favorites/list-favorites.ts";

import { formatKw } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";

export const metadata = { title: "Favourites" };
export const dynamic = "force-dynamic";

export default async function FavoritesPage() {
  const user = await requirePermission("driver:self", "/account/favorites");
  const { t, locale } = await getI18n();
  const time = await getTimeFormat();
  const favorites = await listFavorites(db(), user.id);
  const s = pickStrings(t as (k: never) => string, ["driver.favorites.alias", "driver.favorites.rename", "station.favorite.remove", "driver.networkError"]);
  return (
    <div className="flex flex-col gap-4" data-testid="favorites-page">
      <PageTitle>{t("driver.favorites.title")}</PageTitle>
      {favorites.length === 0 ? (
        <p className="text-slate-600">{t("driver.favorites.none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {favorites.map((f) => (
            <li key={f.stationId} className="bg-white rounded-lg border border-slate-200 p-4 flex flex-col gap-2" data-testid="favorite-row" data-station-id={f.stationId}>
              <div className="flex flex-wrap justify-between gap-2">
                <div>
                  <p className="font-semibold text-lg" data-testid="favorite-alias">{f.alias ?? f.station.name}</p>
                  {f.station.visible
                    ? <Link href={`/stations/${f.stationId}`} className="underline text-brand-700">{f.station.name}</Link>
                    : <span className="text-slate-600">{f.station.name} · {t("driver.favorites.hidden")}</span>}
                  {f.station.city && <span className="text-slate-600"> · {f.station.city}</span>}
                </div>
                <div className="text-sm text-right">
                  <p>{t(`map.availability.${f.station.status === "MAINTENANCE" ? "OUT_OF_ORDER" : f.station.availability}` as MessageKey)} · {formatKw(f.station.maxPowerKw, locale)}</p>
                  <p className="text-slate-600" data-testid="favorite-usage">
                    {f.usageCount === 0 ? t("driver.favorites.usesNone") : f.usageCount === 1 ? t("driver.favorites.usesOne") : t("driver.favorites.uses", { count: f.usageCount.toLocaleString(locale) })}
                    {f.lastUsedAt && <>, {t("driver.favorites.lastUsed", { date: time.when(f.lastUsedAt, f.station.timeZone) })}</>}
                  </p>
                </div>
              </div>
              <FavoriteRowActions stationId={f.stationId} alias={f.alias} s={s} save={saveFavoriteAction} remove={removeFavoriteAction} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
