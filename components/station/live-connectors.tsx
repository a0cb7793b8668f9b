"use client";
// The station's connectors with their status kept live from the charger's
// StatusNotifications (SSE), and the book / start-charging links per connector.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useLiveEvents } from "@/components/live/use-live-events.ts";
import { fill, type TStrings } from "@/components/map/strings.ts";
import { formatKw } from "@/lib/format.ts";

type TConnector = { id: string; connectorId: number; type: string; powerType: string; maxPowerKw: number; status: string; price: string[] };

const STATUS_COLOUR: Record<string, string> = {
  AVAILABLE: "bg-emerald-100 text-emerald-800", CHARGING: "bg-amber-100 text-amber-800", PREPARING: "bg-amber-100 text-amber-800",
  SUSPENDED_EV: "bg-amber-100 text-amber-800", SUSPENDED_EVSE: "bg-amber-100 text-amber-800", FINISHING: "bg-amber-100 text-amber-800",
  RESERVED: "bg-sky-100 text-sky-800", FAULTED: "bg-red-100 text-red-800", UNAVAILABLE: "bg-red-100 text-red-800",
};

export function LiveConnectors(props: {
  stationId: string; connectors: TConnector[]; actions: boolean; maintenance: boolean; locale: string; s: TStrings;
  /** null: no OCPP charger (nothing to be offline); else whether it is connected now. */
  chargerOnline: boolean | null;
}) {
  const { s } = props;
  const [status, setStatus] = useState<Record<number, string>>({});
  const [online, setOnline] = useState(props.chargerOnline);
  const router = useRouter();
  // A refresh (below) brings the statuses and online state as stored now.
  useEffect(() => setOnline(props.chargerOnline), [props.chargerOnline]);
  const resync = () => {
    setStatus({});
    router.refresh();
  };
  useLiveEvents({ stations: [props.stationId] }, (e) => {
    if (e.type === "connector_status" && e.stationId === props.stationId && !props.maintenance) {
      setStatus((m) => ({ ...m, [e.connectorId]: e.status }));
    }
    if (e.type === "station" && e.stationId === props.stationId && online !== null) {
      setOnline(e.isOnline);
      // A reconnecting charger reports its statuses again; until then they are not known.
      if (!e.isOnline) setStatus({});
    }
  }, resync);
  const offline = online === false;
  return (
    <ul className="flex flex-col gap-2" data-testid="connectors">
      {props.connectors.map((c) => {
        const st = offline ? "UNKNOWN" : (status[c.connectorId] ?? c.status);
        return (
          <li key={c.id} className="bg-white rounded-lg border border-slate-200 p-3 flex flex-col gap-2" data-testid="connector" data-connector={c.connectorId}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <p className="font-medium">{s[`map.connector.${c.type}`] ?? c.type} · {formatKw(c.maxPowerKw, props.locale)}</p>
                <p className="text-sm text-slate-600">{fill(s["station.connectorN"], { n: c.connectorId })} · {s[`station.powerType.${c.powerType}`] ?? c.powerType}</p>
              </div>
              <span aria-live="polite" data-testid="connector-status" data-status={st}
                className={`rounded-full px-2.5 py-1 text-sm font-medium ${STATUS_COLOUR[st] ?? "bg-slate-100 text-slate-700"}`}>
                {s[`station.status.${st}`] ?? st}
              </span>
            </div>
            <div className="text-sm">
              {c.price.length ? c.price.map((line) => <p key={line}>{line}</p>) : <p className="text-slate-600">{s["station.priceUnknown"]}</p>}
            </div>
            {props.actions && (
              <div className="flex flex-wrap gap-2">
                <a href={`/stations/${props.stationId}/book?connector=${c.id}`} className="rounded-md border border-brand-600 text-brand-700 px-3 py-2 font-medium">{s["station.book"]}</a>
                {offline
                  ? <span className="text-sm text-slate-600 self-center" data-testid="charger-offline">{s["station.chargerOffline"]}</span>
                  : <a href={`/stations/${props.stationId}/charge?connector=${c.id}`} className="rounded-md bg-brand-600 text-white px-3 py-2 font-medium">{s["station.charge"]}</a>}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
