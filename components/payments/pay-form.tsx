"use client";
// A form that posts its fields to a server action and, on success, goes to
// the address the action returns. Failures (a declined card, a taken slot)
// are shown above the button; nothing is lost from the fields.
import { useState } from "react";
import { useRouter } from "next/navigation";

type Answer = { ok: true; data: { href?: string; message?: string } } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function PayForm(props: {
  action: (input: unknown) => Promise<Answer>;
  submitLabel: string;
  workingLabel: string;
  testId: string;
  children: React.ReactNode;
  hidden?: Record<string, string>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    setFieldErrors({});
    const data: Record<string, string> = { ...props.hidden };
    for (const [k, v] of new FormData(e.currentTarget).entries()) if (typeof v === "string") data[k] = v;
    try {
      const res = await props.action(data);
      if (res.ok) {
        if (res.data.href) router.push(res.data.href);
        else { setMessage(res.data.message ?? null); router.refresh(); }
        if (!res.data.href) setBusy(false);
        return;
      }
      setError(res.error);
      setFieldErrors(res.fieldErrors ?? {});
    } catch {
      setError("Network error. Please try again.");
    }
    setBusy(false);
  }

  const details = Object.entries(fieldErrors).filter(([, v]) => v.length);
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid={props.testId} noValidate>
      {props.children}
      {error && (
        <div role="alert" data-testid="form-error" className="rounded-md bg-red-50 border border-red-200 text-red-700 px-3 py-2 text-sm">
          <p>{error}</p>
          {details.length > 0 && error !== details[0]![1][0] && <ul className="list-disc pl-5">{details.map(([k, v]) => <li key={k}>{v.join(" ")}</li>)}</ul>}
        </div>
      )}
      {message && <p role="status" data-testid="form-message" className="rounded-md bg-brand-50 border border-brand-200 text-brand-700 px-3 py-2 text-sm">{message}</p>}
      <button type="submit" disabled={busy} className="rounded-md bg-brand-600 text-white px-4 py-3 font-medium disabled:opacity-60 sm:self-start">
        {busy ? props.workingLabel : props.submitLabel}
      </button>
    </form>
  );
}
