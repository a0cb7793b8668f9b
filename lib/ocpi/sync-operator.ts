// Pulls an operator's OCPI Locations (and Tariffs, when configured) from its
// API and imports them as one OperatorSync. INCREMENTAL asks only for what
// changed since the last successful sync (date_from); FULL pulls everything
// and marks stations that disappeared as removed.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { applyLocations } from "./apply-locations.ts";
import { applyTariffs } from "./apply-tariffs.ts";
import { fetchAllPages, type FetchLike } from "./fetch-pages.ts";
import { recordSync, type SyncResult } from "./record-sync.ts";
import { refreshStationTariffs } from "./refresh-station-tariffs.ts";

/** Operator.config. The token never leaves the server: not logged, not in reports or errors. */
export const ZOperatorConfig = z.object({
  token: z.string({ error: "config.token is missing" }).trim().min(1, "config.token is missing"),
  locationsPath: z.string().trim().min(1).default("locations"),
  tariffsPath: z.string().trim().min(1).optional(),
  pageLimit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TOperatorConfig = z.infer<typeof ZOperatorConfig>;

export type SyncOperatorOptions = { mode: "FULL" | "INCREMENTAL"; fetch?: FetchLike };

export async function syncOperator(db: Db, operatorId: string, { mode, fetch }: SyncOperatorOptions): Promise<SyncResult> {
  const operator = await db.operator.findUniqueOrThrow({ where: { id: operatorId } });
  const config = ZOperatorConfig.safeParse(operator.config ?? {});
  const token = config.success ? config.data.token : typeof (operator.config as { token?: unknown })?.token === "string" ? (operator.config as { token: string }).token : "";
  // From the last successful pull from the API, not from a file upload (which may be older data).
  const lastPull = mode === "INCREMENTAL"
    ? await db.operatorSync.findFirst({ where: { operatorId, source: "URL", status: "SUCCEEDED" }, orderBy: { startedAt: "desc" }, select: { startedAt: true } })
    : null;
  const dateFrom = lastPull?.startedAt;
  // A timer and an admin's "sync now" may overlap; the second one steps aside (a RUNNING row older than an hour is a crash leftover).
  const running = await db.operatorSync.findFirst({
    where: { operatorId, status: "RUNNING", startedAt: { gt: new Date(Date.now() - 60 * 60_000) } },
    select: { id: true },
  });
  return recordSync(db, { operatorId, source: "URL", mode, dateFrom, secrets: [token] }, async (startedAt) => {
    if (running) throw new Error("another sync of this operator is still running");
    if (!operator.apiBaseUrl) throw new Error("the operator has no API base URL");
    if (!config.success) throw new Error(`the operator's config is invalid: ${config.error.issues.map((i) => i.message).join("; ")}`);
    const { locationsPath, tariffsPath, pageLimit } = config.data;
    const firstPage = (path: string) => {
      const url = new URL(path, operator.apiBaseUrl!.replace(/\/?$/, "/"));
      url.searchParams.set("offset", "0");
      url.searchParams.set("limit", String(pageLimit));
      if (dateFrom) url.searchParams.set("date_from", dateFrom.toISOString());
      return url.toString();
    };
    const notes: string[] = [];
    const outcomes = [];
    let changedTariffs: string[] = [];
    if (tariffsPath) {
      const tariffs = await fetchAllPages(firstPage(tariffsPath), { token, fetch });
      const applied = await applyTariffs(db, operatorId, tariffs.records);
      notes.push(`tariffs: ${tariffs.records.length} fetched in ${tariffs.pages} page(s); ${applied.created} created, ${applied.updated} updated`);
      outcomes.push(...applied.outcomes);
      changedTariffs = applied.changedIds;
    }
    const locations = await fetchAllPages(firstPage(locationsPath), { token, fetch });
    notes.push(`locations: ${locations.records.length} fetched in ${locations.pages} page(s)${dateFrom ? ` changed since ${dateFrom.toISOString()}` : ""}`, ...locations.notes);
    const applied = await applyLocations(db, { operatorId, mode, records: locations.records, now: startedAt });
    notes.push(...applied.notes);
    const refreshed = await refreshStationTariffs(db, operatorId, changedTariffs);
    if (refreshed) notes.push(`tariffs: new prices shown on ${refreshed} more station(s)`);
    // Tariff records count as records too: a rejected tariff is as visible in the history as a rejected location.
    applied.counts.rejected += outcomes.filter((o) => o.action === "rejected").length;
    applied.counts.corrected += outcomes.filter((o) => o.action === "corrected").length;
    return { counts: applied.counts, outcomes: [{ id: "(feed)", action: "ok" as const, reasons: notes }, ...outcomes, ...applied.outcomes] };
  });
}
