"use client";
// A form that posts its fields to a server action and, on success, goes to
// the address the action returns. Failures (a declined card, a taken slot)
// are shown above the button; nothing is lost from the fields. A field that is
// wrong is marked where it is: fields rendered by components that claim them
// (card fields, charge target) show their own message; any other named input
// (e.g. the wallet amount) is marked here.
import { useCallback, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FieldErrorsContext, type TFieldCheck, type TFieldErrors } from "./field-errors.tsx";

type Answer = { ok: true; data: { href?: string; message?: string } } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function PayForm(props: {
  action: (input: unknown) => Promise<Answer>;
  submitLabel: string;
  workingLabel: string;
  testId: string;
  children: React.ReactNode;
  hidden?: Record<string, string>;
  /** Shown when the browser-side checks find a problem (defaults to the server's wording). */
  fixFieldsText?: string;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const claims = useRef(new Map<number, { names: string[]; check?: TFieldCheck }>());
  const nextId = useRef(0);
  const register = useCallback((names: string[], check?: TFieldCheck) => {
    const id = nextId.current++;
    claims.current.set(id, { names, check });
    return () => void claims.current.delete(id);
  }, []);
  const ctx = useMemo(() => ({ errors: fieldErrors, register }), [fieldErrors, register]);

  // Inputs nobody claimed: mark them and put the message right after them.
  function markUnclaimed(errors: TFieldErrors) {
    const form = formRef.current;
    if (!form) return;
    for (const el of form.querySelectorAll("[data-payform-error]")) el.remove();
    for (const el of form.querySelectorAll("[data-payform-invalid]")) {
      el.removeAttribute("aria-invalid");
      el.removeAttribute("data-payform-invalid");
    }
    const claimed = new Set([...claims.current.values()].flatMap((c) => c.names));
    for (const [name, msgs] of Object.entries(errors)) {
      if (claimed.has(name) || !msgs.length) continue;
      const input = form.elements.namedItem(name);
      if (!(input instanceof HTMLElement)) continue;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("data-payform-invalid", "");
      const p = document.createElement("p");
      p.textContent = msgs[0]!;
      p.className = "text-sm text-red-700";
      p.id = `err-${name}`;
      p.setAttribute("data-payform-error", "");
      p.setAttribute("data-testid", `field-error-${name}`);
      input.setAttribute("aria-describedby", p.id);
      input.insertAdjacentElement("afterend", p);
    }
  }

  function show(errorText: string | null, errors: TFieldErrors) {
    setError(errorText);
    setFieldErrors(errors);
    markUnclaimed(errors);
    const first = Object.keys(errors)[0];
    const el = first ? formRef.current?.elements.namedItem(first) : null;
    if (el instanceof HTMLElement) el.focus();
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setMessage(null);
    const data: Record<string, string> = { ...props.hidden };
    for (const [k, v] of new FormData(e.currentTarget).entries()) if (typeof v === "string") data[k] = v;
    const local: TFieldErrors = {};
    for (const c of claims.current.values()) Object.assign(local, c.check?.(data) ?? {});
    if (Object.keys(local).length) return show(props.fixFieldsText ?? "Please correct the highlighted fields.", local);
    show(null, {});
    setBusy(true);
    try {
      const res = await props.action(data);
      if (res.ok) {
        if (res.data.href) router.push(res.data.href);
        else { setMessage(res.data.message ?? null); router.refresh(); }
        if (!res.data.href) setBusy(false);
        return;
      }
      show(res.error, res.fieldErrors ?? {});
    } catch {
      show("Network error. Please try again.", {});
    }
    setBusy(false);
  }

  return (
    <FieldErrorsContext.Provider value={ctx}>
      <form ref={formRef} onSubmit={submit} className="flex flex-col gap-4 [&_[data-payform-invalid]]:border-red-600 [&_[data-payform-invalid]]:ring-1 [&_[data-payform-invalid]]:ring-red-600" data-testid={props.testId} noValidate>
        {props.children}
        {error && (
          <div role="alert" data-testid="form-error" className="rounded-md bg-red-50 border border-red-200 text-red-700 px-3 py-2 text-sm">
            <p>{error}</p>
          </div>
        )}
        {message && <p role="status" data-testid="form-message" className="rounded-md bg-brand-50 border border-brand-200 text-brand-700 px-3 py-2 text-sm">{message}</p>}
        <button type="submit" disabled={busy} className="rounded-md bg-brand-600 text-white px-4 py-3 font-medium disabled:opacity-60 sm:self-start">
          {busy ? props.workingLabel : props.submitLabel}
        </button>
      </form>
    </FieldErrorsContext.Provider>
  );
}
