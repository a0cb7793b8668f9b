import "server-only";
// What the map opens on: the URL's viewport and filters when it has them (a
// shared link), else the signed-in driver's saved default filters.
import { bboxCentre } from "@/lib/map/grid.ts";
import { parseMapQuery, type TMapFilters } from "@/lib/map/filters.ts";
import { NO_FILTERS } from "./no-filters.ts";

// Berlin, where the demo stations are; any link with a bbox overrides it.
export const DEFAULT_CENTER: [number, number] = [52.51, 13.4];
export const DEFAULT_ZOOM = 12;
const FILTER_KEYS = ["connectors", "minPowerKw", "availableNow", "openNow", "maxPricePerKwhMinor", "currency", "amenities", "operators", "q"];

export function initialView(
  sp: Record<string, string | string[] | undefined>,
  saved: TMapFilters | null,
): { center: [number, number]; zoom: number; filters: TMapFilters; invalid: string | null; fromSaved: boolean } {
  const hasView = typeof sp.bbox === "string" && typeof sp.zoom === "string";
  const hasFilters = FILTER_KEYS.some((k) => sp[k] !== undefined);
  // Parse with a harmless viewport when the URL has none, so filters alone still validate.
  const parsed = parseMapQuery({ bbox: "-180,-85,180,85", zoom: "2", ...sp });
  if (!parsed.ok) {
    return { center: DEFAULT_CENTER, zoom: DEFAULT_ZOOM, filters: saved ?? NO_FILTERS, invalid: parsed.message, fromSaved: !!saved };
  }
  const { bbox, zoom, ...filters } = parsed.query;
  const c = bboxCentre(bbox);
  const useSaved = !hasFilters && !!saved;
  return {
    center: hasView ? [c.lat, c.lng] : DEFAULT_CENTER,
    zoom: hasView ? Math.round(zoom) : DEFAULT_ZOOM,
    filters: useSaved ? saved! : filters,
    invalid: null,
    fromSaved: useSaved,
  };
}
