"use client";
// Uploads one photo to the station's photo route (a route handler, because
// server actions cap request bodies at 1 MB) and refreshes the page.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";

export function PhotoUpload(props: { stationId: string; m: Record<string, string> }) {
  const router = useRouter();
  const ref = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    const file = ref.current?.files?.[0];
    const body = new FormData();
    if (file) body.set("file", file);
    setBusy(true); setMsg(null);
    try {
      const res = await fetch(`/owner/stations/${props.stationId}/photos`, { method: "POST", body });
      const json = (await res.json().catch(() => ({}))) as { error?: string };
      if (!res.ok) { setMsg({ ok: false, text: json.error ?? res.statusText }); return; }
      setMsg({ ok: true, text: props.m["owner.photos.uploaded"] });
      if (ref.current) ref.current.value = "";
      router.refresh();
    } catch {
      setMsg({ ok: false, text: props.m["owner.common.networkError"] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={upload} className="flex flex-wrap items-end gap-2" data-testid="photo-upload">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{props.m["owner.photos.add"]}</span>
        <input ref={ref} type="file" name="file" accept="image/jpeg,image/png,image/webp" className="text-sm" />
        <span className="text-xs text-slate-500">{props.m["owner.photos.hint"]}</span>
      </label>
      <button type="submit" disabled={busy} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-60">{busy ? "…" : props.m["owner.photos.add"]}</button>
      {msg && <p role={msg.ok ? "status" : "alert"} data-testid="photo-result" className={`text-sm w-full ${msg.ok ? "text-brand-700" : "text-red-700"}`}>{msg.text}</p>}
    </form>
  );
}
