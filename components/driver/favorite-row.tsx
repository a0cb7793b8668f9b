"use client";
// One favourite: rename inline (alias) or remove.
import { useId, useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import type { TStrings } from "@/components/map/strings.ts";
import { useAction, type TAnswer } from "@/components/station/use-action.ts";

export function FavoriteRowActions(props: {
  stationId: string;
  alias: string | null;
  s: TStrings;
  save: (input: unknown) => Promise<TAnswer>;
  remove: (input: unknown) => Promise<TAnswer>;
}) {
  const { s } = props;
  const id = useId();
  const [alias, setAlias] = useState(props.alias ?? "");
  const a = useAction(s["driver.networkError"]);
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); void a.run(() => props.save({ stationId: props.stationId, alias }), null); }}>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-alias`} className="text-xs font-medium">{s["driver.favorites.alias"]}</label>
        <input id={`${id}-alias`} value={alias} onChange={(e) => setAlias(e.target.value)} maxLength={60}
          className="border border-slate-300 rounded-md px-2 py-1.5 bg-white w-44" />
      </div>
      <button type="submit" disabled={a.busy} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-50">{s["driver.favorites.rename"]}</button>
      <button type="button" disabled={a.busy} onClick={() => void a.run(() => props.remove({ stationId: props.stationId }), null)}
        className="rounded-md border border-red-300 text-red-700 px-3 py-1.5 text-sm disabled:opacity-50">{s["station.favorite.remove"]}</button>
      <div className="basis-full"><FormError message={a.error} /></div>
    </form>
  );
}
