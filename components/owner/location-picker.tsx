"use client";
// A small map to place the station: click (or drag the pin) to set the
// position. Works without tiles (this network has none): the pin and the
// clicks still do, and the coordinates can always be typed instead.
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";

const pin = L.divIcon({ className: "", html: '<div style="width:18px;height:18px;border-radius:9px;background:#059669;border:3px solid white;box-shadow:0 0 3px #0008"></div>', iconSize: [18, 18], iconAnchor: [9, 9] });

export default function LocationPicker(props: { lat: number | null; lng: number | null; tileUrl: string | null; label: string; onPick: (lat: number, lng: number) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const onPick = useRef(props.onPick);
  onPick.current = props.onPick;

  useEffect(() => {
    if (!el.current || map.current) return;
    const start: L.LatLngExpression = props.lat !== null && props.lng !== null ? [props.lat, props.lng] : [52.52, 13.405];
    const m = L.map(el.current, { attributionControl: !!props.tileUrl }).setView(start, props.lat !== null ? 15 : 5);
    if (props.tileUrl) L.tileLayer(props.tileUrl, { maxZoom: 19 }).addTo(m);
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    m.on("click", (e: L.LeafletMouseEvent) => onPick.current(round(e.latlng.lat), round(L.Util.wrapNum(e.latlng.lng, [-180, 180], true))));
    map.current = m;
    return () => { m.remove(); map.current = null; marker.current = null; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || props.lat === null || props.lng === null || !Number.isFinite(props.lat) || !Number.isFinite(props.lng)) return;
    if (!marker.current) {
      marker.current = L.marker([props.lat, props.lng], { icon: pin, draggable: true }).addTo(m);
      marker.current.on("dragend", () => {
        const p = marker.current!.getLatLng();
        onPick.current(Math.round(p.lat * 1e6) / 1e6, Math.round(p.lng * 1e6) / 1e6);
      });
    } else marker.current.setLatLng([props.lat, props.lng]);
  }, [props.lat, props.lng]);

  return <div ref={el} role="application" aria-label={props.label} data-testid="location-picker" className={`h-56 w-full rounded-md border border-slate-300 ${props.tileUrl ? "" : "bg-slate-100"}`} />;
}
