import { ServiceForm } from "@/components/mobile/service-form.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { env } from "@/lib/env.ts";
import { pickStrings } from "@/lib/mobile/localize.ts";
import { createServiceAction } from "../../actions.ts";
import { providerPage } from "../../page-context.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "New mobile charging service" };

const EMPTY = {
  companyName: "", serviceName: "", description: "", centerLat: "", centerLng: "", radiusKm: "10", chargingTypes: ["FAST"], plugTypes: ["TYPE2", "CCS"],
  currency: "EUR", pricePerHour: "", pricePerKwh: "", minimumCharge: "0", travelFeeType: "FLAT", travelFee: "0", maxDistanceKm: "15", responseTimeMinutes: "45",
  is24x7: true, hours: { mon: "08:00-20:00", tue: "08:00-20:00", wed: "08:00-20:00", thu: "08:00-20:00", fri: "08:00-20:00", sat: "", sun: "" }, timeZone: "Europe/Berlin",
  contactPhone: "", contactEmail: "", contactWhatsapp: "", contactWebsite: "", vehicleType: "", vehiclePlate: "", vehicleCapacityKwh: "",
};

export default async function NewServicePage() {
  const { t } = await providerPage("/provider/services/new");
  return (
    <div className="flex flex-col gap-4 max-w-3xl" data-testid="new-service">
      <PageTitle testId="service-title">{t("provider.form.newTitle")}</PageTitle>
      <p className="text-sm text-slate-600">{t("provider.form.reviewNote")}</p>
      <ServiceForm action={createServiceAction} initial={EMPTY as never} tileUrl={env().MAP_TILE_URL || null} m={pickStrings(t, "provider.", "mobile.plug.")} />
    </div>
  );
}
