// What the map API returns. Kept small: a phone fetches this on every pan.
import type { Availability, ConnectorType } from "../db/generated/enums.ts";

export type TStationItem = {
  type: "station";
  id: string;
  name: string;
  lat: number;
  lng: number;
  /** MAINTENANCE stations are shown as OUT_OF_ORDER. */
  availability: Availability;
  maxPowerKw: number;
  plugTypes: ConnectorType[];
  pricePerKwhMinor: number | null;
  /** Time price (per hour plugged in), when the station has one. */
  pricePerHourMinor?: number;
  currency: string;
  operatorName?: string;
};

export type TClusterItem = {
  type: "cluster";
  /** Grid cell key, stable for one zoom level. */
  id: string;
  count: number;
  /** How many of the stations in the cluster are available now. */
  available: number;
  /** Centroid of the stations in the cluster. */
  lat: number;
  lng: number;
  /** The best availability in the cluster (AVAILABLE > BUSY > OUT_OF_ORDER > OFFLINE > UNKNOWN). */
  availability: Availability;
  maxPowerKw: number;
  /** [west, south, east, north] of the stations inside: zoom the map to it on click. */
  bounds: [number, number, number, number];
};

export type TViewportResult = {
  /** "stations": every matching station is an item; "clusters": cells of one or more. */
  mode: "stations" | "clusters";
  /** Matching stations in the box (the sum of counts). */
  total: number;
  items: (TStationItem | TClusterItem)[];
};

export type TListItem = Omit<TStationItem, "type"> & {
  address: string | null;
  city: string | null;
  /** From the viewport centre, approximate (equirectangular). */
  distanceKm: number;
};

export type TListPage = { items: TListItem[]; nextCursor: string | null };
