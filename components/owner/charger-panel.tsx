"use client";
// The station's OCPP charger: identity, WebSocket URL, the password right
// after it was generated (only then), and whether it is connected — live,
// from the "station" events the OCPP server publishes.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useLiveEvents } from "@/components/live/use-live-events.ts";

type TAnswer = { ok: true; data: { identity: string; password: string } } | { ok: false; error: string };

export function ChargerPanel(props: {
  stationId: string;
  identity: string | null;
  urlBase: string;
  isOnline: boolean;
  lastHeartbeat: string | null;
  hardware: string | null;
  action: (input: unknown) => Promise<TAnswer>;
  m: Record<string, string>;
}) {
  const { m } = props;
  const router = useRouter();
  const [online, setOnline] = useState(props.isOnline);
  const [identity, setIdentity] = useState(props.identity);
  const [password, setPassword] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A refreshed page brings the stored flag (see onOpen below).
  useEffect(() => setOnline(props.isOnline), [props.isOnline]);
  useLiveEvents(
    { stations: [props.stationId] },
    (e) => {
      if (e.type === "station" && e.stationId === props.stationId) {
        setOnline(e.isOnline);
        router.refresh();
      }
    },
    // A charger that connected before the event stream opened (or while it
    // was reconnecting) sent its event to nobody: re-read the page.
    () => router.refresh(),
  );

  async function generate() {
    if (identity && !window.confirm(m["owner.charger.regenerateConfirm"])) return;
    setBusy(true); setError(null);
    try {
      const r = await props.action({ stationId: props.stationId });
      if (!r.ok) { setError(r.error); return; }
      setIdentity(r.data.identity);
      setPassword(r.data.password);
    } catch {
      setError(m["owner.common.networkError"]);
    } finally {
      setBusy(false);
    }
  }

  const row = "grid sm:grid-cols-[14rem_1fr] gap-1 py-2 border-b border-slate-100";
  return (
    <div className="flex flex-col gap-2" data-testid="charger-panel">
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {!identity ? (
        <p className="text-slate-600">{m["owner.charger.none"]}</p>
      ) : (
        <dl className="text-sm">
          <div className={row}><dt className="font-medium">{m["owner.charger.identity"]}</dt><dd className="font-mono" data-testid="charger-identity">{identity}</dd></div>
          <div className={row}><dt className="font-medium">{m["owner.charger.url"]}</dt><dd className="font-mono break-all" data-testid="charger-url">{`${props.urlBase}${encodeURIComponent(identity)}`}</dd></div>
          <div className={row}><dt className="font-medium">{m["owner.charger.password"]}</dt>
            <dd>{password ? (
              <><span className="font-mono bg-amber-50 border border-amber-200 rounded px-2 py-0.5 select-all" data-testid="charger-password">{password}</span>
                <span role="status" className="block text-xs text-amber-800 mt-1">{m["owner.charger.passwordOnce"]}</span></>
            ) : <span className="text-slate-500">{m["owner.charger.passwordHidden"]}</span>}</dd></div>
          <div className={row}><dt className="font-medium">{m["owner.charger.connection"]}</dt>
            <dd><span data-testid="charger-connection" className={online ? "text-brand-700 font-medium" : "text-slate-600"}>{online ? m["owner.charger.online"] : m["owner.charger.offline"]}</span>
              <span className="text-slate-500"> · {m["owner.charger.lastHeartbeat"]}: {props.lastHeartbeat ?? m["owner.charger.never"]}</span></dd></div>
          {props.hardware && <div className={row}><dt className="font-medium">{m["owner.charger.hardware"]}</dt><dd>{props.hardware}</dd></div>}
        </dl>
      )}
      <div>
        <button type="button" onClick={generate} disabled={busy} data-testid={identity ? "charger-regenerate" : "charger-setup"}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60">
          {busy ? m["owner.charger.working"] : identity ? m["owner.charger.regenerate"] : m["owner.charger.setUp"]}
        </button>
      </div>
    </div>
  );
}
