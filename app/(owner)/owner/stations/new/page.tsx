import { StationForm } from "@/components/owner/station-form.tsx";
import { amenityName, plugMessages } from "@/lib/owner/display.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { env } from "@/lib/env.ts";
import { OCPI_EXAMPLE } from "@/lib/owner/ocpi-tariff.ts";
import { amenityCatalogue, type TStationForm } from "@/lib/owner/station-read.ts";
import { createStationAction } from "../../actions.ts";
import { clientMessages, ownerPage } from "../../page-context.ts";

export const metadata = { title: "List a station" };

const BLANK: TStationForm = {
  name: "", description: "", address: "", city: "", postalCode: "", country: "", lat: "", lng: "", timeZone: "Europe/Berlin", is24x7: true,
  hours: { mon: "", tue: "", wed: "", thu: "", fri: "", sat: "", sun: "" }, phone: "", email: "", website: "", amenities: [],
  connectors: [{ type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: "22" }],
  tariff: { mode: "simple", currency: "EUR", pricePerKwh: "", pricePerHour: "", vatPercent: "", json: OCPI_EXAMPLE },
};

export default async function NewStationPage() {
  const { t, locale, db } = await ownerPage("/owner/stations/new");
  const [amenities, m, currency] = await Promise.all([
    amenityCatalogue(db), clientMessages("owner.form.", "owner.day.", "owner.power.", "owner.common."),
    db.appConfig.findUnique({ where: { key: "default_currency" }, select: { value: true } }),
  ]);
  const initial = { ...BLANK, tariff: { ...BLANK.tariff, currency: currency?.value ?? "EUR" } };
  return (
    <div className="flex flex-col gap-4">
      <PageTitle testId="new-station-title">{t("owner.form.newTitle")}</PageTitle>
      <StationForm action={createStationAction} initial={initial} amenities={amenities.map((a) => ({ code: a.code, name: amenityName(a.code, a.name, locale) }))} timeZones={Intl.supportedValuesOf("timeZone")} tileUrl={env().MAP_TILE_URL || null} m={{ ...m, ...plugMessages(locale) }} />
    </div>
  );
}
