// The tariff that prices a connector: the connector's own, else the station's,
// else the station's simple per-kWh / per-hour prices (seed 002 listings).
import type { Prisma } from "../db/client.ts";
import { parseTariff, simpleTariff, tariffFromRecord, type TTariff } from "../tariffs/index.ts";

type Tx = Prisma.TransactionClient | import("../db/client.ts").Db;

export type TConnectorPricing = { tariff: TTariff; tariffId: string | null; timeZone: string; powerKw: number; currency: string };

export async function connectorPricing(db: Tx, stationId: string, connectorNumber: number): Promise<TConnectorPricing | null> {
  const station = await db.station.findUnique({
    where: { id: stationId },
    select: {
      timeZone: true, currency: true, pricePerKwhMinor: true, pricePerHourMinor: true, maxPowerKw: true, tariff: true,
      connectors: { where: { connectorId: connectorNumber, removed: false }, select: { maxPowerKw: true, tariff: true } },
    },
  });
  if (!station) return null;
  const connector = station.connectors[0];
  const record = connector?.tariff ?? station.tariff;
  const powerKw = connector?.maxPowerKw || station.maxPowerKw || 11;
  if (record) return { tariff: tariffFromRecord(record, station.timeZone), tariffId: record.id, timeZone: station.timeZone, powerKw, currency: record.currency };
  if (station.pricePerKwhMinor == null && station.pricePerHourMinor == null) return null;
  const tariff = simpleTariff({ currency: station.currency, pricePerKwhMinor: station.pricePerKwhMinor, pricePerHourMinor: station.pricePerHourMinor });
  return { tariff, tariffId: null, timeZone: station.timeZone, powerKw, currency: station.currency };
}

/** The tariff a session is billed by: the snapshot taken at start. */
export function sessionTariff(snapshot: unknown): TTariff | null {
  if (!snapshot) return null;
  try {
    return parseTariff(snapshot as never);
  } catch {
    return null;
  }
}

export function hasIdleFee(tariff: TTariff): boolean {
  return tariff.elements.some((e) => e.price_components.some((c) => c.type === "PARKING_TIME" && Number(c.price) > 0));
}
