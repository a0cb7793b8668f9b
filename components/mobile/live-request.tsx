"use client";
// The driver's view of a request while it moves: status, the van on the map
// and its ETA, updated from "mobile" live events without a reload. A status
// change also refreshes the server-rendered parts (final energy and price,
// the rating form).
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useLiveEvents } from "@/components/live/use-live-events.ts";
import { MobileMap } from "./map.tsx";
import type { TStrings } from "./types.ts";

type TState = { status: string; providerLat: number | null; providerLng: number | null; etaMinutes: number | null };

export function LiveRequest(props: { requestId: string; at: { lat: number; lng: number }; initial: TState; tileUrl: string | null; m: TStrings }) {
  const { m } = props;
  const router = useRouter();
  const [s, setS] = useState<TState>(props.initial);
  const [live, setLive] = useState(false);
  const status = useRef(props.initial.status);
  const initialKey = JSON.stringify(props.initial);
  useEffect(() => {
    status.current = props.initial.status;
    setS(props.initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialKey]);

  useLiveEvents({ mobile: [props.requestId] }, (e) => {
    if (e.type !== "mobile" || e.requestId !== props.requestId) return;
    setLive(true);
    // A new status, or a final one (its money may have moved): re-read the server parts.
    if (status.current !== e.status || e.status === "COMPLETED" || e.status === "CANCELLED") {
      status.current = e.status;
      router.refresh();
    }
    setS((prev) => ({ status: e.status, providerLat: e.lat ?? prev.providerLat, providerLng: e.lng ?? prev.providerLng, etaMinutes: e.etaMinutes ?? prev.etaMinutes }));
  });

  const moving = s.status === "CONFIRMED" || s.status === "EN_ROUTE";
  const van = s.providerLat != null && s.providerLng != null;
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="live-request" data-live={live ? "yes" : "no"}>
      <p className="text-lg">{m["mobile.req.status"]}: <strong data-testid="request-status" data-status={s.status}>{m[`mobile.status.${s.status}`] ?? s.status}</strong></p>
      <p className="text-sm text-slate-600">{m[`mobile.statusHelp.${s.status}`]}</p>
      {moving && (
        <p className="text-2xl font-semibold" aria-live="polite">
          {m["mobile.req.eta"]}: <span data-testid="eta" data-minutes={s.etaMinutes ?? ""}>{s.etaMinutes != null ? m["mobile.minutes"].replace("{minutes}", String(s.etaMinutes)) : "—"}</span>
        </p>
      )}
      {moving && !van && <p className="text-sm text-slate-600" data-testid="no-position">{m["mobile.req.noPosition"]}</p>}
      <MobileMap center={props.at} tileUrl={props.tileUrl} label={m["mobile.req.map"]} testId="track-map" className="h-48 sm:h-64"
        markers={[{ id: "driver", lat: props.at.lat, lng: props.at.lng, color: "#dc2626", label: m["mobile.req.driverPin"] },
          ...(van && moving ? [{ id: "van", lat: s.providerLat!, lng: s.providerLng!, color: "#2563eb", label: m["mobile.req.vanPin"] }] : [])]} />
      {van && moving && <p className="text-xs text-slate-500" data-testid="van-position">{m["mobile.req.vanAt"]} {s.providerLat!.toFixed(5)}, {s.providerLng!.toFixed(5)}</p>}
    </section>
  );
}
