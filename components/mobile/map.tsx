"use client";
// Leaflet touches `window` on import: load it in the browser only.
import dynamic from "next/dynamic";

export const MobileMap = dynamic(() => import("./leaflet-map.tsx"), { ssr: false, loading: () => <div className="h-56 w-full rounded-md border border-slate-300 bg-slate-100" /> });
export type { TMapMarker } from "./leaflet-map.tsx";
