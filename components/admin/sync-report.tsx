// A sync's counts and the records that need attention (corrected, rejected, removed).
export type ReportView = {
  status: string;
  error?: string | null;
  counts: { created: number; updated: number; unchanged: number; removed: number; rejected: number; corrected: number };
  issues: { id: string; action: string; reasons: string[] }[];
  okCount: number;
  durationMs?: number;
};

export function SyncReport({ report, m }: { report: ReportView; m: Record<string, string> }) {
  const counts = ["created", "updated", "unchanged", "removed", "corrected", "rejected"] as const;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="sync-report">
      <p>
        <span className={report.status === "SUCCEEDED" ? "text-brand-700 font-medium" : "text-red-700 font-medium"} data-testid="sync-status">
          {report.status === "SUCCEEDED" ? m.succeeded : m.failed}
        </span>
        {report.durationMs !== undefined && <span className="text-slate-500"> · {(report.durationMs / 1000).toFixed(1)} s</span>}
      </p>
      {report.error && <p className="text-red-700" data-testid="sync-error">{report.error}</p>}
      <dl className="grid grid-cols-3 sm:grid-cols-6 gap-2">
        {counts.map((c) => (
          <div key={c} className="bg-slate-50 rounded p-2">
            <dt className="text-xs text-slate-500">{m[c]}</dt>
            <dd className="font-semibold" data-testid={`count-${c}`}>{report.counts[c]}</dd>
          </div>
        ))}
      </dl>
      {report.issues.length > 0 && (
        <div className="max-h-96 overflow-y-auto border border-slate-200 rounded">
          <table className="w-full text-xs">
            <thead className="bg-slate-50 text-left sticky top-0">
              <tr><th className="px-2 py-1">{m.record}</th><th className="px-2 py-1">{m.outcome}</th><th className="px-2 py-1">{m.reasons}</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.issues.map((o, i) => (
                <tr key={`${o.id}-${i}`} data-testid={`outcome-${o.action}`}>
                  <td className="px-2 py-1 font-mono break-all">{o.id}</td>
                  <td className="px-2 py-1">{m[`action_${o.action}`] ?? o.action}</td>
                  <td className="px-2 py-1">{o.reasons.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-slate-500">{m.okCount.replace("{count}", String(report.okCount))}</p>
    </div>
  );
}
