// A normalised location -> the Station columns we own, with the map's
// denormalised fields (plug types, speeds, power, availability, tariff text).
// Also the comparison that decides "unchanged": content only, never timestamps.
import type { Availability, ChargingSpeed, ConnectorStatus, ConnectorType, PowerType } from "../db/generated/enums.ts";
import { availabilityOf, chargingSpeedOf } from "./connectors.ts";
import type { NormalisedConnector, NormalisedLocation } from "./normalise-location.ts";
import type { WorkingHours } from "./opening-hours.ts";

export type KnownTariff = { id: string; externalId: string; currency: string; text: string; pricePerKwhMinor: number | null };

export type StationContent = {
  name: string;
  address: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  lat: number;
  lng: number;
  timeZone: string;
  is24x7: boolean;
  workingHours: WorkingHours | null;
  description: string | null;
  publish: boolean;
  availability: Availability;
  plugTypes: ConnectorType[];
  chargingTypes: ChargingSpeed[];
  maxPowerKw: number;
  tariffId: string | null;
  tariffText: string | null;
  pricePerKwhMinor: number | null;
  currency: string;
};

export type ConnectorContent = {
  type: ConnectorType;
  powerType: PowerType;
  maxPowerKw: number;
  maxVoltage: number | null;
  maxAmperage: number | null;
  status: ConnectorStatus;
  publish: boolean;
  removed: boolean;
  tariffId: string | null;
};

const PLUG_ORDER: ConnectorType[] = ["CCS", "CHADEMO", "TYPE2", "TYPE1", "GBT", "TESLA", "SCHUKO", "OTHER"];
const SPEED_ORDER: ChargingSpeed[] = ["SLOW", "FAST", "SUPERFAST"];

export function connectorContent(c: NormalisedConnector, tariffs: Map<string, KnownTariff>): ConnectorContent {
  return {
    type: c.type,
    powerType: c.powerType,
    maxPowerKw: c.maxPowerKw,
    maxVoltage: c.maxVoltage,
    maxAmperage: c.maxAmperage,
    status: c.status,
    publish: !c.removed,
    removed: c.removed,
    tariffId: (c.tariffExternalId && tariffs.get(c.tariffExternalId)?.id) || null,
  };
}

/** visible: the connectors a driver may see (not removed), with their plug type and tariff. */
export function stationContent(
  loc: NormalisedLocation,
  visible: Pick<ConnectorContent, "type" | "maxPowerKw" | "status" | "tariffId">[],
  tariffsById: Map<string, KnownTariff>,
  currentCurrency = "EUR",
): StationContent {
  const plugTypes = PLUG_ORDER.filter((p) => visible.some((c) => c.type === p));
  const chargingTypes = SPEED_ORDER.filter((s) => visible.some((c) => chargingSpeedOf(c.maxPowerKw) === s));
  return {
    name: loc.name,
    address: loc.address,
    city: loc.city,
    postalCode: loc.postalCode,
    country: loc.country,
    lat: loc.lat,
    lng: loc.lng,
    timeZone: loc.timeZone,
    is24x7: loc.is24x7,
    workingHours: loc.workingHours,
    description: loc.description,
    // A location without a single usable connector has nothing to show on the map.
    publish: loc.publish && visible.length > 0,
    availability: availabilityOf(visible.map((c) => c.status)),
    plugTypes,
    chargingTypes,
    maxPowerKw: visible.reduce((m, c) => Math.max(m, c.maxPowerKw), 0),
    ...stationTariffFields(visible, tariffsById, currentCurrency),
  };
}

export type StationTariffFields = Pick<StationContent, "tariffId" | "tariffText" | "pricePerKwhMinor" | "currency">;

/** The station's price fields from the tariffs of its visible connectors. */
export function stationTariffFields(
  visible: Pick<ConnectorContent, "type" | "tariffId">[],
  tariffsById: Map<string, KnownTariff>,
  currentCurrency = "EUR",
): StationTariffFields {
  const tariffIds = [...new Set(visible.map((c) => c.tariffId).filter((t): t is string => !!t))];
  const tariffs = tariffIds.map((id) => tariffsById.get(id)).filter((t): t is KnownTariff => !!t);
  let tariffText: string | null = null;
  if (tariffs.length === 1) tariffText = tariffs[0].text;
  else if (tariffs.length > 1) {
    // Say which plugs each price is for (AC and DC tariffs differ).
    tariffText = tariffs
      .map((t) => `${PLUG_ORDER.filter((p) => visible.some((c) => c.type === p && c.tariffId === t.id)).join("/")}: ${t.text}`)
      .join("; ");
  }
  const kwhPrices = tariffs.map((t) => t.pricePerKwhMinor).filter((p): p is number => p !== null);
  return {
    tariffId: tariffs[0]?.id ?? null,
    tariffText,
    pricePerKwhMinor: kwhPrices.length ? Math.min(...kwhPrices) : null,
    currency: tariffs[0]?.currency ?? currentCurrency,
  };
}

/** Stable JSON (sorted keys): jsonb does not keep key order, so compare canonically. */
export function canonical(v: unknown): string {
  if (v === undefined) return "null";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
}

/** The keys of `next` whose values differ from `current`. */
export function changedFields<T extends object>(current: Partial<Record<keyof T, unknown>>, next: T): (keyof T)[] {
  return (Object.keys(next) as (keyof T)[]).filter((k) => canonical(current[k] ?? null) !== canonical(next[k] ?? null));
}
