// Writes normalised locations into Station/Connector rows of one operator.
// Plans every change in memory against what is stored, then writes in
// batched transactions; a batch that fails is retried station by station so
// one bad record is rejected alone. Unchanged rows are not written at all.
import { randomUUID } from "node:crypto";
import { Prisma, type Db } from "../db/client.ts";
import { knownTariffs, shortError } from "./apply-tariffs.ts";
import { normaliseLocation, type NormalisedLocation } from "./normalise-location.ts";
import type { RecordOutcome } from "./outcome.ts";
import { changedFields, connectorContent, stationContent, type ConnectorContent, type KnownTariff } from "./station-content.ts";

export type LocationCounts = { created: number; updated: number; unchanged: number; removed: number; rejected: number; corrected: number };
type Mode = "FULL" | "INCREMENTAL";
type Write = {
  externalId: string;
  kind: "created" | "updated";
  ops: (db: Db) => Prisma.PrismaPromise<unknown>[];
  /** New stations are also written in bulk (createMany); these are their rows. */
  rows?: { station: Prisma.StationCreateManyInput; connectors: Prisma.ConnectorCreateManyInput[] };
};

const BATCH = 100;
const json = (v: unknown) => (v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));

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
  const existing = new Map(
    (
      await db.station.findMany({
        where: { operatorId, externalId: { in: locations.map((l) => l.externalId) } },
        include: { connectors: true },
      })
    ).map((s) => [s.externalId!, s]),
  );

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
  await runWrites(db, creates, failed, (batch) => createBatch(db, batch));
  await runWrites(db, updates, failed);
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
      const gone = await db.station.findMany({
        where: { operatorId, status: { not: "REMOVED" }, externalId: { notIn: [...idsInFeed] } },
        select: { id: true, externalId: true },
      });
      if (gone.length) {
        await db.station.updateMany({ where: { id: { in: gone.map((g) => g.id) } }, data: { status: "REMOVED", publish: false } });
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

type Tariffs = { byExternalId: Map<string, KnownTariff>; byId: Map<string, KnownTariff> };
type Current = Prisma.StationGetPayload<{ include: { connectors: true } }>;

function planCreate(loc: NormalisedLocation, operatorId: string, tariffs: Tariffs, now: Date): Write {
  const stationId = randomUUID();
  const connectors = loc.connectors.map((c, i) => ({
    ...connectorContent(c, tariffs.byExternalId),
    id: randomUUID(),
    stationId,
    connectorId: i + 1,
    evseUid: c.evseUid,
    externalId: c.externalId,
    statusUpdatedAt: c.statusUpdatedAt,
  }));
  const content = stationContent(loc, connectors.filter((c) => !c.removed), tariffs.byId);
  const station = { ...content, workingHours: json(content.workingHours), id: stationId, operatorId, externalId: loc.externalId, status: "ACTIVE" as const, lastSyncedAt: now };
  return {
    externalId: loc.externalId,
    kind: "created",
    ops: (db) => [db.station.create({ data: station }), db.connector.createMany({ data: connectors })],
    rows: { station, connectors },
  };
}

function planUpdate(loc: NormalisedLocation, current: Current, tariffs: Tariffs, now: Date): Write | null {
  const key = (evseUid: string | null, externalId: string | null) => `${evseUid}\u0000${externalId}`;
  const byKey = new Map(current.connectors.map((c) => [key(c.evseUid, c.externalId), c]));
  let nextId = current.connectors.reduce((m, c) => Math.max(m, c.connectorId), 0) + 1;
  const connectorCreates: Prisma.ConnectorCreateManyInput[] = [];
  const connectorUpdates: { id: string; data: Partial<ConnectorContent> & { statusUpdatedAt?: Date } }[] = [];
  const visible: ConnectorContent[] = [];
  const matched = new Set<string>();
  for (const c of loc.connectors) {
    const content = connectorContent(c, tariffs.byExternalId);
    if (!content.removed) visible.push(content);
    const old = byKey.get(key(c.evseUid, c.externalId));
    if (!old) {
      connectorCreates.push({ ...content, stationId: current.id, connectorId: nextId++, evseUid: c.evseUid, externalId: c.externalId, statusUpdatedAt: c.statusUpdatedAt });
      continue;
    }
    matched.add(old.id);
    const changed = changedFields(old, content);
    if (changed.length) {
      const data: (typeof connectorUpdates)[number]["data"] = Object.fromEntries(changed.map((k) => [k, content[k]]));
      if (changed.includes("status")) data.statusUpdatedAt = c.statusUpdatedAt ?? now;
      connectorUpdates.push({ id: old.id, data });
    }
  }
  // Connectors gone from the feed are hidden, not deleted: sessions and bookings may point at them.
  for (const old of current.connectors) {
    if (!matched.has(old.id) && (!old.removed || old.publish)) connectorUpdates.push({ id: old.id, data: { removed: true, publish: false } });
  }
  const content = stationContent(loc, visible, tariffs.byId, current.currency);
  const changed = changedFields(current, content);
  const revive = current.status === "REMOVED";
  if (!changed.length && !revive && !connectorCreates.length && !connectorUpdates.length) return null;
  const data: Prisma.StationUpdateInput = Object.fromEntries(changed.map((k) => [k, k === "workingHours" ? json(content.workingHours) : content[k]]));
  if (revive) data.status = "ACTIVE";
  return {
    externalId: loc.externalId,
    kind: "updated",
    ops: (db) => [
      ...(Object.keys(data).length ? [db.station.update({ where: { id: current.id }, data })] : []),
      ...connectorUpdates.map((u) => db.connector.update({ where: { id: u.id }, data: u.data })),
      ...(connectorCreates.length ? [db.connector.createMany({ data: connectorCreates })] : []),
    ],
  };
}

async function createBatch(db: Db, batch: Write[]) {
  const rows = batch.map((w) => w.rows!);
  await db.$transaction([
    db.station.createMany({ data: rows.map((r) => r.station) }),
    db.connector.createMany({ data: rows.flatMap((r) => r.connectors) }),
  ]);
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
