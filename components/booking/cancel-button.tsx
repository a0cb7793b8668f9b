"use client";
// Cancel a booking; the answer says whether it was free.
import { useState } from "react";
import { useRouter } from "next/navigation";

export function CancelBookingButton(props: { bookingId: string; action: (i: unknown) => Promise<{ ok: true; data: { message?: string } } | { ok: false; error: string }>; label: string; working: string; free: string; late: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState<{ ok: boolean; t: string } | null>(null);
  async function run() {
    setBusy(true);
    const r = await props.action({ bookingId: props.bookingId }).catch(() => ({ ok: false as const, error: "Network error. Please try again." }));
    setText(r.ok ? { ok: true, t: r.data.message === "free" ? props.free : props.late } : { ok: false, t: r.error });
    setBusy(false);
    if (r.ok) router.refresh();
  }
  return (
    <span className="inline-flex flex-col gap-1">
      <button type="button" onClick={run} disabled={busy} data-testid="cancel-booking" className="rounded-md border border-red-300 text-red-700 px-3 py-1.5 text-sm bg-white disabled:opacity-50">{busy ? props.working : props.label}</button>
      {text && <span role={text.ok ? "status" : "alert"} className={`text-xs ${text.ok ? "text-brand-700" : "text-red-700"}`}>{text.t}</span>}
    </span>
  );
}
