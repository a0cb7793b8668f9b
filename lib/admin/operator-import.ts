// Importing an operator's OCPI feed from an uploaded file, or syncing it from
// its API, on an admin's request. The OCPI library does the work and records
// an OperatorSync row; here we add the audit row and shape the report.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { importLocations } from "../ocpi/import-locations.ts";
import type { SyncResult } from "../ocpi/record-sync.ts";
import { syncOperator } from "../ocpi/sync-operator.ts";
import type { FetchLike } from "../ocpi/fetch-pages.ts";
import type { RecordOutcome } from "../ocpi/outcome.ts";
import { auditFrom, PAGE_SIZE, type AdminActor } from "./actor.ts";
import { operatorSecrets } from "./operators.ts";

/** Same limit as the server action body (next.config.mjs serverActions.bodySizeLimit). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const ZImportFile = z.object({
  operatorId: z.string().uuid(),
  fileName: z.string().trim().min(1, "Choose a file.").max(255),
  content: z.string().min(1, "The file is empty.").max(MAX_IMPORT_BYTES, "The file is larger than 5 MB."),
  kind: z.enum(["locations", "tariffs"]).default("locations"),
  mode: z.enum(["FULL", "INCREMENTAL"]).default("INCREMENTAL"),
});

export type ImportReport = {
  syncId: string;
  status: "SUCCEEDED" | "FAILED";
  error?: string;
  counts: SyncResult["counts"];
  durationMs: number;
  /** Corrected, rejected and removed records and feed notes; "ok" records are only counted. */
  issues: RecordOutcome[];
  okCount: number;
};

function toReport(r: SyncResult): ImportReport {
  const issues = r.report.filter((o) => o.action !== "ok" || o.id === "(feed)");
  return { syncId: r.syncId, status: r.status, error: r.error, counts: r.counts, durationMs: r.durationMs, issues, okCount: r.report.length - issues.length };
}

async function requireOperator(db: Db, id: string) {
  const op = await db.operator.findUnique({ where: { id }, select: { id: true, name: true, apiBaseUrl: true } });
  if (!op) throw notFoundError("This operator");
  return op;
}

export async function importOperatorFile(db: Db, actor: AdminActor, input: z.infer<typeof ZImportFile>): Promise<ImportReport> {
  const op = await requireOperator(db, input.operatorId);
  const result =
    input.kind === "tariffs"
      // A tariffs file alone: no locations, and never a removal pass.
      ? await importLocations(db, { operatorId: op.id, source: "FILE", fileName: input.fileName, mode: "INCREMENTAL", records: [], tariffs: input.content })
      : await importLocations(db, { operatorId: op.id, source: "FILE", fileName: input.fileName, mode: input.mode, records: input.content });
  await recordAudit(db, {
    ...auditFrom(actor),
    action: "OPERATOR_FILE_IMPORTED",
    entityType: "Operator",
    entityId: op.id,
    after: { syncId: result.syncId, fileName: input.fileName, kind: input.kind, mode: input.mode, status: result.status, ...result.counts, error: result.error },
  });
  return toReport(result);
}

export const ZSyncNow = z.object({ operatorId: z.string().uuid(), mode: z.enum(["FULL", "INCREMENTAL"]).default("INCREMENTAL") });

export async function syncOperatorNow(
  db: Db,
  actor: AdminActor,
  input: z.infer<typeof ZSyncNow>,
  opts: { fetch?: FetchLike } = {},
): Promise<ImportReport> {
  const op = await requireOperator(db, input.operatorId);
  if (!op.apiBaseUrl) throw new AppError("PRECONDITION", "Set the operator's API base URL before syncing.", { apiBaseUrl: ["Required for a sync."] });
  const result = await syncOperator(db, op.id, { mode: input.mode, fetch: opts.fetch });
  const secrets = await operatorSecrets(db, op.id);
  const error = result.error && secrets.reduce((t, s) => t.split(s).join("[redacted]"), result.error);
  await recordAudit(db, {
    ...auditFrom(actor),
    action: "OPERATOR_SYNCED",
    entityType: "Operator",
    entityId: op.id,
    after: { syncId: result.syncId, mode: input.mode, status: result.status, ...result.counts, error },
  });
  return toReport({ ...result, error: error || undefined });
}

export async function listSyncs(db: Db, operatorId: string, page = 1) {
  const where = { operatorId };
  const [rows, total] = await Promise.all([
    db.operatorSync.findMany({
      where,
      orderBy: { startedAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, source: true, mode: true, status: true, fileName: true, dateFrom: true, created: true, updated: true, unchanged: true,
        removed: true, rejected: true, corrected: true, error: true, startedAt: true, finishedAt: true,
      },
    }),
    db.operatorSync.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** One sync's per-record report (non-ok records only). */
export async function getSyncReport(db: Db, operatorId: string, syncId: string) {
  const sync = await db.operatorSync.findFirst({ where: { id: syncId, operatorId } });
  if (!sync) throw notFoundError("This sync");
  const report = (Array.isArray(sync.report) ? sync.report : []) as RecordOutcome[];
  const issues = report.filter((o) => o.action !== "ok" || o.id === "(feed)");
  return { sync: { ...sync, report: undefined }, issues, okCount: report.length - issues.length };
}
