"use client";
// Favourite a station under the driver's own name for it (seed 004 alias).
import { useId, useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import { fill, type TStrings } from "@/components/map/strings.ts";
import { useAction, type TAnswer } from "./use-action.ts";

export function FavoriteForm(props: {
  stationId: string;
  favorite: { alias: string | null } | null;
  s: TStrings;
  save: (input: unknown) => Promise<TAnswer>;
  remove: (input: unknown) => Promise<TAnswer>;
}) {
  const { s } = props;
  const id = useId();
  const [alias, setAlias] = useState(props.favorite?.alias ?? "");
  const a = useAction(s["station.networkError"]);
  const err = a.fieldErrors.alias;
  return (
    <form
      data-testid="favorite-form"
      className="flex flex-col gap-2"
      onSubmit={(e) => { e.preventDefault(); void a.run(() => props.save({ stationId: props.stationId, alias }), s["station.favorite.added"]); }}
    >
      {props.favorite && (
        <p className="text-sm font-medium text-brand-700" data-testid="favorite-state">
          ★ {props.favorite.alias ? fill(s["station.favorite.is"], { alias: props.favorite.alias }) : s["station.favorite.isPlain"]}
        </p>
      )}
      <FormError message={a.error} />
      <label htmlFor={`${id}-alias`} className="text-sm font-medium">{s["station.favorite.alias"]}</label>
      <input id={`${id}-alias`} value={alias} onChange={(e) => setAlias(e.target.value)} maxLength={60}
        aria-invalid={err ? true : undefined} aria-describedby={`${id}-hint${err ? ` ${id}-err` : ""}`}
        className="border border-slate-300 rounded-md px-3 py-2 bg-white aria-[invalid=true]:border-red-500" />
      <p id={`${id}-hint`} className="text-xs text-slate-500">{s["station.favorite.aliasHint"]}</p>
      {err && <p id={`${id}-err`} className="text-sm text-red-600">{err.join(" ")}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={a.busy} className="rounded-md bg-brand-600 text-white px-4 py-2 font-medium disabled:opacity-50">
          {props.favorite ? s["station.favorite.save"] : s["station.favorite.add"]}
        </button>
        {props.favorite && (
          <button type="button" disabled={a.busy} className="rounded-md border border-slate-300 px-4 py-2 disabled:opacity-50"
            onClick={() => void a.run(() => props.remove({ stationId: props.stationId }), s["station.favorite.removed"]).then((ok) => ok && setAlias(""))}>
            {s["station.favorite.remove"]}
          </button>
        )}
      </div>
      <p aria-live="polite" className="text-sm text-brand-700" data-testid="favorite-message">{a.message}</p>
    </form>
  );
}
