"use client";
// A form that calls a server action (lib/actions/action.ts result) and shows its answer: field errors
// beside the fields, the overall error above, the success message below.
// Several may share a page, so ids come from useId, not from field names.
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/ui/field.tsx";

export type TFieldSpec = {
  name: string;
  label: string;
  type?: "text" | "email" | "tel" | "date" | "month" | "select" | "number" | "textarea";
  options?: { value: string; label: string; disabled?: boolean }[];
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
};

export type TActionAnswer = { ok: true; data: { message?: string; redirectTo?: string } } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function ActionForm(props: {
  action: (input: unknown) => Promise<TActionAnswer>;
  fields: TFieldSpec[];
  hidden?: Record<string, string>;
  submitLabel: string;
  workingLabel: string;
  resetOnSuccess?: boolean;
  inline?: boolean;
  testId?: string;
  networkError?: string;
}) {
  const router = useRouter();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    setFieldErrors({});
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    try {
      const res = await props.action({ ...form, ...props.hidden });
      if (!res.ok) {
        setError(res.error);
        setFieldErrors(res.fieldErrors ?? {});
        return;
      }
      setMessage(res.data.message ?? null);
      if (props.resetOnSuccess) formRef.current?.reset();
      if (res.data.redirectTo?.startsWith("http")) window.location.assign(res.data.redirectTo);
      else if (res.data.redirectTo) router.push(res.data.redirectTo);
      else router.refresh();
    } catch {
      setError(props.networkError ?? "Network error. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-busy={busy} data-testid={props.testId}
      className={props.inline ? "flex flex-wrap items-end gap-2" : "flex flex-col gap-3"}>
      <FormError message={error} />
      {props.fields.map((f) => {
        const id = `${formId}-${f.name}`;
        const err = fieldErrors[f.name];
        const describedBy = [f.hint && `${id}-hint`, err?.length && `${id}-err`].filter(Boolean).join(" ") || undefined;
        const common = {
          id, name: f.name, required: f.required, defaultValue: f.defaultValue, autoComplete: f.autoComplete,
          "aria-invalid": err?.length ? true : undefined, "aria-describedby": describedBy,
          className: "border border-slate-300 rounded-md px-3 py-2 text-base bg-white aria-[invalid=true]:border-red-500 min-w-0",
        };
        return (
          <div key={f.name} className="flex flex-col gap-1">
            <label htmlFor={id} className="text-sm font-medium">{f.label}</label>
            {f.type === "select" ? (
              <select {...common}>
                {f.options?.map((o) => <option key={o.value} value={o.value} disabled={o.disabled}>{o.label}</option>)}
              </select>
            ) : f.type === "textarea" ? (
              <textarea {...common} rows={3} />
            ) : (
              <input {...common} type={f.type ?? "text"} inputMode={f.type === "tel" ? "tel" : f.type === "email" ? "email" : undefined} />
            )}
            {f.hint && <p id={`${id}-hint`} className="text-xs text-slate-500">{f.hint}</p>}
            {err?.length ? <p id={`${id}-err`} className="text-sm text-red-600" data-testid="field-error">{err.join(" ")}</p> : null}
          </div>
        );
      })}
      <div>
        <button type="submit" disabled={busy} className="rounded-md bg-brand-600 text-white px-4 py-2 font-medium hover:bg-brand-700 disabled:opacity-60">
          {busy ? props.workingLabel : props.submitLabel}
        </button>
      </div>
      {message && <p role="status" data-testid="form-success" className="text-sm text-brand-700">{message}</p>}
    </form>
  );
}
