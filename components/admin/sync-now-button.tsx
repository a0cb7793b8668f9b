"use client";
// "Sync now": pulls the operator's API (incremental or full) and shows the report.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import type { ActionResult } from "./action-form.tsx";
import { SyncReport, type ReportView } from "./sync-report.tsx";

export function SyncNowButton(props: { operatorId: string; disabled?: boolean; action: (i: unknown) => Promise<ActionResult>; m: Record<string, string> }) {
  const { m } = props;
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ReportView | null>(null);
  async function run(mode: "INCREMENTAL" | "FULL") {
    setBusy(mode);
    setError(null);
    setReport(null);
    try {
      const r = await props.action({ operatorId: props.operatorId, mode });
      if (r.ok) {
        setReport(r.data as ReportView);
        router.refresh();
      } else setError(r.error);
    } catch {
      setError(m.failedRequest);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="flex gap-3">
        <button type="button" onClick={() => run("INCREMENTAL")} disabled={!!busy || props.disabled} className="rounded-md bg-brand-600 text-white px-3 py-1.5 text-sm font-medium disabled:opacity-60" data-testid="sync-now">
          {busy === "INCREMENTAL" ? m.syncing : m.syncNow}
        </button>
        <button type="button" onClick={() => run("FULL")} disabled={!!busy || props.disabled} className="rounded-md bg-slate-800 text-white px-3 py-1.5 text-sm disabled:opacity-60">
          {busy === "FULL" ? m.syncing : m.syncFull}
        </button>
      </div>
      <FormError message={error} />
      {report && <SyncReport report={report} m={m} />}
    </div>
  );
}
