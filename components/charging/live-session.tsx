"use client";
// The live session: status, power, energy and cost so far. Every meter or
// session event (SSE) re-reads the state; a slow poll covers the moments no
// event can reach this page (the charger's own session appearing, a lost stream).
import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useLiveEvents } from "@/components/live/use-live-events.ts";
import type { TLiveSession } from "@/lib/sessions/live-state.ts";
import { formatMoney } from "@/lib/format.ts";

type S = Record<string, string>;

export function LiveSession(props: { initial: TLiveSession; locale: string; s: S; stop: (input: unknown) => Promise<{ ok: boolean; error?: string }> }) {
  const router = useRouter();
  const [state, setState] = useState(props.initial);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { s, locale } = props;

  const refresh = useCallback(async () => {
    const res = await fetch(`/sessions/${state.id}/state`, { cache: "no-store" }).catch(() => null);
    if (!res?.ok) return;
    const next = (await res.json()) as TLiveSession;
    setState(next);
    if (next.id !== state.id) router.replace(`/sessions/${next.id}`);
  }, [state.id, router]);

  useLiveEvents({ stations: [state.stationId], sessions: [state.id] }, (e) => {
    if (e.type === "meter" && e.sessionId === state.id) setState((cur) => ({ ...cur, energyWh: e.energyWh ?? cur.energyWh, powerW: e.powerW ?? cur.powerW }));
    if (e.type === "meter" || e.type === "session" || e.type === "connector_status") void refresh();
  }, () => void refresh()); // (re)subscribed: re-read what may have changed unseen
  const pending = state.status === "PENDING" || (state.status === "COMPLETED" && !state.costFinal);
  useEffect(() => {
    if (state.status === "FAILED" || (state.status === "COMPLETED" && state.costFinal)) return;
    const timer = setInterval(() => void refresh(), pending ? 2000 : 10_000);
    return () => clearInterval(timer);
  }, [state.status, state.costFinal, pending, refresh]);

  async function stop() {
    setStopping(true);
    setError(null);
    const r = await props.stop({ sessionId: state.id }).catch(() => ({ ok: false, error: "Network error. Please try again." }));
    if (!r.ok) setError(r.error ?? "");
    await refresh();
    setStopping(false);
  }

  const money = (m: number | null) => (m === null ? "—" : formatMoney(m, state.currency, locale));
  const kwh = (wh: number) => `${new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(wh / 1000)} ${s["unit.kWh"]}`;
  const kw = (w: number) => `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(w / 1000)} ${s["unit.kW"]}`;
  // Before the charger's first reading the energy is not known: no "0.000" that looks like a fault.
  const waiting = state.awaitingMeter && state.energyWh === 0;
  const calculating = state.status === "COMPLETED" && !state.costFinal;
  const paid = state.paidWith?.kind === "wallet" ? s["session.capturedWallet"]
    : state.paidWith?.kind === "card" ? s["session.capturedCard"]!.replace("{card}", `${state.paidWith.brand ?? ""}${state.paidWith.last4 ? ` •••• ${state.paidWith.last4}` : ""}${state.paidWith.demo ? ` ${s["session.cardDemo"]}` : ""}`.trim())
    : s["session.captured"];
  const tone = state.status === "FAILED" ? "bg-red-100 text-red-800" : state.status === "ACTIVE" ? "bg-brand-100 text-brand-800" : "bg-slate-100 text-slate-800";
  return (
    <div className="flex flex-col gap-4" data-testid="live-session">
      <p className="flex items-center gap-2">
        <span className={`rounded-full px-3 py-1 text-sm font-medium ${tone}`} data-testid="session-status" data-status={state.status}>{s[`session.status.${state.status}`]}</span>
        {state.status === "ACTIVE" && <span className="text-xs text-slate-500">● {s["session.live"]}</span>}
      </p>
      <p className="text-sm text-slate-600">{state.stationName} · #{state.connectorNumber}</p>
      {state.status === "FAILED" && (
        <p role="alert" className="rounded-md bg-red-50 border border-red-200 text-red-700 px-3 py-2" data-testid="session-failed">{state.failureReason} {s["session.failedNote"]}</p>
      )}
      <div className="grid grid-cols-2 sm:grid-cols-4 gap-3">
        <Stat label={s["session.energy"]} value={waiting ? "…" : kwh(state.energyWh)} testId="session-energy" />
        <Stat label={s["session.power"]} value={state.powerW === null ? "—" : kw(state.powerW)} testId="session-power" />
        <Stat label={state.costFinal ? s["session.total"] : s["session.cost"]} value={calculating ? "…" : money(state.costMinor)} testId="session-cost" />
        <Stat label={s["session.soc"]} value={state.socPercent === null ? "—" : `${state.socPercent}%`} testId="session-soc" />
      </div>
      {waiting && <p className="text-sm text-slate-600" role="status" data-testid="session-awaiting-meter">{s["session.awaitingMeter"]}</p>}
      {calculating && <p className="text-sm text-slate-600" role="status" data-testid="session-calculating">{s["session.calculating"]}</p>}
      {state.targetWh !== null && state.status === "ACTIVE" && <p className="text-sm text-slate-600">{s["session.cap"].replace("{energy}", kwh(state.targetWh))}</p>}
      {state.lines.length > 0 && (
        <ul className="text-sm divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="session-lines">
          {state.lines.map((l, i) => (
            <li key={i} className="flex justify-between p-2"><span>{s[`session.line.${l.type}`] ?? l.type} · {l.quantity.toLocaleString(locale, { maximumFractionDigits: 3 })} {s[`unit.${l.unit}`] ?? l.unit}</span><span>{money(l.amountInclVat)}</span></li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-600">
        {state.holdMinor !== null && <>{s["session.hold"]}: {money(state.holdMinor)}</>}
        {state.capturedMinor !== null && <> · <span data-testid="session-captured">{paid}: {money(state.capturedMinor)}</span></>}
      </p>
      {state.unpaidMinor !== null && state.unpaidMinor > 0 && (
        <p role="alert" className="rounded-md bg-amber-50 border border-amber-300 text-amber-900 px-3 py-2 text-sm" data-testid="session-unpaid">
          {s["session.unpaid"]!.replace("{amount}", money(state.unpaidMinor))}{" "}
          <a href="/account/wallet" className="underline font-medium">{s["session.unpaidLink"]}</a>
        </p>
      )}
      {error && <p role="alert" className="text-red-700 text-sm" data-testid="form-error">{error}</p>}
      {state.status === "ACTIVE" && (
        <button type="button" onClick={stop} disabled={stopping} data-testid="stop-charging" className="rounded-md bg-red-600 text-white px-4 py-3 font-medium disabled:opacity-60 sm:self-start">
          {stopping ? s["session.stopping"] : s["session.stop"]}
        </button>
      )}
      {state.status === "COMPLETED" && state.costFinal && (
        <a href={`/account/receipts/session/${state.id}`} className="underline text-brand-700 font-medium" data-testid="session-receipt">{s["session.receipt"]}</a>
      )}
    </div>
  );
}

function Stat(props: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <p className="text-xs text-slate-500">{props.label}</p>
      <p className="text-lg font-semibold tabular-nums" data-testid={props.testId}>{props.value}</p>
    </div>
  );
}
