"use client";
// Create a key (its plaintext is shown once, here) and revoke keys.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormError } from "@/components/ui/field.tsx";
import type { ActionResult } from "./action-form.tsx";

type Labels = { name: string; create: string; shownOnce: string; revoke: string; confirmRevoke: string; working: string };

export function CreateApiKeyForm({ action, m }: { action: (i: unknown) => Promise<ActionResult>; m: Labels }) {
  const router = useRouter();
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-col gap-2 bg-white rounded-lg border border-slate-200 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const name = String(new FormData(e.currentTarget).get("name") ?? "");
        start(async () => {
          const r = await action({ name });
          if (!r.ok) { setError(r.fieldErrors?.name?.join(" ") ?? r.error); setKey(null); return; }
          setError(null);
          setKey((r.data as { key: string }).key);
          router.refresh();
        });
      }}
    >
      <FormError message={error} />
      <label className="text-sm font-medium" htmlFor="api-key-name">{m.name}</label>
      <div className="flex gap-2">
        <input id="api-key-name" name="name" className="border border-slate-300 rounded-md px-2 py-1.5 text-sm flex-1" />
        <button disabled={pending} className="rounded-md bg-brand-600 text-white px-3 py-1.5 text-sm">{pending ? m.working : m.create}</button>
      </div>
      {key && (
        <div role="status" className="rounded-md bg-amber-50 border border-amber-200 p-3 text-sm">
          <p>{m.shownOnce}</p>
          <code data-testid="new-api-key" className="block mt-1 break-all font-mono select-all">{key}</code>
        </div>
      )}
    </form>
  );
}

export function RevokeApiKeyButton({ id, action, m }: { id: string; action: (i: unknown) => Promise<ActionResult>; m: Labels }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      className="text-sm text-red-700 underline"
      onClick={() => {
        if (!window.confirm(m.confirmRevoke)) return;
        start(async () => { await action({ id }); router.refresh(); });
      }}
    >
      {pending ? m.working : m.revoke}
    </button>
  );
}
