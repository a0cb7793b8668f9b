"use client";
// Sends an OCPP command to a charger and shows the charger's answer.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import { FieldErrors, formValues, type ActionResult } from "./action-form.tsx";

type Outcome = { id: string; action: string; status: string; response: unknown; error: string | null };

const ACTIONS = ["Reset", "UnlockConnector", "ChangeAvailability", "TriggerMessage", "GetConfiguration", "ClearCache"] as const;
const TRIGGERS = ["StatusNotification", "Heartbeat", "BootNotification", "MeterValues", "DiagnosticsStatusNotification", "FirmwareStatusNotification"];
const select = "border border-slate-300 rounded-md px-2 py-1.5 text-sm bg-white";

export function CommandForm(props: { stationId: string; connectors: number[]; action: (i: unknown) => Promise<ActionResult>; m: Record<string, string> }) {
  const { m } = props;
  const router = useRouter();
  const [kind, setKind] = useState<(typeof ACTIONS)[number]>("Reset");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Extract<ActionResult, { ok: false }> | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const values = formValues(e.currentTarget);
    setBusy(true);
    setFailure(null);
    setOutcome(null);
    try {
      const r = await props.action({ ...values, stationId: props.stationId });
      if (r.ok) {
        setOutcome(r.data as Outcome);
        router.refresh();
      } else setFailure(r);
    } catch {
      setFailure({ ok: false, code: "NETWORK", error: m.failedRequest });
    } finally {
      setBusy(false);
    }
  }

  const connectorSelect = (withZero: boolean) => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{m.connector}</span>
      <select name="connectorId" className={select} defaultValue={withZero ? "0" : String(props.connectors[0] ?? 1)}>
        {withZero && <option value="0">{m.wholeCharger}</option>}
        {props.connectors.map((c) => <option key={c} value={c}>#{c}</option>)}
      </select>
    </label>
  );

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" data-testid="command-form" aria-busy={busy}>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{m.command}</span>
          <select name="action" className={select} value={kind} onChange={(e) => setKind(e.target.value as (typeof ACTIONS)[number])} data-testid="command-action">
            {ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        {kind === "Reset" && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{m.resetType}</span>
            <select name="resetType" className={select}><option value="Soft">Soft</option><option value="Hard">Hard</option></select>
          </label>
        )}
        {kind === "UnlockConnector" && connectorSelect(false)}
        {kind === "ChangeAvailability" && (
          <>
            {connectorSelect(true)}
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium">{m.availability}</span>
              <select name="availability" className={select}><option value="Operative">Operative</option><option value="Inoperative">Inoperative</option></select>
            </label>
          </>
        )}
        {kind === "TriggerMessage" && (
          <>
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium">{m.message}</span>
              <select name="requestedMessage" className={select}>{TRIGGERS.map((x) => <option key={x} value={x}>{x}</option>)}</select>
            </label>
            {connectorSelect(true)}
          </>
        )}
        {kind === "GetConfiguration" && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{m.keys}</span>
            <input name="keys" className={select} placeholder="HeartbeatInterval, MeterValueSampleInterval" />
          </label>
        )}
        <button type="submit" disabled={busy} className="rounded-md bg-brand-600 text-white px-3 py-1.5 text-sm font-medium disabled:opacity-60" data-testid="command-send">
          {busy ? m.waiting : m.send}
        </button>
      </form>
      {failure && <FormError message={failure.error} />}
      {failure && <FieldErrors errors={failure.fieldErrors} />}
      {outcome && (
        <div role="status" className="text-sm flex flex-col gap-1" data-testid="command-outcome">
          <p>
            <span className="font-medium">{outcome.action}</span>: <span data-testid="command-status">{m[`status_${outcome.status}`] ?? outcome.status}</span>
          </p>
          {outcome.error && <p className="text-red-700">{outcome.error}</p>}
          {outcome.response !== null && outcome.response !== undefined && (
            <pre className="text-xs bg-slate-50 rounded p-2 overflow-x-auto" data-testid="command-response">{JSON.stringify(outcome.response, null, 2)}</pre>
          )}
        </div>
      )}
    </div>
  );
}
