"use client";
// One small Leaflet map for every mobile page: a service area (circle), the
// driver's pin, the van. Clicking sets a point when `onPick` is given. With
// no tile server configured (this network has none) the map is a plain
// background: circle, pins and clicks still work, and every page also has
// coordinate inputs.
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";

export type TMapMarker = { id: string; lat: number; lng: number; color: string; label: string };

const icon = (color: string, label: string) =>
  L.divIcon({ className: "", html: `<div title="${label.replace(/"/g, "")}" style="width:18px;height:18px;border-radius:9px;background:${color};border:3px solid white;box-shadow:0 0 3px #0008"></div>`, iconSize: [18, 18], iconAnchor: [9, 9] });
// Without tiles: a light grid, so clicks and the circle still read as a map (inline: Leaflet's own CSS sets a grey background).
const PLAIN: React.CSSProperties = { backgroundColor: "#f1f5f9", backgroundImage: "linear-gradient(#e2e8f0 1px, transparent 1px), linear-gradient(90deg, #e2e8f0 1px, transparent 1px)", backgroundSize: "24px 24px" };
const finite = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export default function LeafletMap(props: {
  center: { lat: number; lng: number } | null;
  circleKm?: number | null;
  markers?: TMapMarker[];
  onPick?: (lat: number, lng: number) => void;
  tileUrl: string | null;
  label: string;
  testId: string;
  className?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const circle = useRef<L.Circle | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  const onPick = useRef(props.onPick);
  onPick.current = props.onPick;

  useEffect(() => {
    if (!el.current || map.current) return;
    const c = props.center && finite(props.center.lat) && finite(props.center.lng) ? props.center : { lat: 52.52, lng: 13.405 };
    const m = L.map(el.current, { attributionControl: !!props.tileUrl }).setView([c.lat, c.lng], props.center ? 12 : 5);
    if (props.tileUrl) L.tileLayer(props.tileUrl, { maxZoom: 19 }).addTo(m);
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    m.on("click", (e: L.LeafletMouseEvent) => onPick.current?.(round(e.latlng.lat), round(L.Util.wrapNum(e.latlng.lng, [-180, 180], true))));
    map.current = m;
    const all = markers.current;
    return () => { m.remove(); map.current = null; circle.current = null; all.clear(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const c = props.center;
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!c || !finite(c.lat) || !finite(c.lng) || !finite(props.circleKm) || props.circleKm <= 0) {
      circle.current?.remove(); circle.current = null;
      return;
    }
    if (!circle.current) circle.current = L.circle([c.lat, c.lng], { radius: props.circleKm * 1000, color: "#059669", weight: 2, fillOpacity: 0.12 }).addTo(m);
    else circle.current.setLatLng([c.lat, c.lng]).setRadius(props.circleKm * 1000);
    m.fitBounds(circle.current.getBounds(), { padding: [10, 10] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [c?.lat, c?.lng, props.circleKm]);

  const key = JSON.stringify(props.markers ?? []);
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const list = (props.markers ?? []).filter((x) => finite(x.lat) && finite(x.lng));
    for (const [id, mk] of markers.current) if (!list.some((x) => x.id === id)) { mk.remove(); markers.current.delete(id); }
    for (const x of list) {
      const mk = markers.current.get(x.id);
      if (mk) mk.setLatLng([x.lat, x.lng]);
      else markers.current.set(x.id, L.marker([x.lat, x.lng], { icon: icon(x.color, x.label), title: x.label, keyboard: false }).addTo(m));
    }
    if (!finite(props.circleKm) && list.length) {
      if (list.length === 1) m.setView([list[0]!.lat, list[0]!.lng], Math.max(m.getZoom(), 12));
      else m.fitBounds(L.latLngBounds(list.map((x) => [x.lat, x.lng] as [number, number])), { padding: [24, 24], maxZoom: 15 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <div ref={el} role="application" aria-label={props.label} data-testid={props.testId} style={props.tileUrl ? undefined : PLAIN}
      className={`${props.className ?? "h-56"} w-full rounded-md border border-slate-300 z-0`} />
  );
}
