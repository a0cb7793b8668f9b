"use client";
// While on the way the van shares its position: the browser's
// watchPosition, sent at most every few seconds (a phone reports far more
// often). Desktops without GPS, and tests, use the manual form beside it.
import { useEffect, useRef, useState } from "react";
import type { TMobileAction, TStrings } from "./types.ts";

const EVERY_MS = 5000;

export function ShareLocation(props: { requestId: string; action: TMobileAction; m: TStrings }) {
  const { m } = props;
  const [on, setOn] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const last = useRef(0);
  const watch = useRef<number | null>(null);

  useEffect(() => () => { if (watch.current !== null) navigator.geolocation.clearWatch(watch.current); }, []);

  function toggle() {
    if (on) {
      if (watch.current !== null) navigator.geolocation.clearWatch(watch.current);
      watch.current = null;
      setOn(false);
      setStatus(m["provider.share.stopped"]);
      return;
    }
    if (!("geolocation" in navigator)) { setStatus(m["provider.share.unavailable"]); return; }
    setOn(true);
    setStatus(m["provider.share.waiting"]);
    watch.current = navigator.geolocation.watchPosition(
      async (p) => {
        const now = Date.now();
        if (now - last.current < EVERY_MS) return;
        last.current = now;
        const res = await props.action({ requestId: props.requestId, lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }).catch(() => null);
        setStatus(res?.ok ? res.data.message ?? m["provider.share.on"] : res ? res.error : "Network error.");
      },
      (err) => { setStatus(err.code === err.PERMISSION_DENIED ? m["provider.share.denied"] : m["provider.share.unavailable"]); setOn(false); },
      { enableHighAccuracy: true, maximumAge: 5000, timeout: 20000 },
    );
  }

  return (
    <div className="flex flex-col gap-1">
      <button type="button" onClick={toggle} aria-pressed={on} data-testid="share-location" className={`rounded-md px-4 py-2 font-medium ${on ? "bg-amber-100 border border-amber-300" : "border border-slate-300 bg-white"}`}>
        {on ? m["provider.share.stop"] : m["provider.share.start"]}
      </button>
      {status && <p role="status" className="text-xs text-slate-600" data-testid="share-status">{status}</p>}
    </div>
  );
}
