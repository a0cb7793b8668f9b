// Great-circle distance and a simple ETA for vans on city roads.
const EARTH_KM = 6371.0088;

export type LatLng = { lat: number; lng: number };

export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Road distance is longer than straight-line; 1.3 is a common urban detour factor. */
const DETOUR = 1.3;
const AVERAGE_KMH = 30;

export function etaMinutes(from: LatLng, to: LatLng): number {
  const km = distanceKm(from, to) * DETOUR;
  return Math.max(1, Math.ceil((km / AVERAGE_KMH) * 60));
}

/** A latitude/longitude box around a point, for an index-friendly first filter. */
export function boxAround(p: LatLng, km: number) {
  const dLat = km / 111.32;
  const dLng = km / (111.32 * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)));
  return { south: p.lat - dLat, north: p.lat + dLat, west: p.lng - dLng, east: p.lng + dLng };
}
