// Import of an operator's OCPI Locations (and optionally Tariffs) from
// records already in hand: an uploaded file, or pages fetched by syncOperator.
import type { Db } from "../db/client.ts";
import { applyLocations } from "./apply-locations.ts";
import { applyTariffs } from "./apply-tariffs.ts";
import { parseFeed } from "./parse-feed.ts";
import { recordSync, type SyncResult } from "./record-sync.ts";
import { refreshStationTariffs } from "./refresh-station-tariffs.ts";

export type FeedInput = string | Uint8Array | ArrayBuffer | unknown[] | object;

export type ImportLocationsInput = {
  operatorId: string;
  source: "FILE" | "URL";
  fileName?: string;
  mode: "FULL" | "INCREMENTAL";
  /** Location records, or the raw feed (bytes/text, envelope or bare array, BOM allowed). */
  records: FeedInput;
  /** OCPI Tariff records or a raw tariffs feed, imported before the locations that refer to them. */
  tariffs?: FeedInput;
  dateFrom?: Date;
  secrets?: string[];
};

/** Never throws for bad data: a feed that cannot be read is a FAILED sync with the reason. */
export async function importLocations(db: Db, input: ImportLocationsInput): Promise<SyncResult> {
  return recordSync(db, input, async (startedAt) => {
    const tariffFeed = input.tariffs === undefined ? undefined : parseFeed(input.tariffs);
    const feed = parseFeed(input.records);
    const tariffResult = tariffFeed ? await applyTariffs(db, input.operatorId, tariffFeed.records) : undefined;
    const { counts, outcomes, notes: locationNotes } = await applyLocations(db, { operatorId: input.operatorId, mode: input.mode, records: feed.records, now: startedAt });
    const notes = [...(tariffFeed?.notes.map((n) => `tariffs: ${n}`) ?? []), ...feed.notes];
    if (tariffResult) notes.push(`tariffs: ${tariffResult.created} created, ${tariffResult.updated} updated of ${tariffFeed!.records.length}`);
    notes.push(...locationNotes);
    const refreshed = await refreshStationTariffs(db, input.operatorId, tariffResult?.changedIds ?? []);
    if (refreshed) notes.push(`tariffs: new prices shown on ${refreshed} more station(s)`);
    // Tariff records count as records too: a rejected tariff is as visible in the history as a rejected location.
    counts.rejected += (tariffResult?.outcomes ?? []).filter((o) => o.action === "rejected").length;
    counts.corrected += (tariffResult?.outcomes ?? []).filter((o) => o.action === "corrected").length;
    return {
      counts,
      outcomes: [
        ...(notes.length ? [{ id: "(feed)", action: "ok" as const, reasons: notes }] : []),
        ...(tariffResult?.outcomes ?? []),
        ...outcomes,
      ],
    };
  });
}
