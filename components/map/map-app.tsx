"use client";
// The home page map: viewport + filters live in the URL (shareable), pins and
// clusters come from /api/map, the accessible list from /api/map/list, and
// pins recolour live from the status events of the stations in view.
import dynamic from "next/dynamic";
import type L from "leaflet";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveEvents } from "@/components/live/use-live-events.ts";
import { mapQueryToSearchParams, type TMapFilters } from "@/lib/map/filters.ts";
import type { TListItem, TListPage, TViewportResult } from "@/lib/map/types.ts";
import { activeFilterCount, FilterPanel } from "./filter-panel.tsx";
import type { TView } from "./map-canvas.tsx";
import { AVAILABILITIES, AVAILABILITY_COLOUR } from "./pin-style.ts";
import { StationList } from "./station-list.tsx";
import { fill, type TStrings } from "./strings.ts";

const MapCanvas = dynamic(() => import("./map-canvas.tsx"), { ssr: false, loading: () => null });

export type TMapAppProps = {
  tileUrl: string | null;
  center: [number, number];
  zoom: number;
  filters: TMapFilters;
  notice: string | null;
  amenities: { code: string; label: string }[];
  operators: { id: string; name: string }[];
  currency: string;
  signedIn: boolean;
  locale: string;
  s: TStrings;
  saveFilters: (query: string) => Promise<{ ok: true; data: unknown } | { ok: false; error: string }>;
};

const WORLD = "-180,-85,180,85";

export function MapApp(props: TMapAppProps) {
  const { s, locale } = props;
  const [filters, setFilters] = useState<TMapFilters>(props.filters);
  const [view, setView] = useState<TView | null>(null);
  const [result, setResult] = useState<TViewportResult | null>(null);
  const [list, setList] = useState<{ items: TListItem[]; next: string | null; loading: boolean }>({ items: [], next: null, loading: false });
  const [live, setLive] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(props.notice);
  const [panel, setPanel] = useState(false);
  const [mode, setMode] = useState<"map" | "list">("map");
  const [save, setSave] = useState({ busy: false, message: null as string | null, error: null as string | null });
  const [q, setQ] = useState(props.filters.q ?? "");
  const mapRef = useRef<L.Map | null>(null);
  // The map loads after the page: a move asked for before it exists ("Near me",
  // a search) waits for it instead of being lost.
  const pendingMove = useRef<((m: L.Map) => void) | null>(null);
  const moveMap = (fn: (m: L.Map) => void) => {
    if (mapRef.current) fn(mapRef.current);
    else pendingMove.current = fn;
  };
  const seq = useRef(0);

  const params = useCallback(
    (v: TView) => mapQueryToSearchParams({ bbox: { west: v.west, south: v.south, east: v.east, north: v.north }, zoom: v.zoom, ...filters }),
    [filters],
  );

  // One fetch per settled view or filter change; an older answer never overwrites a newer one.
  useEffect(() => {
    if (!view) return;
    const p = params(view);
    window.history.replaceState(window.history.state, "", `/?${p}`);
    const my = ++seq.current;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      setList((l) => ({ ...l, loading: true }));
      try {
        const [mapRes, listRes] = await Promise.all([
          fetch(`/api/map?${p}`, { signal: ctrl.signal }),
          fetch(`/api/map/list?${p}&sort=distance&limit=30`, { signal: ctrl.signal }),
        ]);
        const [m, l] = (await Promise.all([mapRes.json(), listRes.json()])) as [TViewportResult & { error?: string }, TListPage & { error?: string }];
        if (my !== seq.current) return;
        if (!mapRes.ok || !listRes.ok) throw new Error(m.error ?? l.error ?? s["map.error"]);
        setResult(m);
        setLive({});
        setList({ items: l.items, next: l.nextCursor, loading: false });
        setError(null);
      } catch (e) {
        if ((e as Error).name === "AbortError" || my !== seq.current) return;
        setError((e as Error).message || s["map.error"]);
        setList((x) => ({ ...x, loading: false }));
      }
    }, 200);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [view, params, s]);

  const more = async () => {
    if (!view || !list.next) return;
    setList((l) => ({ ...l, loading: true }));
    const res = await fetch(`/api/map/list?${params(view)}&sort=distance&limit=30&cursor=${encodeURIComponent(list.next)}`);
    const page = (await res.json()) as TListPage;
    setList((l) => ({ items: [...l.items, ...(page.items ?? [])], next: page.nextCursor ?? null, loading: false }));
  };

  const items = (result?.items ?? []).map((i) => (i.type === "station" && live[i.id] ? { ...i, availability: live[i.id] as typeof i.availability } : i));
  const stationIds = items.filter((i) => i.type === "station").map((i) => i.id);
  const listItems = list.items.map((i) => (live[i.id] ? { ...i, availability: live[i.id] as typeof i.availability } : i));
  useLiveEvents({ stations: stationIds.length ? stationIds : ["00000000-0000-0000-0000-000000000000"] }, (e) => {
    if ((e.type === "station" || e.type === "connector_status") && e.availability) setLive((m) => ({ ...m, [e.stationId]: e.availability }));
  });

  const nearMe = () => {
    if (!("geolocation" in navigator)) return setStatus(s["map.nearMe.unsupported"]);
    setStatus(s["map.nearMe.locating"]);
    navigator.geolocation.getCurrentPosition(
      (pos) => { moveMap((m) => m.setView([pos.coords.latitude, pos.coords.longitude], 14)); setStatus(s["map.nearMe.done"]); },
      (err) => setStatus(err.code === err.PERMISSION_DENIED ? s["map.nearMe.denied"] : s["map.nearMe.unavailable"]),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  // A search looks beyond the current view: move the map to where the matches are.
  const search = async (e: React.FormEvent) => {
    e.preventDefault();
    const text = q.trim() || undefined;
    setFilters((f) => ({ ...f, q: text }));
    if (!text) return;
    const p = mapQueryToSearchParams({ ...filters, q: text });
    const res = await fetch(`/api/map/list?bbox=${WORLD}&zoom=2&${p}&sort=name&limit=50`);
    if (!res.ok) return setStatus(s["map.error"]);
    const page = (await res.json()) as TListPage;
    // No match: say so and drop the search, so the map does not stay empty
    // (e.g. for "Near me" afterwards) behind a filter the driver cannot see.
    if (page.items.length === 0) {
      setFilters((f) => ({ ...f, q: undefined }));
      return setStatus(fill(s["map.search.none"], { q: text }));
    }
    setStatus(null);
    const lats = page.items.map((i) => i.lat);
    const lngs = page.items.map((i) => i.lng);
    moveMap((m) => m.fitBounds([[Math.min(...lats), Math.min(...lngs)], [Math.max(...lats), Math.max(...lngs)]], { padding: [40, 40], maxZoom: 15 }));
  };

  const saveDefault = async () => {
    setSave({ busy: true, message: null, error: null });
    const res = await props.saveFilters(mapQueryToSearchParams(filters).toString()).catch(() => ({ ok: false as const, error: s["map.error"] }));
    setSave({ busy: false, message: res.ok ? s["map.filters.saved"] : null, error: res.ok ? null : res.error });
  };

  const count = activeFilterCount(filters);
  const total = result?.total ?? null;
  return (
    <div className="flex flex-col gap-2 -mx-4 -my-6 sm:mx-0 sm:my-0 h-[calc(100dvh-3.5rem)] sm:h-[calc(100dvh-6.5rem)]" data-testid="map-page">
      <h1 className="sr-only">{s["map.title"]}</h1>
      <div className="flex flex-wrap items-center gap-2 px-3 pt-2 sm:px-0 sm:pt-0">
        <form role="search" onSubmit={search} className="flex flex-1 min-w-0 basis-60 gap-1">
          <label htmlFor="map-q" className="sr-only">{s["map.search.label"]}</label>
          <input id="map-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} placeholder={s["map.search.placeholder"]}
            className="flex-1 min-w-0 border border-slate-300 rounded-md px-3 py-2 bg-white" />
          <button type="submit" className="rounded-md bg-brand-600 text-white px-3 py-2 font-medium">{s["map.search.submit"]}</button>
        </form>
        <button type="button" onClick={nearMe} className="rounded-md border border-slate-300 bg-white px-3 py-2">{s["map.nearMe"]}</button>
        <button type="button" onClick={() => setPanel((p) => !p)} aria-expanded={panel} aria-controls="map-filters"
          className="rounded-md border border-slate-300 bg-white px-3 py-2" data-testid="filters-toggle">
          {count ? fill(s["map.filters.buttonCount"], { count }) : s["map.filters.button"]}
        </button>
        <div className="flex rounded-md border border-slate-300 overflow-hidden lg:hidden" role="group" aria-label={s["map.view.label"]}>
          {(["map", "list"] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}
              className={`px-3 py-2 ${mode === m ? "bg-slate-900 text-white" : "bg-white"}`}>{s[`map.view.${m}`]}</button>
          ))}
        </div>
      </div>
      <p aria-live="polite" role="status" className="px-3 sm:px-0 text-sm text-slate-700" data-testid="result-count">
        {total === null ? s["map.loading"] : fill(total === 1 ? s["map.count.one"] : s["map.count.many"], { count: total.toLocaleString(locale) })}
        {result?.items.some((i) => i.type === "cluster" && i.count > 1) ? ` ${s["map.count.zoomHint"]}` : ""}
      </p>
      {filters.q && (
        <p className="px-3 sm:px-0 text-sm flex items-center gap-2" data-testid="search-chip">
          <span>{fill(s["map.search.active"], { q: filters.q })}</span>
          <button type="button" onClick={() => { setQ(""); setStatus(null); setFilters((f) => ({ ...f, q: undefined })); }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 min-h-9">{s["map.search.clear"]}</button>
        </p>
      )}
      {(status || error) && (
        <p className={`mx-3 sm:mx-0 text-sm rounded-md px-3 py-2 ${error ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-700"}`} role={error ? "alert" : undefined} data-testid="map-status">
          {error ?? status}
        </p>
      )}
      <div className="flex-1 min-h-0 flex gap-3">
        {panel && (
          <div className="lg:w-72 lg:shrink-0 lg:overflow-y-auto">
            <FilterPanel id="map-filters" filters={filters} onChange={setFilters} amenities={props.amenities} operators={props.operators}
              currency={props.currency} locale={locale} s={s} total={total} onClose={() => setPanel(false)}
              signedIn={props.signedIn} onSave={saveDefault} saveState={save} />
          </div>
        )}
        <div className={`relative flex-1 min-w-0 ${mode === "list" ? "hidden lg:block" : ""}`}>
          <MapCanvas center={props.center} zoom={props.zoom} tileUrl={props.tileUrl} items={items} locale={locale} s={s}
            onView={setView} onReady={(m) => {
              mapRef.current = m;
              const pending = pendingMove.current;
              pendingMove.current = null;
              pending?.(m);
            }} />
          {!props.tileUrl && (
            <p className="absolute bottom-2 left-2 right-2 sm:right-auto z-[500] rounded bg-white/90 px-2 py-1 text-xs text-slate-600" data-testid="no-tiles-note">
              {s["map.noTiles"]}
            </p>
          )}
          <ul className="absolute top-2 right-2 z-[500] rounded bg-white/90 px-2 py-1 text-xs flex flex-col gap-0.5" aria-label={s["map.legend"]}>
            {AVAILABILITIES.slice(0, 4).map((a) => (
              <li key={a} className="flex items-center gap-1"><span className="size-2.5 rounded-full inline-block" style={{ background: AVAILABILITY_COLOUR[a] }} aria-hidden />{s[`map.availability.${a}`]}</li>
            ))}
          </ul>
        </div>
        <section aria-label={s["map.list.title"]} className={`${mode === "map" ? "hidden" : "flex-1"} lg:block lg:flex-none lg:w-96 min-h-0 overflow-y-auto bg-white sm:rounded-lg sm:border sm:border-slate-200`}>
          <StationList items={listItems} loading={list.loading} hasMore={!!list.next} onMore={more} locale={locale} s={s}
            onShow={(i) => { setMode("map"); mapRef.current?.setView([i.lat, i.lng], Math.max(mapRef.current.getZoom(), 16)); }} />
        </section>
      </div>
    </div>
  );
}
