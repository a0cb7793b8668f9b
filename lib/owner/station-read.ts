// What the owner pages show of the owner's own stations.
import type { Db } from "../db/client.ts";
import { notFoundError } from "../errors/app-error.ts";
import { currencyExponent, tariffFromRecord, type TTariff } from "../tariffs/index.ts";
import { ownedBy, type TOwnerUser } from "./context.ts";
import { OCPI_EXAMPLE, ocpiJsonOf } from "./ocpi-tariff.ts";
import { hoursToText, type TWeekday } from "./working-hours.ts";

export async function listStations(db: Db, user: TOwnerUser) {
  return db.station.findMany({
    where: ownedBy(user),
    orderBy: { name: "asc" },
    take: 5000,
    select: {
      id: true, name: true, address: true, city: true, status: true, isOnline: true, ocppIdentity: true, lastHeartbeatAt: true,
      currency: true, pricePerKwhMinor: true, pricePerHourMinor: true, maxPowerKw: true, plugTypes: true,
      _count: { select: { connectors: { where: { removed: false } } } },
    },
  });
}

/** Stations of the owner for a select box (id, name). */
export function stationOptions(db: Db, user: TOwnerUser) {
  return db.station.findMany({ where: ownedBy(user), orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true, currency: true }, take: 5000 });
}

/** major-unit text of a decimal minor-unit price ("35" EUR -> "0.35"). */
function majorText(minor: string, currency: string): string {
  const exp = currencyExponent(currency);
  const [int, frac = ""] = minor.split(".");
  const digits = (int + frac).replace(/^0+(?=\d)/, "");
  const scale = exp + frac.length;
  const padded = digits.padStart(scale + 1, "0");
  const out = scale ? `${padded.slice(0, -scale)}.${padded.slice(-scale)}` : padded;
  return scale > exp ? out.replace(/0+$/, "").replace(/\.$/, "") : out;
}

/** A tariff that simpleTariff could have made, as the simple form's fields; null for anything richer. */
export function simpleFormOf(t: TTariff): { pricePerKwh: string; pricePerHour: string; vatPercent: string } | null {
  if (t.elements.length !== 1 || t.min_price != null || t.max_price != null) return null;
  const [el] = t.elements;
  if (el.restrictions && Object.keys(el.restrictions).length) return null;
  const by = new Map(el.price_components.map((c) => [c.type, c]));
  if (by.has("FLAT") || by.get("TIME")?.price !== by.get("PARKING_TIME")?.price) return null;
  const vats = new Set(el.price_components.map((c) => c.vat ?? ""));
  if (vats.size > 1 || el.price_components.some((c) => (c.step_size ?? 1) !== 1)) return null;
  const energy = by.get("ENERGY");
  const time = by.get("TIME");
  return {
    pricePerKwh: energy && Number(energy.price) !== 0 ? majorText(energy.price, t.currency) : energy ? "0" : "",
    pricePerHour: time ? majorText(time.price, t.currency) : "",
    vatPercent: [...vats][0] ?? "",
  };
}

export type TStationForm = {
  name: string; description: string; address: string; city: string; postalCode: string; country: string;
  lat: string; lng: string; timeZone: string; is24x7: boolean; hours: Record<TWeekday, string>;
  phone: string; email: string; website: string; amenities: string[];
  connectors: { type: string; powerType: string; maxPowerKw: string }[];
  tariff: { mode: "simple" | "ocpi"; currency: string; pricePerKwh: string; pricePerHour: string; vatPercent: string; json: string };
};

export async function findStationForEdit(db: Db, user: TOwnerUser, stationId: string) {
  const s = await db.station.findFirst({
    where: { id: stationId, ...ownedBy(user) },
    // The editor never needs the charger password's hash: keep it out of reach.
    omit: { ocppPasswordHash: true },
    include: {
      connectors: { where: { removed: false }, orderBy: { connectorId: "asc" } },
      amenities: { select: { amenity: { select: { code: true } } } },
      tariff: true,
      media: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, isPrimary: true, upload: { select: { id: true, originalName: true, fileSize: true, mimeType: true } } } },
    },
  });
  if (!s) throw notFoundError("This station");
  const tariff = s.tariff ? tariffFromRecord(s.tariff) : null;
  const simple = tariff ? simpleFormOf(tariff) : { pricePerKwh: "", pricePerHour: "", vatPercent: "" };
  const contact = (s.contactInfo ?? {}) as { phone?: string | null; email?: string | null; website?: string | null };
  const form: TStationForm = {
    name: s.name, description: s.description ?? "", address: s.address ?? "", city: s.city ?? "", postalCode: s.postalCode ?? "", country: s.country ?? "",
    lat: String(s.lat), lng: String(s.lng), timeZone: s.timeZone, is24x7: s.is24x7, hours: hoursToText(s.workingHours),
    phone: contact.phone ?? "", email: contact.email ?? "", website: contact.website ?? "",
    amenities: s.amenities.map((a) => a.amenity.code),
    connectors: s.connectors.map((c) => ({ type: c.type, powerType: c.powerType, maxPowerKw: String(c.maxPowerKw) })),
    tariff: {
      mode: simple ? "simple" : "ocpi", currency: s.currency, pricePerKwh: simple?.pricePerKwh ?? "", pricePerHour: simple?.pricePerHour ?? "",
      vatPercent: simple?.vatPercent ?? "",
      json: tariff ? ocpiJsonOf(tariff) : OCPI_EXAMPLE,
    },
  };
  return { station: s, form, tariff };
}

export function amenityCatalogue(db: Db) {
  return db.amenity.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { code: true, name: true } });
}
