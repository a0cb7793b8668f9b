// The map shows one word per station. It follows the connectors' statuses,
// the whole-charger status (connector 0) and whether the charger is connected.
import type { Availability, ConnectorStatus } from "../db/client.ts";
import { publish } from "../realtime/publish.ts";
import type { DbOrTx } from "./types.ts";

const OUT_OF_ORDER: ReadonlySet<string> = new Set(["FAULTED", "UNAVAILABLE"]);

export function computeAvailability(input: {
  isOnline: boolean;
  chargerStatus: string | null;
  connectors: { status: ConnectorStatus; removed?: boolean }[];
}): Availability {
  if (!input.isOnline) return "OFFLINE";
  if (input.chargerStatus && OUT_OF_ORDER.has(input.chargerStatus)) return "OUT_OF_ORDER";
  const live = input.connectors.filter((c) => !c.removed && c.status !== "UNKNOWN");
  if (live.length === 0) return input.chargerStatus === "AVAILABLE" ? "AVAILABLE" : "UNKNOWN";
  if (live.some((c) => c.status === "AVAILABLE")) return "AVAILABLE";
  if (live.every((c) => OUT_OF_ORDER.has(c.status))) return "OUT_OF_ORDER";
  return "BUSY";
}

/** Recomputes and stores the station's availability; publishes a station event when it changed. */
export async function refreshAvailability(db: DbOrTx, stationId: string): Promise<Availability> {
  const station = await db.station.findUniqueOrThrow({
    where: { id: stationId },
    select: { availability: true, isOnline: true, chargerStatus: true, connectors: { select: { status: true, removed: true } } },
  });
  const next = computeAvailability(station);
  if (next !== station.availability) {
    await db.station.update({ where: { id: stationId }, data: { availability: next } });
    await publish(db, { type: "station", stationId, isOnline: station.isOnline, availability: next });
  }
  return next;
}
