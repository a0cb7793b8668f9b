"use client";
// The provider's service: who, where (a centre and radius on the map, or
// typed), what plugs, what it costs, when, and how to reach them. One
// submission, so a service is never saved half-described.
import { useState } from "react";
import { CHARGING_TYPES, CURRENCIES, PLUG_TYPES, WEEK_DAYS } from "@/lib/mobile/constants.ts";
import type { TServiceFormValues } from "@/lib/mobile/service-schema.ts";
import { ActionForm, inputClass, Labelled } from "./action-form.tsx";
import { MobileMap } from "./map.tsx";
import type { TMobileAction, TStrings } from "./types.ts";

export function ServiceForm(props: { action: TMobileAction; initial: TServiceFormValues; serviceId?: string; tileUrl: string | null; m: TStrings }) {
  const { m, initial: v } = props;
  const [lat, setLat] = useState(v.centerLat);
  const [lng, setLng] = useState(v.centerLng);
  const [radius, setRadius] = useState(v.radiusKm);
  const [allDay, setAllDay] = useState(v.is24x7);
  const n = (s: string) => (s.trim() === "" ? NaN : Number(s));
  const text = (name: keyof TServiceFormValues, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <Labelled id={`sf-${name}`} label={label} hint={hint}>
      <input id={`sf-${name}`} name={name} defaultValue={String(v[name] ?? "")} className={inputClass} {...extra} />
    </Labelled>
  );
  const section = "flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4";
  const grid = "grid gap-3 sm:grid-cols-2";

  return (
    <ActionForm action={props.action} testId="service-form" submitLabel={props.serviceId ? m["provider.form.save"] : m["provider.form.create"]} workingLabel={m["provider.working"]}
      hidden={props.serviceId ? { serviceId: props.serviceId } : undefined} multi={["plugTypes", "chargingTypes"]}
      transform={(d) => {
        const hours = Object.fromEntries(WEEK_DAYS.map((day) => [day, d[`hours.${day}`] ?? ""]));
        for (const day of WEEK_DAYS) delete d[`hours.${day}`];
        return { ...d, hours, is24x7: allDay ? "true" : "false" };
      }}>
      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["provider.form.about"]}</legend>
        <div className={grid}>
          {text("companyName", m["provider.form.companyName"], { autoComplete: "organization" })}
          {text("serviceName", m["provider.form.serviceName"])}
        </div>
        <Labelled id="sf-description" label={m["provider.form.description"]}>
          <textarea id="sf-description" name="description" defaultValue={v.description} rows={3} className={inputClass} />
        </Labelled>
      </fieldset>

      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["provider.form.area"]}</legend>
        <p className="text-sm text-slate-600">{m["provider.form.areaHint"]}</p>
        <MobileMap center={Number.isFinite(n(lat)) && Number.isFinite(n(lng)) ? { lat: n(lat), lng: n(lng) } : null} circleKm={n(radius)} tileUrl={props.tileUrl}
          label={m["provider.form.area"]} testId="area-map" className="h-64"
          markers={Number.isFinite(n(lat)) && Number.isFinite(n(lng)) ? [{ id: "c", lat: n(lat), lng: n(lng), color: "#059669", label: m["provider.form.centre"] }] : []}
          onPick={(a, b) => { setLat(String(a)); setLng(String(b)); }} />
        <div className="grid gap-3 grid-cols-2 sm:grid-cols-3">
          <Labelled id="sf-centerLat" label={m["provider.form.lat"]}><input id="sf-centerLat" name="centerLat" inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} className={inputClass} /></Labelled>
          <Labelled id="sf-centerLng" label={m["provider.form.lng"]}><input id="sf-centerLng" name="centerLng" inputMode="decimal" value={lng} onChange={(e) => setLng(e.target.value)} className={inputClass} /></Labelled>
          <Labelled id="sf-radiusKm" label={m["provider.form.radius"]}><input id="sf-radiusKm" name="radiusKm" inputMode="decimal" value={radius} onChange={(e) => setRadius(e.target.value)} className={inputClass} /></Labelled>
          {text("maxDistanceKm", m["provider.form.maxDistance"], { inputMode: "decimal" }, m["provider.form.maxDistanceHint"])}
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["provider.form.charging"]}</legend>
        <div role="group" aria-label={m["provider.form.plugTypes"]} className="flex flex-col gap-1">
          <span className="text-sm font-medium">{m["provider.form.plugTypes"]}</span>
          <div className="flex flex-wrap gap-3 text-sm">
            {PLUG_TYPES.map((p) => <label key={p} className="flex items-center gap-1"><input type="checkbox" name="plugTypes" value={p} defaultChecked={v.plugTypes.includes(p)} /> {m[`mobile.plug.${p}`]}</label>)}
          </div>
        </div>
        <div role="group" aria-label={m["provider.form.chargingTypes"]} className="flex flex-col gap-1">
          <span className="text-sm font-medium">{m["provider.form.chargingTypes"]}</span>
          <div className="flex flex-wrap gap-3 text-sm">
            {CHARGING_TYPES.map((p) => <label key={p} className="flex items-center gap-1"><input type="checkbox" name="chargingTypes" value={p} defaultChecked={v.chargingTypes.includes(p)} /> {m[`provider.speed.${p}`]}</label>)}
          </div>
        </div>
        <div className="grid gap-3 grid-cols-2 sm:grid-cols-3">
          <Labelled id="sf-currency" label={m["provider.form.currency"]}>
            <select id="sf-currency" name="currency" defaultValue={v.currency} className={inputClass}>{CURRENCIES.map((c) => <option key={c}>{c}</option>)}</select>
          </Labelled>
          {text("pricePerKwh", m["provider.form.pricePerKwh"], { inputMode: "decimal" })}
          {text("pricePerHour", m["provider.form.pricePerHour"], { inputMode: "decimal" })}
          {text("minimumCharge", m["provider.form.minimumCharge"], { inputMode: "decimal" })}
          <Labelled id="sf-travelFeeType" label={m["provider.form.travelFeeType"]}>
            <select id="sf-travelFeeType" name="travelFeeType" defaultValue={v.travelFeeType} className={inputClass}>
              <option value="FLAT">{m["provider.form.feeFlat"]}</option>
              <option value="PER_KM">{m["provider.form.feePerKm"]}</option>
            </select>
          </Labelled>
          {text("travelFee", m["provider.form.travelFee"], { inputMode: "decimal" })}
          {text("responseTimeMinutes", m["provider.form.responseTime"], { inputMode: "numeric" })}
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["provider.form.availability"]}</legend>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={allDay} onChange={(e) => setAllDay(e.target.checked)} data-testid="is24x7" /> {m["provider.form.is24x7"]}</label>
        {!allDay && (
          <>
            <p className="text-xs text-slate-500">{m["provider.form.hoursHint"]}</p>
            <div className="grid gap-2 grid-cols-2 sm:grid-cols-4">
              {WEEK_DAYS.map((d) => (
                <Labelled key={d} id={`sf-hours-${d}`} label={m[`provider.day.${d}`]}>
                  <input id={`sf-hours-${d}`} name={`hours.${d}`} defaultValue={v.hours[d]} placeholder="08:00-20:00" className={inputClass} />
                </Labelled>
              ))}
              {text("timeZone", m["provider.form.timeZone"])}
            </div>
          </>
        )}
      </fieldset>

      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["provider.form.contact"]}</legend>
        <div className={grid}>
          {text("contactPhone", m["provider.form.phone"], { type: "tel", autoComplete: "tel" })}
          {text("contactEmail", m["provider.form.email"], { type: "email", autoComplete: "email" })}
          {text("contactWhatsapp", m["provider.form.whatsapp"], { type: "tel" })}
          {text("contactWebsite", m["provider.form.website"], { type: "url", placeholder: "https://" })}
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className="font-semibold px-1">{m["provider.form.vehicle"]}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {text("vehicleType", m["provider.form.vehicleType"])}
          {text("vehiclePlate", m["provider.form.vehiclePlate"])}
          {text("vehicleCapacityKwh", m["provider.form.vehicleCapacity"], { inputMode: "decimal" })}
        </div>
      </fieldset>
    </ActionForm>
  );
}
