// Seed 004 user settings: language (applies at once), currency, notification
// preferences per type and channel, and the saved default map filters.
import Link from "next/link";
import { ClearFiltersButton } from "@/components/driver/clear-filters-button.tsx";
import { SettingsForm } from "@/components/driver/settings-form.tsx";
import { pickStrings } from "@/components/map/strings.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { driverEn } from "@/lib/i18n/messages/driver.en.ts";
import type { MessageKey, Translate } from "@/lib/i18n/translate.ts";
import { mapQueryToSearchParams, type TMapFilters } from "@/lib/map/filters.ts";
import { ALWAYS_IN_APP, CHANNELS, CURRENCIES, NOTIFICATION_TYPES } from "@/lib/settings/schemas.ts";
import { getSettings } from "@/lib/settings/user-settings.ts";
import { clearSearchFiltersAction, updateSettingsAction } from "./actions.ts";

export const metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

function describeFilters(f: TMapFilters, t: Translate, locale: string): string[] {
  const out: string[] = [];
  if (f.connectors.length) out.push(t("driver.settings.filter.connectors", { value: f.connectors.map((c) => t(`map.connector.${c}` as MessageKey)).join(", ") }));
  if (f.minPowerKw !== undefined) out.push(t("driver.settings.filter.minPower", { kw: f.minPowerKw.toLocaleString(locale) }));
  if (f.availableNow) out.push(t("driver.settings.filter.availableNow"));
  if (f.openNow) out.push(t("driver.settings.filter.openNow"));
  if (f.maxPricePerKwhMinor !== undefined) out.push(t("driver.settings.filter.maxPrice", { price: formatMoney(f.maxPricePerKwhMinor, f.currency ?? "EUR", locale) }));
  if (f.amenities.length) out.push(t("driver.settings.filter.amenities", { value: f.amenities.map((a) => { const k = `map.amenity.${a}` as MessageKey; return t(k) === k ? a : t(k); }).join(", ") }));
  if (f.operators.length) out.push(t("driver.settings.filter.operators", { count: f.operators.length }));
  if (f.q) out.push(t("driver.settings.filter.q", { value: f.q }));
  return out;
}

export default async function SettingsPage() {
  const user = await requirePermission("driver:self", "/account/settings");
  const { t, locale } = await getI18n();
  const settings = await getSettings(db(), user.id);
  const s = pickStrings(t as (k: never) => string, Object.keys(driverEn));
  return (
    <div className="flex flex-col gap-6 max-w-3xl" data-testid="settings-page">
      <div>
        <PageTitle testId="settings-title">{t("driver.settings.title")}</PageTitle>
      </div>
      <SettingsForm
        initial={{ language: settings.language, currency: settings.currency, notifications: settings.notifications }}
        currencies={CURRENCIES} types={NOTIFICATION_TYPES} channels={CHANNELS} alwaysInApp={[...ALWAYS_IN_APP]} s={s} save={updateSettingsAction}
      />
      <section className="flex flex-col gap-2" data-testid="saved-filters">
        <h2 className="font-semibold">{t("driver.settings.filters")}</h2>
        {settings.searchFilters ? (
          <>
            <ul className="flex flex-wrap gap-2">
              {describeFilters(settings.searchFilters, t, locale).map((d) => <li key={d} className="rounded-full bg-slate-100 px-3 py-1 text-sm">{d}</li>)}
            </ul>
            <Link href={`/?${mapQueryToSearchParams(settings.searchFilters)}`} className="underline text-brand-700 text-sm">{t("driver.settings.filtersOpen")}</Link>
            <ClearFiltersButton s={s} clear={clearSearchFiltersAction} />
          </>
        ) : (
          <p className="text-sm text-slate-600">{t("driver.settings.filtersNone")}</p>
        )}
      </section>
    </div>
  );
}
