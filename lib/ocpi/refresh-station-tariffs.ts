// When a tariff's prices change without the locations changing (an
// incremental sync, a tariffs-only file), the stations priced by it still
// show the old text: recompute their price fields, writing only what differs.
import type { Db } from "../db/client.ts";
import { knownTariffs } from "./apply-tariffs.ts";
import { changedFields, stationTariffFields } from "./station-content.ts";

export async function refreshStationTariffs(db: Db, operatorId: string, tariffIds: string[]): Promise<number> {
  if (!tariffIds.length) return 0;
  const stations = await db.station.findMany({
    where: { operatorId, connectors: { some: { tariffId: { in: tariffIds } } } },
    include: { connectors: { where: { removed: false }, select: { type: true, tariffId: true } } },
  });
  if (!stations.length) return 0;
  const { byId } = await knownTariffs(db, operatorId);
  let refreshed = 0;
  for (const s of stations) {
    const next = stationTariffFields(s.connectors, byId, s.currency);
    const changed = changedFields(s, next);
    if (!changed.length) continue;
    await db.station.update({ where: { id: s.id }, data: Object.fromEntries(changed.map((k) => [k, next[k]])) });
    refreshed++;
  }
  return refreshed;
}
