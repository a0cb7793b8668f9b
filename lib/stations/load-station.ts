// Everything the public station page shows, in one read. Only published,
// active (or under-maintenance) stations; anything else is "not found".
import type { Db } from "../db/client.ts";
import { describeTariff, tariffFromRecord, simpleTariff, type TLocale } from "../tariffs/index.ts";
import { openingHours } from "./opening-hours.ts";
import { isUuid, PUBLIC_STATION } from "./visibility.ts";

export async function loadStation(db: Db, stationId: string, opts: { viewerId?: string; locale: TLocale; now?: Date }) {
  if (!isUuid(stationId)) return null;
  const station = await db.station.findFirst({
    where: { id: stationId, ...PUBLIC_STATION },
    select: {
      id: true, name: true, status: true, availability: true, isOnline: true, ocppIdentity: true,
      address: true, city: true, postalCode: true, country: true, landmark: true, lat: true, lng: true,
      timeZone: true, is24x7: true, workingHours: true, contactInfo: true, description: true,
      maxPowerKw: true, currency: true, pricePerKwhMinor: true, pricePerHourMinor: true, tariffText: true,
      operator: { select: { name: true, website: true, supportPhone: true } },
      owner: { select: { name: true } },
      tariff: { select: { currency: true, elements: true, minPriceMinor: true, maxPriceMinor: true } },
      connectors: {
        where: { publish: true, removed: false },
        orderBy: { connectorId: "asc" },
        select: {
          id: true, connectorId: true, type: true, powerType: true, maxPowerKw: true, status: true,
          tariff: { select: { currency: true, elements: true, minPriceMinor: true, maxPriceMinor: true } },
        },
      },
      amenities: { where: { isAvailable: true, amenity: { isActive: true } }, select: { notes: true, amenity: { select: { code: true, name: true } } } },
      media: { where: { mediaType: "IMAGE" }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }], select: { mediaUploadId: true, title: true, description: true } },
    },
  });
  if (!station) return null;

  const stationPrice = priceLines(station, station.tariff, opts.locale);
  // A connector booked for now is reserved for everyone else, whether or not
  // the charger has reported Reserved yet (or can: stations without OCPP).
  const now = opts.now ?? new Date();
  const booked = new Set((await db.booking.findMany({
    where: { stationId, status: { in: ["CONFIRMED", "ACTIVE"] }, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { connectorId: true },
  })).map((b) => b.connectorId));
  const shownStatus = (c: { id: string; status: string }) => {
    // MAINTENANCE stations are out of order whatever their connectors say (as on the map).
    if (station.status === "MAINTENANCE") return "UNAVAILABLE";
    // A disconnected charger's last statuses are stale: say we do not know.
    if (station.ocppIdentity && !station.isOnline) return "UNKNOWN";
    if (booked.has(c.id) && c.status === "AVAILABLE") return "RESERVED";
    return c.status;
  };
  const connectors = station.connectors.map((c) => ({
    id: c.id, connectorId: c.connectorId, type: c.type, powerType: c.powerType, maxPowerKw: c.maxPowerKw,
    status: shownStatus(c),
    price: c.tariff ? priceLines(station, c.tariff, opts.locale) : stationPrice,
  }));
  const [favorite] = opts.viewerId
    ? await db.favorite.findMany({ where: { userId: opts.viewerId, stationId }, select: { alias: true } })
    : [];
  return {
    ...station,
    availability: station.status === "MAINTENANCE" ? ("OUT_OF_ORDER" as const) : station.availability,
    connectors,
    price: stationPrice,
    hours: openingHours(station, opts.now),
    favorite: favorite ?? null,
  };
}

type TariffRow = { currency: string; elements: unknown; minPriceMinor: number | null; maxPriceMinor: number | null };

// The tariff is the truth; a station listed with only simple prices is
// described through the same engine so the words match the bill.
function priceLines(
  station: { timeZone: string; currency: string; pricePerKwhMinor: number | null; pricePerHourMinor: number | null; tariffText: string | null },
  tariff: TariffRow | null,
  locale: TLocale,
): string[] {
  try {
    if (tariff) return describeTariff(tariffFromRecord(tariff, station.timeZone), locale);
    if (station.pricePerKwhMinor != null || station.pricePerHourMinor != null) {
      return describeTariff(simpleTariff({ currency: station.currency, pricePerKwhMinor: station.pricePerKwhMinor, pricePerHourMinor: station.pricePerHourMinor }), locale);
    }
  } catch {
    // An unparsable stored tariff is shown as its text rather than breaking the page.
  }
  return station.tariffText ? [station.tariffText] : [];
}

export type TStationPage = NonNullable<Awaited<ReturnType<typeof loadStation>>>;
