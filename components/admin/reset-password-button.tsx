"use client";
// Resets a user's password and shows the temporary one exactly once: it is
// not stored anywhere readable, so leaving the page loses it.
import { useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import type { ActionResult } from "./action-form.tsx";

export function ResetPasswordButton(props: {
  userId: string;
  action: (input: unknown) => Promise<ActionResult>;
  m: { button: string; working: string; confirm: string; shown: string; once: string };
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  async function reset() {
    if (!window.confirm(props.m.confirm)) return;
    setBusy(true);
    setError(null);
    const r = await props.action({ userId: props.userId }).catch(() => null);
    setBusy(false);
    if (r?.ok) setPassword((r.data as { temporaryPassword: string }).temporaryPassword);
    else setError(r?.error ?? "The request failed.");
  }
  return (
    <div className="flex flex-col gap-2">
      <FormError message={error} />
      {password ? (
        <div role="status" className="rounded-md bg-amber-50 border border-amber-200 p-3 text-sm">
          <p>{props.m.shown}</p>
          <p className="font-mono text-lg select-all" data-testid="temp-password">{password}</p>
          <p className="text-xs text-slate-600">{props.m.once}</p>
        </div>
      ) : (
        <button type="button" onClick={reset} disabled={busy} className="self-start rounded-md bg-slate-800 text-white px-3 py-1.5 text-sm disabled:opacity-60">
          {busy ? props.m.working : props.m.button}
        </button>
      )}
    </div>
  );
}
