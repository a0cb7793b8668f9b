// Writes normalised locations into Station/Connector rows of one operator.
// Plans every change in memory against what is stored, then writes in
// batched transactions; a batch that fails is retried station by station so
// one bad record is rejected alone. Unchanged rows are not written at all.
import type { Db } from "../db/client.ts";
import { knownTariffs, shortError } from "./apply-tariffs.ts";
import { insertStationsWithConnectors, updateStationsAndConnectors } from "./bulk-write.ts";
import { normaliseLocation, type NormalisedLocation } from "./normalise-location.ts";
import type { RecordOutcome } from "./outcome.ts";
import { CURRENT_SELECT, planCreate, planUpdate, type Current, type Write } from "./plan-station-writes.ts";

export type LocationCounts = { created: number; updated: number; unchanged: number; removed: number; rejected: number; corrected: number };
type Mode = "FULL" | "INCREMENTAL";
const BATCH = 500;
const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export async function applyLocations(
  db: Db,
  { operatorId, mode, records, now }: { operatorId: string; mode: Mode; records: unknown[]; now: Date },
): Promise<{ counts: LocationCounts; outcomes: RecordOutcome[]; notes: string[] }> {
  const counts: LocationCounts = { created: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0, corrected: 0 };
  const outcomes = new Map<string, RecordOutcome>();
  const report: RecordOutcome[] = [];
  const notes: string[] = [];
  const locations: NormalisedLocation[] = [];
  const idsInFeed = new Set<string>();
  for (const raw of records) {
    const { location, outcome } = normaliseLocation(raw);
    if (location && idsInFeed.has(location.externalId)) {
      report.push({ id: outcome.id, action: "rejected", reasons: ["the location appears twice in the feed; the first one was kept"] });
      continue;
    }
    if (outcome.id && !outcome.id.startsWith("(")) idsInFeed.add(outcome.id);
    if (location) {
      locations.push(location);
      outcomes.set(location.externalId, outcome);
    } else report.push(outcome);
  }

  const tariffs = await knownTariffs(db, operatorId);
  // Chunked: PostgreSQL takes at most 65535 bind parameters per query, and big CPOs have more locations.
  const existing = new Map<string, Current>();
  for (const ids of chunks(locations.map((l) => l.externalId), 5000)) {
    const rows = await db.station.findMany({ where: { operatorId, externalId: { in: ids } }, select: CURRENT_SELECT });
    for (const s of rows) existing.set(s.externalId!, s);
  }

  const creates: Write[] = [];
  const updates: Write[] = [];
  const seenStationIds: string[] = [];
  const unknownTariffs = new Set<string>();
  for (const loc of locations) {
    for (const c of loc.connectors) if (c.tariffExternalId && !tariffs.byExternalId.has(c.tariffExternalId)) unknownTariffs.add(c.tariffExternalId);
    const current = existing.get(loc.externalId);
    const plan = current ? planUpdate(loc, current, tariffs, now) : planCreate(loc, operatorId, tariffs, now);
    if (current) seenStationIds.push(current.id);
    if (plan) (current ? updates : creates).push(plan);
    else counts.unchanged++;
  }

  const failed = new Map<string, string>();
  await runWrites(db, creates, failed, (batch) => createBatch(db, batch, now));
  await runWrites(db, updates, failed, (batch) => updateBatch(db, batch, now));
  for (const w of [...creates, ...updates]) if (!failed.has(w.externalId)) counts[w.kind]++;
  // Bookkeeping only: seen in this feed. Raw SQL so that updatedAt keeps meaning "content changed".
  if (seenStationIds.length) {
    await db.$executeRaw`UPDATE stations SET last_synced_at = ${now} WHERE id = ANY(${seenStationIds}::uuid[])`;
  }

  for (const loc of locations) {
    const outcome = outcomes.get(loc.externalId)!;
    const error = failed.get(loc.externalId);
    if (error) report.push({ id: loc.externalId, action: "rejected", reasons: [...outcome.reasons, `database refused the record: ${error}`] });
    else if (outcome.action === "corrected") report.push(outcome);
  }

  if (mode === "FULL") {
    if (idsInFeed.size === 0) {
      notes.push("the full feed is empty; no station was marked removed");
    } else {
      const live = await db.station.findMany({ where: { operatorId, status: { not: "REMOVED" } }, select: { id: true, externalId: true } });
      const gone = live.filter((s) => !idsInFeed.has(s.externalId ?? ""));
      for (const ids of chunks(gone.map((g) => g.id), 5000)) {
        await db.station.updateMany({ where: { id: { in: ids } }, data: { status: "REMOVED", publish: false } });
      }
      counts.removed = gone.length;
      for (const g of gone) report.push({ id: g.externalId ?? g.id, action: "removed", reasons: ["not in the full feed any more; hidden"] });
    }
  }
  if (unknownTariffs.size) {
    notes.push(`connectors refer to tariffs that were not imported: ${[...unknownTariffs].slice(0, 20).join(", ")}${unknownTariffs.size > 20 ? ", ..." : ""}`);
  }
  counts.rejected = report.filter((r) => r.action === "rejected").length;
  counts.corrected = report.filter((r) => r.action === "corrected").length;
  return { counts, outcomes: report, notes };
}

async function createBatch(db: Db, batch: Write[], now: Date) {
  const rows = batch.map((w) => w.rows!);
  await insertStationsWithConnectors(db, rows.map((r) => r.station), rows.flatMap((r) => r.connectors), now);
}

async function updateBatch(db: Db, batch: Write[], now: Date) {
  const rows = batch.map((w) => w.updateRows!);
  await updateStationsAndConnectors(db, {
    stations: rows.flatMap((r) => (r.station ? [r.station] : [])),
    connectors: rows.flatMap((r) => r.connectors),
    newConnectors: rows.flatMap((r) => r.newConnectors),
  }, now);
}

async function runWrites(db: Db, writes: Write[], failed: Map<string, string>, bulk?: (batch: Write[]) => Promise<void>) {
  for (let i = 0; i < writes.length; i += BATCH) {
    const batch = writes.slice(i, i + BATCH);
    try {
      if (bulk) await bulk(batch);
      else await db.$transaction(batch.flatMap((w) => w.ops(db)));
    } catch {
      for (const w of batch) {
        try {
          await db.$transaction(w.ops(db));
        } catch (e) {
          failed.set(w.externalId, shortError(e));
        }
      }
    }
  }
}
