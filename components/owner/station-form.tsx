"use client";
// The listing form: place, hours, connectors, price, amenities and contact in
// one submission, so the station is never saved half-described. Field errors
// come back by path ("connectors.1.maxPowerKw", "hours.tue", "tariff.json").
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/ui/field.tsx";
import type { TStationForm } from "@/lib/owner/station-read.ts";

const LocationPicker = dynamic(() => import("./location-picker.tsx"), { ssr: false, loading: () => null });

type TAnswer = { ok: true; data: { message?: string; redirectTo?: string } } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const PLUGS = ["TYPE2", "CCS", "CHADEMO", "TYPE1", "GBT", "TESLA", "SCHUKO", "OTHER"];
const POWERS = ["AC_3_PHASE", "AC_1_PHASE", "DC"];
const input = "border border-slate-300 rounded-md px-3 py-2 text-base bg-white aria-[invalid=true]:border-red-500 min-w-0 w-full";

export function StationForm(props: {
  action: (input: unknown) => Promise<TAnswer>;
  stationId?: string;
  initial: TStationForm;
  amenities: { code: string; name: string }[];
  timeZones: string[];
  tileUrl: string | null;
  m: Record<string, string>;
}) {
  const { m } = props;
  const router = useRouter();
  const id = useId();
  const [f, setF] = useState<TStationForm>(props.initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [errs, setErrs] = useState<Record<string, string[]>>({});
  const set = <K extends keyof TStationForm>(k: K, v: TStationForm[K]) => setF((p) => ({ ...p, [k]: v }));
  const err = (path: string) => errs[path] ?? (path === "connectors.0.type" ? errs["connectors"] : undefined);

  function field(path: string, label: string, el: (p: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode, hint?: string) {
    const fid = `${id}-${path}`;
    const e = err(path);
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={fid} className="text-sm font-medium">{label}</label>
        {el({ id: fid, "aria-invalid": e?.length ? true : undefined, "aria-describedby": [hint && `${fid}-hint`, e?.length && `${fid}-err`].filter(Boolean).join(" ") || undefined })}
        {hint && <p id={`${fid}-hint`} className="text-xs text-slate-500">{hint}</p>}
        {e?.length ? <p id={`${fid}-err`} className="text-sm text-red-600" data-testid="field-error">{e.join(" ")}</p> : null}
      </div>
    );
  }
  const text = (k: "name" | "address" | "city" | "postalCode" | "country" | "lat" | "lng" | "phone" | "email" | "website", label: string, type = "text") =>
    field(k, label, (p) => <input {...p} type={type} className={input} value={f[k]} onChange={(e) => set(k, e.target.value)} inputMode={k === "lat" || k === "lng" ? "decimal" : undefined} />);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null); setMessage(null); setErrs({});
    const tariff = f.tariff.mode === "simple"
      ? { mode: "simple", currency: f.tariff.currency, pricePerKwh: f.tariff.pricePerKwh, pricePerHour: f.tariff.pricePerHour, vatPercent: f.tariff.vatPercent }
      : { mode: "ocpi", json: f.tariff.json };
    const station = { ...f, tariff };
    try {
      const res = await props.action(props.stationId ? { stationId: props.stationId, station } : { station });
      if (!res.ok) { setError(res.error); setErrs(res.fieldErrors ?? {}); return; }
      setMessage(res.data.message ?? null);
      if (res.data.redirectTo) router.push(res.data.redirectTo);
      else router.refresh();
    } catch {
      setError(m["owner.common.networkError"]);
    } finally {
      setBusy(false);
    }
  }

  const section = "bg-white rounded-lg border border-slate-200 p-4 flex flex-col gap-3";
  const lat = Number(f.lat), lng = Number(f.lng);
  return (
    <form onSubmit={submit} noValidate aria-busy={busy} className="flex flex-col gap-4" data-testid="station-form">
      <FormError message={error} />
      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["owner.form.basics"]}</legend>
        {text("name", m["owner.form.name"])}
        {field("description", m["owner.form.description"], (p) => <textarea {...p} rows={2} className={input} value={f.description} onChange={(e) => set("description", e.target.value)} />)}
      </fieldset>
      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["owner.form.place"]}</legend>
        {text("address", m["owner.form.address"])}
        <div className="grid sm:grid-cols-3 gap-3">{text("city", m["owner.form.city"])}{text("postalCode", m["owner.form.postalCode"])}{text("country", m["owner.form.country"])}</div>
        <div className="grid sm:grid-cols-2 gap-3">{text("lat", m["owner.form.lat"])}{text("lng", m["owner.form.lng"])}</div>
        <p className="text-xs text-slate-500">{m["owner.form.mapHint"]}</p>
        <LocationPicker lat={f.lat.trim() && Number.isFinite(lat) ? lat : null} lng={f.lng.trim() && Number.isFinite(lng) ? lng : null} tileUrl={props.tileUrl} label={m["owner.form.place"]}
          onPick={(la, ln) => setF((p) => ({ ...p, lat: String(la), lng: String(ln) }))} />
        {field("timeZone", m["owner.form.timeZone"], (p) => (
          <select {...p} className={input} value={f.timeZone} onChange={(e) => set("timeZone", e.target.value)}>
            {props.timeZones.map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        ))}
      </fieldset>
      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["owner.form.hours"]}</legend>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={f.is24x7} onChange={(e) => set("is24x7", e.target.checked)} /> {m["owner.form.is24x7"]}</label>
        {!f.is24x7 && (
          <div className="grid sm:grid-cols-2 gap-3" data-testid="hours">
            {DAYS.map((d) => field(`hours.${d}`, m[`owner.day.${d}`], (p) => <input {...p} className={input} value={f.hours[d]} placeholder="08:00-20:00" onChange={(e) => set("hours", { ...f.hours, [d]: e.target.value })} />))}
            <p className="text-xs text-slate-500 sm:col-span-2">{m["owner.form.hoursHint"]}</p>
          </div>
        )}
      </fieldset>
      <fieldset className={section} data-testid="connectors">
        <legend className="font-semibold px-1">{m["owner.form.connectors"]}</legend>
        {errs["connectors"] && <p className="text-sm text-red-600" data-testid="field-error">{errs["connectors"].join(" ")}</p>}
        {f.connectors.map((c, i) => {
          const upd = (k: "type" | "powerType" | "maxPowerKw", v: string) => set("connectors", f.connectors.map((x, j) => (j === i ? { ...x, [k]: v } : x)));
          return (
            <div key={i} className="grid grid-cols-2 sm:grid-cols-[1fr_1fr_1fr_auto] gap-2 items-end border-b border-slate-100 pb-2" data-testid="connector-row">
              {field(`connectors.${i}.type`, `${m["owner.form.connector"].replace("{n}", String(i + 1))}: ${m["owner.form.plugType"]}`, (p) => (
                <select {...p} className={input} value={c.type} onChange={(e) => upd("type", e.target.value)}>{PLUGS.map((x) => <option key={x} value={x}>{m[`plug.${x}`] ?? x}</option>)}</select>
              ))}
              {field(`connectors.${i}.powerType`, m["owner.form.powerType"], (p) => (
                <select {...p} className={input} value={c.powerType} onChange={(e) => upd("powerType", e.target.value)}>{POWERS.map((x) => <option key={x} value={x}>{m[`owner.power.${x}`]}</option>)}</select>
              ))}
              {field(`connectors.${i}.maxPowerKw`, m["owner.form.power"], (p) => <input {...p} className={input} inputMode="decimal" value={c.maxPowerKw} onChange={(e) => upd("maxPowerKw", e.target.value)} />)}
              <button type="button" className="rounded-md border border-slate-300 px-3 py-2 text-sm disabled:opacity-50" disabled={f.connectors.length <= 1}
                onClick={() => set("connectors", f.connectors.filter((_, j) => j !== i))}>{m["owner.form.removeConnector"]}</button>
            </div>
          );
        })}
        <div><button type="button" className="rounded-md border border-slate-300 px-3 py-2 text-sm" onClick={() => set("connectors", [...f.connectors, { type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: "22" }])}>{m["owner.form.addConnector"]}</button></div>
      </fieldset>
      <fieldset className={section} data-testid="tariff">
        <legend className="font-semibold px-1">{m["owner.form.tariff"]}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["simple", "ocpi"] as const).map((mode) => (
            <label key={mode} className="flex items-center gap-2"><input type="radio" name={`${id}-mode`} checked={f.tariff.mode === mode} onChange={() => set("tariff", { ...f.tariff, mode })} />
              {m[mode === "simple" ? "owner.form.tariffSimple" : "owner.form.tariffOcpi"]}</label>
          ))}
        </div>
        {f.tariff.mode === "simple" ? (
          <div className="grid sm:grid-cols-4 gap-3">
            {field("tariff.currency", m["owner.form.currency"], (p) => <input {...p} className={input} maxLength={3} value={f.tariff.currency} onChange={(e) => set("tariff", { ...f.tariff, currency: e.target.value.toUpperCase() })} />)}
            {field("tariff.pricePerKwh", m["owner.form.pricePerKwh"], (p) => <input {...p} className={input} inputMode="decimal" value={f.tariff.pricePerKwh} onChange={(e) => set("tariff", { ...f.tariff, pricePerKwh: e.target.value })} />)}
            {field("tariff.pricePerHour", m["owner.form.pricePerHour"], (p) => <input {...p} className={input} inputMode="decimal" value={f.tariff.pricePerHour} onChange={(e) => set("tariff", { ...f.tariff, pricePerHour: e.target.value })} />)}
            {field("tariff.vatPercent", m["owner.form.vat"], (p) => <input {...p} className={input} inputMode="decimal" value={f.tariff.vatPercent} onChange={(e) => set("tariff", { ...f.tariff, vatPercent: e.target.value })} />)}
          </div>
        ) : (
          field("tariff.json", m["owner.form.tariffJson"], (p) => <textarea {...p} rows={10} className={`${input} font-mono text-sm`} value={f.tariff.json} onChange={(e) => set("tariff", { ...f.tariff, json: e.target.value })} />, m["owner.form.tariffJsonHint"])
        )}
      </fieldset>
      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["owner.form.amenities"]}</legend>
        {errs["amenities"] && <p className="text-sm text-red-600" data-testid="field-error">{errs["amenities"].join(" ")}</p>}
        <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {props.amenities.map((a) => (
            <label key={a.code} className="flex items-center gap-2"><input type="checkbox" checked={f.amenities.includes(a.code)}
              onChange={(e) => set("amenities", e.target.checked ? [...f.amenities, a.code] : f.amenities.filter((x) => x !== a.code))} /> {a.name}</label>
          ))}
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["owner.form.contact"]}</legend>
        <div className="grid sm:grid-cols-3 gap-3">{text("phone", m["owner.form.phone"], "tel")}{text("email", m["owner.form.email"], "email")}{text("website", m["owner.form.website"])}</div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className="rounded-md bg-brand-600 text-white px-4 py-2 font-medium hover:bg-brand-700 disabled:opacity-60">
          {busy ? m["owner.form.working"] : props.stationId ? m["owner.form.save"] : m["owner.form.create"]}
        </button>
        {message && <p role="status" data-testid="form-success" className="text-sm text-brand-700">{message}</p>}
      </div>
    </form>
  );
}
