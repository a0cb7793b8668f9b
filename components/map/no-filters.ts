import type { TMapFilters } from "@/lib/map/filters.ts";

export const NO_FILTERS: TMapFilters = { connectors: [], availableNow: false, openNow: false, amenities: [], operators: [], q: undefined };
