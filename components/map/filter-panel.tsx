"use client";
// The map's filters. Every change applies at once (the map and list refetch);
// on a phone this is a bottom sheet, on a wide screen a side panel.
import { useId } from "react";
import { CONNECTOR_TYPES, type TMapFilters } from "@/lib/map/filters.ts";
import { currencyExponent } from "@/lib/format.ts";
import { NO_FILTERS } from "./no-filters.ts";
import { fill, type TStrings } from "./strings.ts";

export const POWER_STEPS = [7, 11, 22, 50, 150, 350];

export function activeFilterCount(f: TMapFilters): number {
  return [f.connectors.length > 0, f.minPowerKw !== undefined, f.availableNow, f.openNow, f.maxPricePerKwhMinor !== undefined, f.amenities.length > 0, f.operators.length > 0].filter(Boolean).length;
}


function toggle<T>(list: T[], v: T, on: boolean): T[] {
  return on ? [...new Set([...list, v])] : list.filter((x) => x !== v);
}

export function FilterPanel(props: {
  id: string;
  filters: TMapFilters;
  onChange: (f: TMapFilters) => void;
  amenities: { code: string; label: string }[];
  operators: { id: string; name: string }[];
  currency: string;
  locale: string;
  s: TStrings;
  total: number | null;
  onClose: () => void;
  signedIn: boolean;
  onSave: () => void;
  saveState: { busy: boolean; message: string | null; error: string | null };
}) {
  const { filters: f, s } = props;
  const uid = useId();
  const set = (patch: Partial<TMapFilters>) => props.onChange({ ...f, ...patch });
  const exp = currencyExponent(f.currency ?? props.currency);
  const priceMajor = f.maxPricePerKwhMinor === undefined ? "" : String(f.maxPricePerKwhMinor / 10 ** exp);
  return (
    <div id={props.id} role="region" aria-label={s["map.filters.title"]} data-testid="filter-panel"
      className="fixed inset-x-0 bottom-0 z-[1100] max-h-[75vh] overflow-y-auto rounded-t-2xl bg-white shadow-2xl p-4 flex flex-col gap-4
        lg:static lg:z-auto lg:max-h-none lg:rounded-lg lg:shadow-none lg:border lg:border-slate-200">
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold text-lg">{s["map.filters.title"]}</h2>
        <button type="button" onClick={() => props.onChange({ ...NO_FILTERS, q: f.q })} className="text-sm underline text-slate-600">
          {s["map.filters.reset"]}
        </button>
      </div>

      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium mb-1">{s["map.filters.connector"]}</legend>
        <div className="grid grid-cols-2 gap-1">
          {CONNECTOR_TYPES.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm py-1">
              <input type="checkbox" className="size-5 accent-brand-600" checked={f.connectors.includes(c)} onChange={(e) => set({ connectors: toggle(f.connectors, c, e.target.checked) })} />
              {s[`map.connector.${c}`] ?? c}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor={`${uid}-power`} className="text-sm font-medium">{s["map.filters.minPower"]}</label>
        <select id={`${uid}-power`} className="border border-slate-300 rounded-md px-3 py-2 bg-white"
          value={f.minPowerKw === undefined ? "" : String(f.minPowerKw)}
          onChange={(e) => set({ minPowerKw: e.target.value === "" ? undefined : Number(e.target.value) })}>
          <option value="">{s["map.filters.anyPower"]}</option>
          {POWER_STEPS.map((p) => <option key={p} value={p}>{fill(s["map.filters.atLeastKw"], { kw: p })}</option>)}
        </select>
      </div>

      <div className="flex flex-col gap-1">
        <label className="flex items-center gap-2 text-sm py-1">
          <input type="checkbox" className="size-5 accent-brand-600" checked={f.availableNow} onChange={(e) => set({ availableNow: e.target.checked })} />
          {s["map.filters.availableNow"]}
        </label>
        <label className="flex items-center gap-2 text-sm py-1">
          <input type="checkbox" className="size-5 accent-brand-600" checked={f.openNow} onChange={(e) => set({ openNow: e.target.checked })} />
          {s["map.filters.openNow"]}
        </label>
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor={`${uid}-price`} className="text-sm font-medium">{fill(s["map.filters.maxPrice"], { currency: f.currency ?? props.currency })}</label>
        <input id={`${uid}-price`} type="number" inputMode="decimal" min={0} step={1 / 10 ** exp} placeholder={s["map.filters.anyPrice"]}
          className="border border-slate-300 rounded-md px-3 py-2 bg-white" defaultValue={priceMajor} key={priceMajor}
          onBlur={(e) => {
            const v = e.target.value.trim();
            const n = Number(v.replace(",", "."));
            if (v === "" || !(n >= 0)) set({ maxPricePerKwhMinor: undefined, currency: undefined });
            else set({ maxPricePerKwhMinor: Math.round(n * 10 ** exp), currency: f.currency ?? props.currency });
          }}
          onKeyDown={(e) => { if (e.key === "Enter") (e.target as HTMLInputElement).blur(); }} />
      </div>

      {props.amenities.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium mb-1">{s["map.filters.amenities"]}</legend>
          <div className="grid grid-cols-2 gap-1">
            {props.amenities.map((a) => (
              <label key={a.code} className="flex items-center gap-2 text-sm py-1">
                <input type="checkbox" className="size-5 accent-brand-600" checked={f.amenities.includes(a.code)} onChange={(e) => set({ amenities: toggle(f.amenities, a.code, e.target.checked) })} />
                {a.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {props.operators.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium mb-1">{s["map.filters.operators"]}</legend>
          <div className="flex flex-col max-h-40 overflow-y-auto">
            {props.operators.map((o) => (
              <label key={o.id} className="flex items-center gap-2 text-sm py-1">
                <input type="checkbox" className="size-5 accent-brand-600" checked={f.operators.includes(o.id)} onChange={(e) => set({ operators: toggle(f.operators, o.id, e.target.checked) })} />
                {o.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {props.signedIn && (
        <div className="flex flex-col gap-1">
          <button type="button" onClick={props.onSave} disabled={props.saveState.busy} data-testid="save-default-filters"
            className="rounded-md border border-brand-600 text-brand-700 px-3 py-2 font-medium disabled:opacity-50">
            {s["map.filters.saveDefault"]}
          </button>
          <p aria-live="polite" className="text-sm">
            {props.saveState.message && <span className="text-brand-700">{props.saveState.message}</span>}
            {props.saveState.error && <span className="text-red-700">{props.saveState.error}</span>}
          </p>
        </div>
      )}

      <button type="button" onClick={props.onClose} className="lg:hidden sticky bottom-0 rounded-md bg-brand-600 text-white px-3 py-3 font-medium">
        {props.total === null ? s["map.filters.done"] : fill(s["map.filters.show"], { count: props.total.toLocaleString(props.locale) })}
      </button>
    </div>
  );
}
