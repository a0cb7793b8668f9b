"use client";
// One button, one server action with fixed input; shows the answer beside it
// (for remote commands that is the charger's own answer).
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { TActionAnswer } from "./action-form.tsx";

export function ActionButton(props: {
  action: (input: unknown) => Promise<TActionAnswer>;
  input: Record<string, unknown>;
  label: string;
  workingLabel: string;
  confirm?: string;
  tone?: "danger" | "plain";
  testId?: string;
  /** Shown but not clickable (e.g. "Block" on a blocked card), so its answer stays visible after a refresh. */
  disabled?: boolean;
  networkError?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function run() {
    if (props.confirm && !window.confirm(props.confirm)) return;
    setBusy(true);
    setResult(null);
    try {
      const res = await props.action(props.input);
      setResult(res.ok ? { ok: true, text: res.data.message ?? "" } : { ok: false, text: res.error });
      if (res.ok) router.refresh();
    } catch {
      setResult({ ok: false, text: props.networkError ?? "Network error. Please try again." });
    } finally {
      setBusy(false);
    }
  }

  const tone = props.tone === "danger" ? "border-red-300 text-red-700 hover:bg-red-50" : "border-slate-300 hover:bg-slate-100";
  return (
    <span className="inline-flex flex-col gap-1">
      <button type="button" onClick={run} disabled={busy || props.disabled} data-testid={props.testId} className={`rounded-md border px-3 py-1.5 text-sm bg-white disabled:opacity-50 ${tone}`}>
        {busy ? props.workingLabel : props.label}
      </button>
      {result && (
        <span role={result.ok ? "status" : "alert"} data-testid={props.testId ? `${props.testId}-result` : "action-result"}
          className={`text-xs ${result.ok ? "text-brand-700" : "text-red-700"}`}>
          {result.text}
        </span>
      )}
    </span>
  );
}
