"use client";
// Cancel a booking; the list page then says whether it was free.
import { useState } from "react";
import { useRouter } from "next/navigation";

export function CancelBookingButton(props: { bookingId: string; action: (i: unknown) => Promise<{ ok: true; data: { href: string } } | { ok: false; error: string }>; label: string; working: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    const r = await props.action({ bookingId: props.bookingId }).catch(() => ({ ok: false as const, error: "Network error. Please try again." }));
    if (r.ok) router.push(r.data.href);
    else setError(r.error);
    setBusy(false);
  }
  return (
    <span className="inline-flex flex-col gap-1">
      <button type="button" onClick={run} disabled={busy} data-testid="cancel-booking" className="rounded-md border border-red-300 text-red-700 px-3 py-1.5 text-sm bg-white disabled:opacity-50">{busy ? props.working : props.label}</button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}
