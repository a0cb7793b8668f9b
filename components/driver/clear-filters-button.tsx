"use client";
import type { TStrings } from "@/components/map/strings.ts";
import { useAction, type TAnswer } from "@/components/station/use-action.ts";

export function ClearFiltersButton({ s, clear }: { s: TStrings; clear: () => Promise<TAnswer> }) {
  const a = useAction(s["driver.networkError"]);
  return (
    <div className="flex flex-col gap-1">
      <button type="button" disabled={a.busy} onClick={() => void a.run(clear, s["driver.settings.filtersCleared"])}
        className="self-start rounded-md border border-slate-300 px-3 py-2 text-sm disabled:opacity-50">{s["driver.settings.filtersClear"]}</button>
      <p aria-live="polite" className="text-sm">{a.error ?? a.message}</p>
    </div>
  );
}
