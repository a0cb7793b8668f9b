"use client";
// Uploads a licence or insurance file to the service's document route (a
// route handler: server actions cap bodies at 1 MB) and refreshes the page.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { DOCUMENT_KINDS } from "@/lib/mobile/constants.ts";
import { inputClass } from "./action-form.tsx";
import type { TStrings } from "./types.ts";

export function DocumentUpload(props: { serviceId: string; m: TStrings }) {
  const { m } = props;
  const router = useRouter();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);

  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = new FormData(e.currentTarget);
    setBusy(true); setMsg(null);
    try {
      const res = await fetch(`/api/mobile/services/${props.serviceId}/documents`, { method: "POST", body });
      const json = (await res.json().catch(() => ({}))) as { error?: string };
      if (!res.ok) { setMsg({ ok: false, text: json.error ?? res.statusText }); return; }
      setMsg({ ok: true, text: m["provider.docs.uploaded"] });
      if (file.current) file.current.value = "";
      router.refresh();
    } catch {
      setMsg({ ok: false, text: "Network error. Please try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={upload} className="flex flex-wrap items-end gap-3" data-testid="document-upload">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{m["provider.docs.kind"]}</span>
        <select name="kind" className={inputClass}>{DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{m[`provider.docKind.${k}`]}</option>)}</select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{m["provider.docs.file"]}</span>
        <input ref={file} type="file" name="file" accept="application/pdf,image/jpeg,image/png" className="text-sm" />
        <span className="text-xs text-slate-500">{m["provider.docs.hint"]}</span>
      </label>
      <button type="submit" disabled={busy} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm disabled:opacity-60">{busy ? m["provider.working"] : m["provider.docs.upload"]}</button>
      {msg && <p role={msg.ok ? "status" : "alert"} data-testid="document-result" className={`text-sm w-full ${msg.ok ? "text-brand-700" : "text-red-700"}`}>{msg.text}</p>}
    </form>
  );
}
