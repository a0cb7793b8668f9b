// A session's stored readings as the tariff engine's samples (time order).
import type { Db } from "../db/client.ts";
import { flattenReadings } from "../charging/meter-readings.ts";
import { samplesFromMeterReadings, type MeterSample } from "../tariffs/index.ts";

export async function readSessionSamples(db: Db, sessionId: string): Promise<MeterSample[]> {
  const rows = await db.meterReading.findMany({
    where: { sessionId },
    orderBy: { timestamp: "asc" },
    select: { timestamp: true, sampledValues: true },
  });
  return samplesFromMeterReadings(flattenReadings(rows)).samples;
}
