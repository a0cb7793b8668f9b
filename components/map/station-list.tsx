"use client";
// The map's results as a list: real links, in reading order, nearest first,
// one page at a time. The result count is announced by the map page.
import type { TListItem } from "@/lib/map/types.ts";
import { formatKw, formatMoney } from "@/lib/format.ts";
import { AVAILABILITY_COLOUR } from "./pin-style.ts";
import { fill, type TStrings } from "./strings.ts";

export function StationList(props: {
  items: TListItem[];
  loading: boolean;
  hasMore: boolean;
  onMore: () => void;
  onShow: (item: TListItem) => void;
  locale: string;
  s: TStrings;
}) {
  const { s, locale } = props;
  const distance = (km: number) =>
    km < 1
      ? fill(s["map.list.m"], { n: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(km * 1000) })
      : fill(s["map.list.km"], { n: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(km) });
  if (!props.loading && props.items.length === 0) {
    return <p className="p-4 text-slate-600" data-testid="list-empty">{s["map.list.empty"]}</p>;
  }
  return (
    <div className="flex flex-col">
      <ul className="divide-y divide-slate-200" aria-label={s["map.list.title"]} data-testid="station-list">
        {props.items.map((item) => (
          <li key={item.id} className="p-3 flex gap-3 items-start" data-testid="list-row" data-station-id={item.id} data-name={item.name}>
            <span className="mt-1.5 inline-block size-3 shrink-0 rounded-full" style={{ background: AVAILABILITY_COLOUR[item.availability] }} aria-hidden />
            <div className="flex-1 min-w-0">
              <a href={`/stations/${item.id}`} className="font-medium text-brand-700 hover:underline break-words">{item.name}</a>
              <p className="text-sm text-slate-600 truncate">{[item.address, item.city].filter(Boolean).join(", ")}</p>
              <p className="text-sm">
                <span data-testid="list-availability">{s[`map.availability.${item.availability}`] ?? item.availability}</span>
                {" · "}{formatKw(item.maxPowerKw, locale)}
                {item.plugTypes.length > 0 && <> · {item.plugTypes.map((p) => s[`map.connector.${p}`] ?? p).join(", ")}</>}
                {item.pricePerKwhMinor != null && <> · {fill(s["map.pricePerKwh"], { price: formatMoney(item.pricePerKwhMinor, item.currency, locale) })}</>}
                {item.pricePerHourMinor != null && <> · {fill(s["map.pricePerHour"], { price: formatMoney(item.pricePerHourMinor, item.currency, locale) })}</>}
              </p>
              {item.operatorName && <p className="text-xs text-slate-500">{item.operatorName}</p>}
            </div>
            <div className="flex flex-col items-end gap-1 shrink-0">
              <span className="text-sm text-slate-600">{distance(item.distanceKm)}</span>
              <button type="button" onClick={() => props.onShow(item)} className="text-sm underline text-slate-700"
                aria-label={fill(s["map.list.showOnMapNamed"], { name: item.name })}>
                {s["map.list.showOnMap"]}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {props.hasMore && (
        <button type="button" onClick={props.onMore} disabled={props.loading} className="m-3 rounded-md border border-slate-300 px-3 py-2 disabled:opacity-50">
          {s["map.list.more"]}
        </button>
      )}
    </div>
  );
}
