"use client";
// The live board: connector status and error codes, connection state and the
// running session's energy and power arrive over /api/events and are patched
// in place; a session starting or ending re-reads the board from the server.
import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLiveEvents } from "@/components/live/use-live-events.ts";
import type { TBoardSpot } from "@/lib/garage/board.ts";
import { formatKwh, kwUnit } from "@/lib/format.ts";
import type { TRealtimeEvent } from "@/lib/realtime/events.ts";

export type TBoardMessages = Record<
  "spot" | "noSpot" | "charger" | "noCharger" | "online" | "offline" | "connector" | "error" | "renter" | "vacant" | "energy" | "power" | "idle" | "live" | "session",
  string
> & { statuses: Record<string, string> };

const kwh = (wh: number, locale: string) => formatKwh(wh, locale, 3);
const kw = (w: number | null, locale: string) => (w === null ? "—" : `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(w / 1000)} ${kwUnit(locale)}`);

function apply(rows: TBoardSpot[], e: TRealtimeEvent): TBoardSpot[] {
  if (e.type !== "station" && e.type !== "connector_status" && e.type !== "meter") return rows;
  return rows.map((r) => {
    if (!r.charger || r.charger.id !== e.stationId) return r;
    switch (e.type) {
      case "station":
        return { ...r, charger: { ...r.charger, isOnline: e.isOnline } };
      case "connector_status":
        if (e.connectorId === 0) return { ...r, charger: { ...r.charger, status: e.status, errorCode: e.errorCode } };
        return {
          ...r,
          charger: {
            ...r.charger,
            connectors: r.charger.connectors.some((c) => c.connectorId === e.connectorId)
              ? r.charger.connectors.map((c) => (c.connectorId === e.connectorId ? { ...c, status: e.status, errorCode: e.errorCode } : c))
              : [...r.charger.connectors, { connectorId: e.connectorId, status: e.status, errorCode: e.errorCode }],
          },
        };
      case "meter":
        if (!r.session || r.session.id !== e.sessionId) return r;
        return { ...r, session: { ...r.session, energyWh: e.energyWh ?? r.session.energyWh, powerW: e.powerW ?? r.session.powerW } };
      default:
        return r;
    }
  });
}

export function LiveBoard({ initial, siteId, m, locale }: { initial: TBoardSpot[]; siteId: string; m: TBoardMessages; locale: string }) {
  const router = useRouter();
  const [rows, setRows] = useState(initial);
  useEffect(() => setRows(initial), [initial]);
  const stationIds = initial.map((r) => r.charger?.id).filter((x): x is string => !!x);
  useLiveEvents({ stations: stationIds }, (e) => {
    if (e.type === "session") {
      // A new or finished session changes who is charging: re-read the board.
      router.refresh();
      return;
    }
    setRows((prev) => apply(prev, e));
  }, () => router.refresh()); // (re)subscribed: re-read what may have changed unseen
  const status = (s: string | null) => (s ? m.statuses[s] ?? s : "—");

  return (
    <div>
      <p className="text-xs text-slate-500 mb-2 flex items-center gap-1"><span aria-hidden className="inline-block w-2 h-2 rounded-full bg-brand-500 animate-pulse" /> {m.live}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="live-board">
        {rows.map((r) => (
          <li key={r.spotId ?? r.charger?.id} className="bg-white rounded-lg border border-slate-200 p-4 flex flex-col gap-2" data-testid="board-spot" data-spot={r.label ?? ""}>
            <div className="flex items-baseline justify-between gap-2">
              <h2 className="font-semibold text-lg">{r.label ?? m.noSpot}</h2>
              <span className="text-xs text-slate-500">{r.floorLevel}</span>
            </div>
            <p className="text-sm">
              <span className="text-slate-500">{m.renter}: </span>
              <span data-testid="board-renter">{r.renter ? r.renter.name : m.vacant}</span>
            </p>
            {r.charger ? (
              <div className="text-sm flex flex-col gap-1">
                <p className="flex items-center gap-2">
                  <Link href={`/garage/${siteId}/chargers/${r.charger.id}`} className="font-mono underline">{r.charger.identity}</Link>
                  <span data-testid="board-connection" className={`text-xs rounded px-1.5 py-0.5 ${r.charger.isOnline ? "bg-brand-100 text-brand-700" : "bg-slate-200 text-slate-700"}`}>
                    {r.charger.isOnline ? m.online : m.offline}
                  </span>
                </p>
                {r.charger.connectors.map((c) => (
                  <p key={c.connectorId} data-testid="board-connector">
                    {m.connector.replace("{n}", String(c.connectorId))}: <strong data-testid="board-connector-status">{status(c.status)}</strong>
                    {c.errorCode && c.errorCode !== "NoError" && <span className="text-red-700"> · {m.error}: <span data-testid="board-error">{c.errorCode}</span></span>}
                  </p>
                ))}
                {r.charger.errorCode && r.charger.errorCode !== "NoError" && <p className="text-red-700">{m.error}: {r.charger.errorCode}</p>}
              </div>
            ) : (
              <p className="text-sm text-slate-500">{m.noCharger}</p>
            )}
            {r.session ? (
              <div className="rounded-md bg-brand-50 border border-brand-100 p-2 text-sm" data-testid="board-session">
                <p className="font-medium">{m.session}{r.session.renterName ? ` · ${r.session.renterName}` : ""}{r.session.idTag ? ` · ${r.session.idTag}` : ""}</p>
                <p>{m.energy}: <strong data-testid="board-energy">{kwh(r.session.energyWh, locale)}</strong> · {m.power}: <strong data-testid="board-power">{kw(r.session.powerW, locale)}</strong></p>
              </div>
            ) : (
              r.charger && <p className="text-xs text-slate-500" data-testid="board-idle">{m.idle}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
