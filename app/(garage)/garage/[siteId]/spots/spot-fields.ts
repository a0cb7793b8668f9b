// The spot form's fields, shared by "add a spot" and "edit spot".
import type { TFieldSpec } from "@/components/ui/action-form.tsx";
import type { Translate } from "@/lib/i18n/translate.ts";

export function spotFields(
  t: Translate,
  renters: { id: string; name: string }[],
  chargers: { id: string; ocppIdentity: string | null; parkingSpot: { id: string; label: string } | null }[],
  spot: { id: string; label: string; floorLevel: string | null; renterId: string | null; stationId: string | null } | null,
): TFieldSpec[] {
  const none = { value: "", label: t("garage.common.noneOption") };
  return [
    { name: "label", label: t("garage.spots.label"), hint: t("garage.spots.labelHint"), required: true, defaultValue: spot?.label, autoComplete: "off" },
    { name: "floorLevel", label: t("garage.spots.floor"), defaultValue: spot?.floorLevel ?? "", autoComplete: "off" },
    { name: "renterId", label: t("garage.spots.renter"), type: "select", defaultValue: spot?.renterId ?? "", options: [none, ...renters.map((r) => ({ value: r.id, label: r.name }))] },
    {
      name: "stationId", label: t("garage.spots.charger"), type: "select", defaultValue: spot?.stationId ?? "",
      // Chargers installed elsewhere stay listed (with where), so the refusal can be explained.
      options: [none, ...chargers.map((c) => ({ value: c.id, label: c.parkingSpot && c.parkingSpot.id !== spot?.id ? `${c.ocppIdentity} (${t("garage.spots.installedAt", { label: c.parkingSpot.label })})` : c.ocppIdentity ?? c.id }))],
    },
  ];
}
