import { ActionForm } from "@/components/ui/action-form.tsx";
import { Section } from "@/components/garage/section.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { db as getDb } from "@/lib/db/client.ts";
import { renterOptions } from "@/lib/garage/renters.ts";
import { chargerOptions, getSpot } from "@/lib/garage/spots.ts";
import { updateSpotAction } from "../../actions.ts";
import { garagePage, orNotFound, requireIds } from "../../../page-context.ts";
import { spotFields } from "../spot-fields.ts";

export const metadata = { title: "Parking spot" };

export default async function SpotPage({ params }: { params: Promise<{ siteId: string; spotId: string }> }) {
  const { siteId, spotId } = await params;
  requireIds(siteId, spotId);
  const { user, t } = await garagePage(siteId, `/garage/${siteId}/spots/${spotId}`);
  const db = getDb();
  const spot = await orNotFound(() => getSpot(db, user, siteId, spotId));
  const [renters, chargers] = await Promise.all([renterOptions(db, user, siteId), chargerOptions(db, user, siteId)]);
  // The current renter stays choosable even if they are a past renter now.
  if (spot.renterId && !renters.some((r) => r.id === spot.renterId)) {
    const r = await db.renter.findUnique({ where: { id: spot.renterId }, select: { id: true, name: true } });
    if (r) renters.unshift(r);
  }
  return (
    <div className="flex flex-col gap-4 max-w-xl">
      <PageTitle testId="spot-title">{t("garage.spots.editTitle", { label: spot.label })}</PageTitle>
      <Section testId="edit-spot">
        <ActionForm action={updateSpotAction} hidden={{ siteId, spotId }} submitLabel={t("garage.common.save")} workingLabel={t("garage.common.working")}
          fields={spotFields(t, renters, chargers, spot)} />
      </Section>
    </div>
  );
}
