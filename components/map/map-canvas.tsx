"use client";
// The Leaflet part of the map, loaded only in the browser. It draws what the
// server computed (pins or clusters) and reports every move; it owns no data.
import "leaflet/dist/leaflet.css";
import "./map.css";
import L from "leaflet";
import { useEffect, useMemo } from "react";
import { MapContainer, Marker, Popup, TileLayer, ZoomControl, useMap, useMapEvents } from "react-leaflet";
import type { TClusterItem, TStationItem } from "@/lib/map/types.ts";
import { formatKw, formatMoney, kwUnit } from "@/lib/format.ts";
import { AVAILABILITY_COLOUR, escapeHtml, kw } from "./pin-style.ts";
import { fill, type TStrings } from "./strings.ts";

export type TView = { west: number; south: number; east: number; north: number; zoom: number };

function stationIcon(s: TStationItem, locale: string, label: string) {
  const colour = AVAILABILITY_COLOUR[s.availability] ?? AVAILABILITY_COLOUR.UNKNOWN;
  return L.divIcon({
    className: "cw-pin-wrap",
    iconSize: [44, 28],
    iconAnchor: [22, 28],
    popupAnchor: [0, -26],
    html: `<span class="cw-pin" data-testid="map-pin" data-station-id="${s.id}" data-name="${escapeHtml(s.name)}" data-availability="${s.availability}"
      style="background:${colour}" aria-hidden="true">${escapeHtml(kw(s.maxPowerKw, locale))}<small>${escapeHtml(kwUnit(locale))}</small></span><span class="sr-only">${escapeHtml(label)}</span>`,
  });
}

function clusterIcon(c: TClusterItem) {
  const colour = c.available > 0 ? AVAILABILITY_COLOUR.AVAILABLE : AVAILABILITY_COLOUR[c.availability] ?? AVAILABILITY_COLOUR.UNKNOWN;
  const size = c.count < 10 ? 34 : c.count < 100 ? 40 : c.count < 1000 ? 48 : 56;
  return L.divIcon({
    className: "cw-pin-wrap",
    iconSize: [size, size],
    html: `<span class="cw-cluster" data-testid="map-cluster" data-count="${c.count}" style="width:${size}px;height:${size}px;border-color:${colour}" aria-hidden="true">${c.count}</span>`,
  });
}

function ViewEvents({ onView, onReady }: { onView: (v: TView) => void; onReady: (map: L.Map) => void }) {
  const map = useMap();
  const report = () => {
    // A hidden map (list view on a phone) has no size and so no meaningful bounds.
    const size = map.getSize();
    if (size.x < 2 || size.y < 2) return;
    const b = map.getBounds();
    onView({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth(), zoom: map.getZoom() });
  };
  useMapEvents({ moveend: report });
  useEffect(() => {
    onReady(map);
    report();
    // The container may change size (bottom sheet, list toggle): keep tiles and bounds right.
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(map.getContainer());
    return () => ro.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map]);
  return null;
}

type TProps = {
  center: [number, number];
  zoom: number;
  tileUrl: string | null;
  items: (TStationItem | TClusterItem)[];
  locale: string;
  s: TStrings;
  onView: (v: TView) => void;
  onReady: (map: L.Map) => void;
};

function Markers(props: Pick<TProps, "items" | "locale" | "s">) {
  const map = useMap();
  const { s, locale } = props;
  const availabilityWord = (a: string) => s[`map.availability.${a}`] ?? a;
  const markers = useMemo(
    () =>
      props.items.map((item) => {
        if (item.type === "cluster") {
          const [w, so, e, n] = item.bounds;
          return (
            <Marker
              key={`c-${item.id}`}
              position={[item.lat, item.lng]}
              icon={clusterIcon(item)}
              title={fill(s["map.cluster.title"], { count: item.count, available: item.available })}
              alt={fill(s["map.cluster.title"], { count: item.count, available: item.available })}
              eventHandlers={{
                click: () => {
                  if (w === e && so === n) map.setView([item.lat, item.lng], Math.min(map.getZoom() + 3, 18));
                  else map.fitBounds([[so, w], [n, e]], { padding: [40, 40], maxZoom: 18 });
                },
              }}
            />
          );
        }
        const label = `${item.name}: ${availabilityWord(item.availability)}, ${formatKw(item.maxPowerKw, locale)}`;
        return (
          <Marker key={`s-${item.id}`} position={[item.lat, item.lng]} icon={stationIcon(item, locale, label)} title={label} alt={label}>
            <Popup>
              <div className="flex flex-col gap-1 min-w-44" data-testid="pin-popup">
                <strong className="text-base">{item.name}</strong>
                <span>
                  <span className="inline-block w-2.5 h-2.5 rounded-full mr-1" style={{ background: AVAILABILITY_COLOUR[item.availability] }} />
                  {availabilityWord(item.availability)} · {formatKw(item.maxPowerKw, locale)}
                </span>
                {item.plugTypes.length > 0 && <span>{item.plugTypes.map((p) => s[`map.connector.${p}`] ?? p).join(", ")}</span>}
                {(item.pricePerKwhMinor != null || item.pricePerHourMinor != null) && (
                  <span>{[
                    item.pricePerKwhMinor != null && fill(s["map.pricePerKwh"], { price: formatMoney(item.pricePerKwhMinor, item.currency, locale) }),
                    item.pricePerHourMinor != null && fill(s["map.pricePerHour"], { price: formatMoney(item.pricePerHourMinor, item.currency, locale) }),
                  ].filter(Boolean).join(" · ")}</span>
                )}
                {item.operatorName && <span className="text-slate-600">{item.operatorName}</span>}
                <a href={`/stations/${item.id}`} className="mt-1 font-medium text-brand-700 underline">{s["map.openStation"]}</a>
              </div>
            </Popup>
          </Marker>
        );
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.items, locale],
  );
  return <>{markers}</>;
}

export default function MapCanvas(props: TProps) {
  return (
    <MapContainer
      center={props.center}
      zoom={props.zoom}
      minZoom={2}
      maxZoom={19}
      worldCopyJump
      className={`h-full w-full ${props.tileUrl ? "" : "cw-no-tiles"}`}
      attributionControl={!!props.tileUrl}
      zoomControl={false}
    >
      <ZoomControl position="topleft" zoomInTitle={props.s["map.zoomIn"]} zoomOutTitle={props.s["map.zoomOut"]} />
      {props.tileUrl && (
        <TileLayer
          url={props.tileUrl}
          attribution={props.tileUrl.includes("openstreetmap") ? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' : ""}
        />
      )}
      <ViewEvents onView={props.onView} onReady={props.onReady} />
      <Markers items={props.items} locale={props.locale} s={props.s} />
    </MapContainer>
  );
}
