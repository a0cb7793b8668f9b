// The owner's calendar: days and months of the dashboard and the statement are
// the stations' own if they all share one time zone, else UTC (said on the page).
import type { Db } from "../db/client.ts";
import { ownedBy, type TOwnerUser } from "./context.ts";

export async function ownerTimeZone(db: Db, user: TOwnerUser, stationId?: string | null): Promise<string> {
  const zones = await db.station.groupBy({ by: ["timeZone"], where: { ...ownedBy(user), ...(stationId ? { id: stationId } : {}) } });
  return zones.length === 1 ? zones[0].timeZone : "UTC";
}
