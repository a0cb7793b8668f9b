"use client";
// A form that posts its fields to a mobile server action. Fields listed in
// `multi` are sent as arrays (checkbox groups). Errors: the overall message on
// top, each field's message below that field (found by its name), nothing
// typed is lost. On success: go to `href`, or show the message and refresh.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { TMobileAction } from "./types.ts";

export function ActionForm(props: {
  action: TMobileAction;
  submitLabel: string;
  workingLabel: string;
  testId: string;
  children?: React.ReactNode;
  hidden?: Record<string, string>;
  multi?: string[];
  inline?: boolean;
  tone?: "primary" | "plain" | "danger";
  resetOnSuccess?: boolean;
  /** Extra fields computed at submit time (e.g. a local time as ISO). */
  transform?: (data: Record<string, unknown>) => Record<string, unknown>;
}) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  function markInvalid(errs: Record<string, string[]>) {
    for (const el of Array.from(ref.current?.elements ?? []) as HTMLInputElement[]) {
      if (!el.name) continue;
      if (errs[el.name]?.length) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
    }
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true); setError(null); setMessage(null); setFieldErrors({});
    const fd = new FormData(e.currentTarget);
    let data: Record<string, unknown> = { ...props.hidden };
    for (const key of new Set(fd.keys())) {
      const all = fd.getAll(key).filter((v): v is string => typeof v === "string");
      data[key] = props.multi?.includes(key) ? all : all[0];
    }
    for (const key of props.multi ?? []) data[key] ??= [];
    if (props.transform) data = props.transform(data);
    try {
      const res = await props.action(data);
      if (res.ok) {
        markInvalid({});
        if (res.data.href) { router.push(res.data.href); return; }
        setMessage(res.data.message ?? null);
        if (props.resetOnSuccess) ref.current?.reset();
        router.refresh();
      } else {
        setError(res.error);
        setFieldErrors(res.fieldErrors ?? {});
        markInvalid(res.fieldErrors ?? {});
      }
    } catch {
      setError("Network error. Please try again.");
    }
    setBusy(false);
  }

  const details = Object.entries(fieldErrors).filter(([, v]) => v.length);
  const tone = props.tone === "danger" ? "border border-red-300 bg-white text-red-700 hover:bg-red-50" : props.tone === "plain" ? "border border-slate-300 bg-white hover:bg-slate-100" : "bg-brand-600 text-white hover:bg-brand-700";
  return (
    <form ref={ref} onSubmit={submit} noValidate aria-busy={busy} data-testid={props.testId} className={props.inline ? "flex flex-wrap items-end gap-2" : "flex flex-col gap-3"}>
      {props.children}
      {error && (
        <div role="alert" data-testid="form-error" className="rounded-md bg-red-50 border border-red-200 text-red-700 px-3 py-2 text-sm w-full">
          <p>{error}</p>
          {details.length > 0 && <ul className="list-disc pl-5" data-testid="field-errors">{details.map(([k, v]) => <li key={k} data-field={k}>{v.join(" ")}</li>)}</ul>}
        </div>
      )}
      <div>
        <button type="submit" disabled={busy} className={`rounded-md px-4 py-2 font-medium disabled:opacity-60 ${tone}`}>{busy ? props.workingLabel : props.submitLabel}</button>
      </div>
      {message && <p role="status" data-testid="form-message" className="text-sm text-brand-700 w-full">{message}</p>}
    </form>
  );
}

export const inputClass = "border border-slate-300 rounded-md px-3 py-2 text-base bg-white aria-[invalid=true]:border-red-500 min-w-0 w-full";

/** A labelled input; `children` replaces the input (select, textarea). */
export function Labelled(props: { id: string; label: string; hint?: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={`flex flex-col gap-1 ${props.className ?? ""}`}>
      <label htmlFor={props.id} className="text-sm font-medium">{props.label}</label>
      {props.children}
      {props.hint && <p className="text-xs text-slate-500">{props.hint}</p>}
    </div>
  );
}
