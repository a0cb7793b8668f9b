"use client";
// A form that calls a server action (lib/actions/action.ts result shape),
// shows the outcome, and refreshes the page's server data on success.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/ui/field.tsx";

export type ActionResult = { ok: true; data: unknown } | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form).entries()) if (typeof v === "string") out[k] = v;
  return out;
}

export function FieldErrors({ errors, labels }: { errors?: Record<string, string[]>; labels?: Record<string, string> }) {
  if (!errors || !Object.keys(errors).length) return null;
  return (
    <ul data-testid="field-errors" className="text-sm text-red-700 list-disc pl-5">
      {Object.entries(errors).map(([k, v]) => (
        <li key={k}>
          <span className="font-medium">{labels?.[k] ?? k}</span>: {v.join(" ")}
        </li>
      ))}
    </ul>
  );
}

export function ActionForm(props: {
  action: (input: unknown) => Promise<ActionResult>;
  children: React.ReactNode;
  submitLabel: string;
  workingLabel: string;
  doneLabel: string;
  /** Ask before sending (window.confirm). */
  confirmText?: string;
  /** Go here after success; "{id}" is replaced by the result's id. */
  goTo?: string;
  fieldLabels?: Record<string, string>;
  testId?: string;
  danger?: boolean;
  className?: string;
  resetOnSuccess?: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (props.confirmText && !window.confirm(props.confirmText)) return;
    const form = e.currentTarget;
    setBusy(true);
    setResult(null);
    try {
      const r = await props.action(formValues(form));
      setResult(r);
      if (r.ok) {
        if (props.resetOnSuccess) form.reset();
        const id = (r.data as { id?: string } | null)?.id;
        if (props.goTo) router.push(props.goTo.replace("{id}", id ?? ""));
        else router.refresh();
      }
    } catch {
      setResult({ ok: false, code: "NETWORK", error: "The request failed. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy} data-testid={props.testId} className={props.className ?? "flex flex-col gap-3"}>
      {result && !result.ok && <FormError message={result.error} />}
      {result && !result.ok && <FieldErrors errors={result.fieldErrors} labels={props.fieldLabels} />}
      {props.children}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={busy}
          className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${props.danger ? "bg-red-600 hover:bg-red-700" : "bg-brand-600 hover:bg-brand-700"}`}
        >
          {busy ? props.workingLabel : props.submitLabel}
        </button>
        {result?.ok && (
          <span role="status" data-testid="action-done" className="text-sm text-brand-700">
            {props.doneLabel}
          </span>
        )}
      </div>
    </form>
  );
}
