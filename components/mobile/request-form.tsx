"use client";
// The driver's request, in two steps on one page: describe where, what car
// and how much charge, see the services that can come (price estimate and
// response time), then pick one and pay (the card is held, not charged).
// The cancellation rules are shown before the confirm button.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { CardFields } from "@/components/payments/card-fields.tsx";
import { PLUG_TYPES, URGENCIES } from "@/lib/mobile/constants.ts";
import { inputClass, Labelled } from "./action-form.tsx";
import { MobileMap } from "./map.tsx";
import type { TStrings } from "./types.ts";

export type TOffer = {
  id: string; companyName: string; serviceName: string; description: string | null; isPremium: boolean; rating: string;
  distance: string; eta: string; base: string; travel: string; total: string; hold: string;
};
type TAnswer<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function RequestForm(props: {
  findOffers: (input: unknown) => Promise<TAnswer<{ offers: TOffer[] }>>;
  create: (input: unknown) => Promise<TAnswer<{ href?: string }>>;
  tileUrl: string | null;
  demo: boolean;
  pay: Parameters<typeof CardFields>[0]["s"];
  rules: string[];
  defaults: { phone: string; email: string };
  m: TStrings;
}) {
  const { m } = props;
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [lat, setLat] = useState("");
  const [lng, setLng] = useState("");
  const [wantKind, setWantKind] = useState<"energy" | "duration">("energy");
  const [when, setWhen] = useState<"now" | "scheduled">("now");
  const [offers, setOffers] = useState<TOffer[] | null>(null);
  const [busy, setBusy] = useState<"find" | "create" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [geo, setGeo] = useState<string | null>(null);
  const stale = () => setOffers(null);
  const n = (s: string) => (s.trim() === "" ? NaN : Number(s));
  const hasPoint = Number.isFinite(n(lat)) && Number.isFinite(n(lng));

  function values(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of new FormData(form.current!).entries()) if (typeof v === "string") out[k] = v;
    // The browser's local time, sent as an absolute instant.
    if (out.scheduledAt) out.scheduledAt = new Date(out.scheduledAt).toISOString();
    if (out.when !== "scheduled") delete out.scheduledAt;
    return out;
  }

  function showErrors(res: { error: string; fieldErrors?: Record<string, string[]> }) {
    setError(res.error);
    setFieldErrors(res.fieldErrors ?? {});
    for (const el of Array.from(form.current?.elements ?? []) as HTMLInputElement[]) {
      if (!el.name) continue;
      if (res.fieldErrors?.[el.name]?.length) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
    }
  }

  async function find() {
    setBusy("find"); setError(null); setFieldErrors({});
    try {
      const res = await props.findOffers(values());
      if (res.ok) { setOffers(res.data.offers); showErrors({ error: "", fieldErrors: {} }); setError(null); }
      else { setOffers(null); showErrors(res); }
    } catch { setError("Network error. Please try again."); }
    setBusy(null);
  }

  async function create(e: React.FormEvent) {
    e.preventDefault();
    if (!offers) return find();
    setBusy("create"); setError(null); setFieldErrors({});
    try {
      const res = await props.create(values());
      if (res.ok && res.data.href) { router.push(res.data.href); return; }
      if (!res.ok) showErrors(res);
    } catch { setError("Network error. Please try again."); }
    setBusy(null);
  }

  function myLocation() {
    if (!("geolocation" in navigator)) { setGeo(m["mobile.form.geoUnavailable"]); return; }
    setGeo(m["mobile.form.geoWaiting"]);
    navigator.geolocation.getCurrentPosition(
      (p) => { setLat(p.coords.latitude.toFixed(6)); setLng(p.coords.longitude.toFixed(6)); setGeo(null); stale(); },
      (err) => setGeo(err.code === err.PERMISSION_DENIED ? m["mobile.form.geoDenied"] : m["mobile.form.geoUnavailable"]),
      { enableHighAccuracy: true, timeout: 15000 },
    );
  }

  const section = "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4";
  const details = Object.entries(fieldErrors).filter(([, v]) => v.length);
  return (
    <form ref={form} onSubmit={create} noValidate className="flex flex-col gap-4" data-testid="mobile-request-form">
      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["mobile.form.where"]}</legend>
        <p className="text-sm text-slate-600">{m["mobile.form.whereHint"]}</p>
        <MobileMap center={hasPoint ? { lat: n(lat), lng: n(lng) } : null} tileUrl={props.tileUrl} label={m["mobile.form.where"]} testId="request-pin-map"
          markers={hasPoint ? [{ id: "me", lat: n(lat), lng: n(lng), color: "#dc2626", label: m["mobile.req.driverPin"] }] : []}
          onPick={(a, b) => { setLat(String(a)); setLng(String(b)); stale(); }} />
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" onClick={myLocation} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" data-testid="my-location">{m["mobile.form.myLocation"]}</button>
          {geo && <span role="status" className="text-sm text-slate-600">{geo}</span>}
        </div>
        <div className="grid gap-3 grid-cols-2">
          <Labelled id="rq-lat" label={m["mobile.form.lat"]}><input id="rq-lat" name="lat" inputMode="decimal" value={lat} onChange={(e) => { setLat(e.target.value); stale(); }} className={inputClass} /></Labelled>
          <Labelled id="rq-lng" label={m["mobile.form.lng"]}><input id="rq-lng" name="lng" inputMode="decimal" value={lng} onChange={(e) => { setLng(e.target.value); stale(); }} className={inputClass} /></Labelled>
        </div>
        <Labelled id="rq-address" label={m["mobile.form.address"]}><input id="rq-address" name="address" autoComplete="street-address" className={inputClass} /></Labelled>
      </fieldset>

      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["mobile.form.vehicle"]}</legend>
        <div className="grid gap-3 grid-cols-2 sm:grid-cols-3">
          <Labelled id="rq-vehicleType" label={m["mobile.form.vehicleType"]}><input id="rq-vehicleType" name="vehicleType" placeholder="VW ID.3" className={inputClass} /></Labelled>
          <Labelled id="rq-vehiclePlate" label={m["mobile.form.plate"]}><input id="rq-vehiclePlate" name="vehiclePlate" className={inputClass} /></Labelled>
          <Labelled id="rq-batteryLevel" label={m["mobile.form.battery"]}><input id="rq-batteryLevel" name="batteryLevel" inputMode="numeric" className={inputClass} /></Labelled>
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["mobile.form.charge"]}</legend>
        <div className="grid gap-3 grid-cols-2">
          <Labelled id="rq-plugType" label={m["mobile.form.plug"]}>
            <select id="rq-plugType" name="plugType" defaultValue="CCS" onChange={stale} className={inputClass}>{PLUG_TYPES.map((p) => <option key={p} value={p}>{m[`mobile.plug.${p}`]}</option>)}</select>
          </Labelled>
          <Labelled id="rq-urgency" label={m["mobile.form.urgency"]}>
            <select id="rq-urgency" name="urgency" defaultValue="MEDIUM" className={inputClass}>{URGENCIES.map((u) => <option key={u} value={u}>{m[`mobile.urgency.${u}`]}</option>)}</select>
          </Labelled>
        </div>
        <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label={m["mobile.form.wanted"]}>
          <label className="flex items-center gap-2"><input type="radio" name="wantKind" value="energy" checked={wantKind === "energy"} onChange={() => { setWantKind("energy"); stale(); }} /> {m["mobile.form.byEnergy"]}</label>
          <label className="flex items-center gap-2"><input type="radio" name="wantKind" value="duration" checked={wantKind === "duration"} onChange={() => { setWantKind("duration"); stale(); }} /> {m["mobile.form.byDuration"]}</label>
        </div>
        {wantKind === "energy"
          ? <Labelled id="rq-energyKwh" label={m["mobile.form.energy"]}><input id="rq-energyKwh" name="energyKwh" inputMode="decimal" defaultValue="20" onChange={stale} className={inputClass} /></Labelled>
          : <Labelled id="rq-durationMinutes" label={m["mobile.form.duration"]}><input id="rq-durationMinutes" name="durationMinutes" inputMode="numeric" defaultValue="60" onChange={stale} className={inputClass} /></Labelled>}
        <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label={m["mobile.form.when"]}>
          <label className="flex items-center gap-2"><input type="radio" name="when" value="now" checked={when === "now"} onChange={() => { setWhen("now"); stale(); }} /> {m["mobile.form.now"]}</label>
          <label className="flex items-center gap-2"><input type="radio" name="when" value="scheduled" checked={when === "scheduled"} onChange={() => { setWhen("scheduled"); stale(); }} /> {m["mobile.form.scheduled"]}</label>
        </div>
        {when === "scheduled" && <Labelled id="rq-scheduledAt" label={m["mobile.form.scheduledAt"]}><input id="rq-scheduledAt" name="scheduledAt" type="datetime-local" onChange={stale} className={inputClass} /></Labelled>}
      </fieldset>

      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["mobile.form.contact"]}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Labelled id="rq-contactPhone" label={m["mobile.form.phone"]}><input id="rq-contactPhone" name="contactPhone" type="tel" autoComplete="tel" defaultValue={props.defaults.phone} className={inputClass} /></Labelled>
          <Labelled id="rq-contactEmail" label={m["mobile.form.email"]}><input id="rq-contactEmail" name="contactEmail" type="email" autoComplete="email" defaultValue={props.defaults.email} className={inputClass} /></Labelled>
        </div>
        <Labelled id="rq-notes" label={m["mobile.form.notes"]}><textarea id="rq-notes" name="notes" rows={2} className={inputClass} /></Labelled>
      </fieldset>

      {error && (
        <div role="alert" data-testid="form-error" className="rounded-md bg-red-50 border border-red-200 text-red-700 px-3 py-2 text-sm">
          <p>{error}</p>
          {details.length > 0 && <ul className="list-disc pl-5" data-testid="field-errors">{details.map(([k, v]) => <li key={k} data-field={k}>{v.join(" ")}</li>)}</ul>}
        </div>
      )}

      <div>
        <button type="button" onClick={find} disabled={busy !== null} data-testid="find-services"
          className={`rounded-md px-4 py-3 font-medium disabled:opacity-60 ${offers ? "border border-slate-300 bg-white" : "bg-brand-600 text-white"}`}>
          {busy === "find" ? m["provider.working"] : m["mobile.form.find"]}
        </button>
      </div>

      {offers && offers.length === 0 && <p role="status" className="rounded-md bg-amber-50 border border-amber-300 px-3 py-2 text-sm" data-testid="no-offers">{m["mobile.offer.none"]}</p>}
      {offers && offers.length > 0 && (
        <>
          <fieldset className={section} data-testid="offers">
            <legend className="font-semibold px-1">{m["mobile.offer.title"]}</legend>
            {offers.map((o, i) => (
              <label key={o.id} className="flex gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50" data-testid="offer" data-service={o.serviceName}>
                <input type="radio" name="serviceId" value={o.id} defaultChecked={i === 0} className="mt-1" />
                <span className="flex flex-col gap-1 text-sm min-w-0">
                  <span className="font-semibold text-base">{o.serviceName} {o.isPremium && <span className="ml-1 rounded bg-amber-100 px-1.5 text-amber-800 text-xs">{m["provider.premium"]}</span>}</span>
                  <span className="text-slate-600">{o.companyName} · {o.rating}</span>
                  {o.description && <span className="text-slate-600">{o.description}</span>}
                  <span>{m["mobile.offer.response"]}: <strong data-testid="offer-eta">{o.eta}</strong> · {m["mobile.offer.distance"]}: {o.distance}</span>
                  <span>{m["mobile.offer.base"]}: {o.base} + {m["mobile.offer.travel"]}: {o.travel} = <strong data-testid="offer-total">{o.total}</strong></span>
                  <span className="text-xs text-slate-500">{m["mobile.offer.hold"].replace("{hold}", o.hold)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <section className={section} data-testid="cancel-rules">
            <h2 className="font-semibold">{m["mobile.rules.title"]}</h2>
            <ul className="list-disc pl-5 text-sm flex flex-col gap-1">{props.rules.map((r) => <li key={r}>{r}</li>)}</ul>
          </section>
          <CardFields demo={props.demo} s={props.pay} />
          <div>
            <button type="submit" disabled={busy !== null} data-testid="confirm-request" className="rounded-md bg-brand-600 text-white px-4 py-3 font-medium disabled:opacity-60 w-full sm:w-auto">
              {busy === "create" ? m["provider.working"] : m["mobile.form.confirm"]}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
