"use client";
// Adopting a Pending charger: the form, then the charger's new OCPP password,
// shown once (only its hash is stored), with the connection URL and whether
// the password reached the charger. The page refreshes when the admin is done,
// because after adoption the form no longer belongs on it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import { FieldErrors, formValues, type ActionResult } from "./action-form.tsx";

type TAdopted = { id: string; identity: string | null; password: string; pushed: "ACCEPTED" | "REJECTED" | "NO_ANSWER" | "OFFLINE" };

export function AdoptChargerForm(props: {
  action: (input: unknown) => Promise<ActionResult>;
  urlBase: string;
  m: Record<string, string>;
  fieldLabels: Record<string, string>;
  children: React.ReactNode;
}) {
  const { m } = props;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      setResult(await props.action(formValues(e.currentTarget)));
    } catch {
      setResult({ ok: false, code: "NETWORK", error: m.networkError });
    } finally {
      setBusy(false);
    }
  }

  if (result?.ok) {
    const a = result.data as TAdopted;
    return (
      <div className="flex flex-col gap-2 text-sm" data-testid="adopted-charger">
        <p role="status" className="text-brand-700 font-medium">{m.adopted}</p>
        <dl className="grid sm:grid-cols-[12rem_1fr] gap-x-3 gap-y-1">
          <dt className="font-medium">{m.url}</dt>
          <dd className="font-mono break-all">{`${props.urlBase}${encodeURIComponent(a.identity ?? "")}`}</dd>
          <dt className="font-medium">{m.password}</dt>
          <dd>
            <span className="font-mono bg-amber-50 border border-amber-200 rounded px-2 py-0.5 select-all" data-testid="adopted-password">{a.password}</span>
            <span className="block text-xs text-amber-800 mt-1">{m.passwordOnce}</span>
          </dd>
          <dt className="font-medium">{m.pushed}</dt>
          <dd data-testid="adopted-pushed">{m[`pushed.${a.pushed}`]}</dd>
        </dl>
        <div>
          <button type="button" onClick={() => router.refresh()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
            {m.done}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy} data-testid="adopt-form" className="grid sm:grid-cols-3 gap-3">
      {result && !result.ok && <div className="sm:col-span-3"><FormError message={result.error} /><FieldErrors errors={result.fieldErrors} labels={props.fieldLabels} /></div>}
      {props.children}
      <div className="sm:col-span-3">
        <button type="submit" disabled={busy} className="rounded-md px-3 py-1.5 text-sm font-medium text-white bg-brand-600 hover:bg-brand-700 disabled:opacity-60">
          {busy ? m.working : m.submit}
        </button>
      </div>
    </form>
  );
}
