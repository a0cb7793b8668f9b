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
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const hasFilters = FILTER_KEYS.some((k) => sp[k] !== undefined);
  // Viewport and filters are checked apart, so a bad bbox does not cost a shared link its filters.
  const f = parseMapQuery({ ...sp, bbox: "-180,-85,180,85", zoom: "2" });
  const v = sp.bbox !== undefined || sp.zoom !== undefined ? parseMapQuery({ bbox: one(sp.bbox), zoom: one(sp.zoom) }) : null;
  const invalid = [f, v].flatMap((r) => (r && !r.ok ? [r.message] : [])).join(" ") || null;
  const useSaved = (!hasFilters || !f.ok) && !!saved;
  let center = DEFAULT_CENTER;
  let zoom = DEFAULT_ZOOM;
  if (v?.ok) {
    const c = bboxCentre(v.query.bbox);
    center = [c.lat, c.lng];
    zoom = Math.round(v.query.zoom);
  }
  let filters: TMapFilters = NO_FILTERS;
  if (useSaved) filters = saved!;
  else if (f.ok) {
    const { bbox: _b, zoom: _z, ...rest } = f.query;
    filters = rest;
  }
  return { center, zoom, filters, invalid, fromSaved: useSaved };
}
