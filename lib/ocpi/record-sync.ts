// Every import, from a file or a URL, is one OperatorSync row: RUNNING while
// it works, then SUCCEEDED with counts and the per-record report, or FAILED
// with an error that never contains the operator's credentials.
import type { Db } from "../db/client.ts";
import type { LocationCounts } from "./apply-locations.ts";
import type { RecordOutcome } from "./outcome.ts";

export type SyncMeta = {
  operatorId: string;
  source: "FILE" | "URL";
  mode: "FULL" | "INCREMENTAL";
  fileName?: string;
  dateFrom?: Date;
  /** Strings that must not appear in the stored error (the API token). */
  secrets?: string[];
};

export type SyncResult = {
  syncId: string;
  status: "SUCCEEDED" | "FAILED";
  counts: LocationCounts;
  report: RecordOutcome[];
  error?: string;
  durationMs: number;
};

const ZERO: LocationCounts = { created: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0, corrected: 0 };

export function redact(text: string, secrets: string[] = []): string {
  return secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join("[redacted]"), text);
}

export async function recordSync(
  db: Db,
  meta: SyncMeta,
  work: (startedAt: Date) => Promise<{ counts: LocationCounts; outcomes: RecordOutcome[] }>,
): Promise<SyncResult> {
  const t0 = performance.now();
  const sync = await db.operatorSync.create({
    data: { operatorId: meta.operatorId, source: meta.source, mode: meta.mode, fileName: meta.fileName, dateFrom: meta.dateFrom },
  });
  try {
    const { counts, outcomes } = await work(sync.startedAt);
    const finishedAt = new Date();
    await db.$transaction([
      db.operatorSync.update({
        where: { id: sync.id },
        data: { status: "SUCCEEDED", ...counts, report: outcomes, finishedAt },
      }),
      // The start time, not the end: date_from of the next incremental sync must
      // cover changes made while this one was running.
      db.operator.update({ where: { id: meta.operatorId }, data: { lastSyncedAt: sync.startedAt } }),
    ]);
    return { syncId: sync.id, status: "SUCCEEDED", counts, report: outcomes, durationMs: Math.round(performance.now() - t0) };
  } catch (e) {
    const error = redact(e instanceof Error ? e.message : String(e), meta.secrets).slice(0, 1000);
    await db.operatorSync.update({ where: { id: sync.id }, data: { status: "FAILED", error, finishedAt: new Date() } });
    return { syncId: sync.id, status: "FAILED", counts: { ...ZERO }, report: [], error, durationMs: Math.round(performance.now() - t0) };
  }
}
