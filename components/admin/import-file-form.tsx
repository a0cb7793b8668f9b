"use client";
// Uploads an OCPI Locations (or Tariffs) file: read in the browser as text,
// sent to the import action, and its sync report shown here.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import type { ActionResult } from "./action-form.tsx";
import { SyncReport, type ReportView } from "./sync-report.tsx";

const MAX_BYTES = 5 * 1024 * 1024;

export function ImportFileForm(props: { operatorId: string; action: (i: unknown) => Promise<ActionResult>; m: Record<string, string> }) {
  const { m } = props;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<(ReportView & { fileName: string }) | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    setError(null);
    setReport(null);
    if (!(file instanceof File) || !file.name) return setError(m.chooseFile);
    if (file.size > MAX_BYTES) return setError(m.tooLarge);
    setBusy(true);
    try {
      const content = await file.text();
      const r = await props.action({ operatorId: props.operatorId, fileName: file.name, content, kind: form.get("kind"), mode: form.get("mode") });
      if (r.ok) {
        setReport({ ...(r.data as ReportView), fileName: file.name });
        router.refresh();
      } else setError(r.error);
    } catch {
      setError(m.failedRequest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" data-testid="import-form" aria-busy={busy}>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{m.file}</span>
          <input type="file" name="file" accept=".json,application/json" className="text-sm" data-testid="import-file" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{m.kind}</span>
          <select name="kind" className="border border-slate-300 rounded-md px-2 py-1.5 text-sm bg-white">
            <option value="locations">{m.kindLocations}</option>
            <option value="tariffs">{m.kindTariffs}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{m.mode}</span>
          <select name="mode" className="border border-slate-300 rounded-md px-2 py-1.5 text-sm bg-white">
            <option value="INCREMENTAL">{m.modeIncremental}</option>
            <option value="FULL">{m.modeFull}</option>
          </select>
        </label>
        <button type="submit" disabled={busy} className="rounded-md bg-brand-600 text-white px-3 py-1.5 text-sm font-medium disabled:opacity-60">
          {busy ? m.importing : m.import}
        </button>
      </form>
      <FormError message={error} />
      {report && (
        <div className="border-t border-slate-200 pt-3">
          <p className="text-sm font-medium mb-1">{report.fileName}</p>
          <SyncReport report={report} m={m} />
        </div>
      )}
    </div>
  );
}
