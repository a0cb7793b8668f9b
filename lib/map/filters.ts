// The map's viewport and filters as they live in the URL, so a view can be
// shared: parse (with clear errors) and serialise back. Used by the API
// route, the map page and saved default filters alike.
import { z } from "zod";
import { ConnectorType } from "../db/generated/enums.ts";

export const CONNECTOR_TYPES = Object.values(ConnectorType) as [ConnectorType, ...ConnectorType[]];
export const MAX_ZOOM = 20;

export type TBbox = {
  /** Both in [-180, 180]; west > east means the box crosses the antimeridian. */
  west: number;
  south: number;
  east: number;
  north: number;
};

const list = (v: unknown) =>
  (Array.isArray(v) ? v : typeof v === "string" ? [v] : [])
    .flatMap((s: string) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);

const flag = z
  .preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""], { error: "must be true or false (1/0)" }).optional(),
  )
  .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on");

const number = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, `must be a number (${what})`)
    .transform(Number);

/** Wraps a longitude into [-180, 180). */
const wrapLng = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;

// Leaflet's getBounds() may give longitudes beyond ±180 after panning across
// the antimeridian (west < east always), GeoJSON-style boxes give west > east.
// Both are accepted and normalised to west/east in [-180, 180].
const ZBbox = z
  .string({ error: "is required: west,south,east,north in degrees" })
  .transform((s, ctx): TBbox => {
    const parts = s.split(",").map((p) => p.trim());
    const nums = parts.map(Number);
    if (parts.length !== 4 || parts.some((p) => p === "") || nums.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: "custom", message: "must be four numbers: west,south,east,north" });
      return z.NEVER;
    }
    let [west, south, east, north] = nums;
    if (Math.abs(west) > 540 || Math.abs(east) > 540) {
      ctx.addIssue({ code: "custom", message: "longitudes must be within -540..540 degrees" });
      return z.NEVER;
    }
    if (south >= north) {
      ctx.addIssue({ code: "custom", message: "south must be less than north" });
      return z.NEVER;
    }
    // No station lies beyond a pole, so a box reaching past one is clamped.
    south = Math.max(-90, south);
    north = Math.min(90, north);
    if (south >= north) {
      ctx.addIssue({ code: "custom", message: "the box lies entirely beyond a pole" });
      return z.NEVER;
    }
    if (west < east && east - west >= 360) return { west: -180, south, east: 180, north };
    if (west === east) {
      ctx.addIssue({ code: "custom", message: "west and east must differ" });
      return z.NEVER;
    }
    // Wrap only what is out of range: wrapping adds float noise to 2.2.
    const w = west >= -180 && west < 180 ? west : wrapLng(west);
    const e = east > -180 && east <= 180 ? east : wrapLng(east) === -180 ? 180 : wrapLng(east);
    return { west: w, south, east: e, north };
  });

export const ZMapQuery = z.object({
  bbox: ZBbox,
  zoom: number("0 to 20").pipe(z.number().min(0, "must be 0 to 20").max(MAX_ZOOM, "must be 0 to 20")),
  connectors: z
    .preprocess(list, z.array(z.enum(CONNECTOR_TYPES, { error: `must be among ${CONNECTOR_TYPES.join(", ")}` })))
    .transform((a) => [...new Set(a)]),
  minPowerKw: number("kW").pipe(z.number().min(0).max(1000)).optional(),
  availableNow: flag,
  openNow: flag,
  maxPricePerKwhMinor: z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number of minor units (cents)")
    .transform(Number)
    .optional(),
  /** The currency maxPricePerKwhMinor is in; only stations priced in it can match. */
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO currency code")
    .transform((s) => s.toUpperCase())
    .optional(),
  amenities: z
    .preprocess(list, z.array(z.string().max(64).regex(/^[\w-]+$/, "amenity codes are letters, digits, _ or -")).max(20))
    .transform((a) => [...new Set(a)]),
  operators: z
    .preprocess(list, z.array(z.uuid({ error: "operator ids must be UUIDs" })).max(50))
    .transform((a) => [...new Set(a)]),
  q: z
    .string()
    .trim()
    .max(100, "search text is at most 100 characters")
    .optional()
    .transform((s) => (s ? s : undefined)),
});

export type TMapQuery = z.infer<typeof ZMapQuery>;
export type TMapFilters = Omit<TMapQuery, "bbox" | "zoom">;

const LIST_KEYS = new Set(["connectors", "amenities", "operators"]);

/** URLSearchParams (or Next's searchParams object) -> plain object for ZMapQuery. */
export function searchParamsToObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((k) => [k, params.getAll(k)] as const)
      : Object.entries(params).filter((e): e is [string, string | string[]] => e[1] !== undefined);
  for (const [key, value] of entries) {
    const values = Array.isArray(value) ? value : [value];
    // A repeated scalar is ambiguous; the first one wins like URLSearchParams.get.
    out[key] = LIST_KEYS.has(key) ? values : values[0];
  }
  return out;
}

export type TParseResult =
  | { ok: true; query: TMapQuery }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/** Parses URL params; on failure a message naming every bad parameter. */
export function parseMapQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): TParseResult {
  const parsed = ZMapQuery.safeParse(searchParamsToObject(params));
  if (parsed.success) return { ok: true, query: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "query");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const message = Object.entries(fieldErrors)
    .map(([k, msgs]) => `${k}: ${msgs.join("; ")}`)
    .join(". ");
  return { ok: false, message: `Invalid map query. ${message}.`, fieldErrors };
}

const round = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** The inverse of parseMapQuery: only what is set, in a stable order. */
export function mapQueryToSearchParams(query: Partial<TMapQuery>): URLSearchParams {
  const p = new URLSearchParams();
  if (query.bbox) {
    const { west, south, east, north } = query.bbox;
    p.set("bbox", [west, south, east, north].map(round).join(","));
  }
  if (query.zoom !== undefined) p.set("zoom", round(query.zoom));
  if (query.connectors?.length) p.set("connectors", query.connectors.join(","));
  if (query.minPowerKw !== undefined) p.set("minPowerKw", String(query.minPowerKw));
  if (query.availableNow) p.set("availableNow", "1");
  if (query.openNow) p.set("openNow", "1");
  if (query.maxPricePerKwhMinor !== undefined) p.set("maxPricePerKwhMinor", String(query.maxPricePerKwhMinor));
  if (query.currency) p.set("currency", query.currency);
  if (query.amenities?.length) p.set("amenities", query.amenities.join(","));
  if (query.operators?.length) p.set("operators", query.operators.join(","));
  if (query.q) p.set("q", query.q);
  return p;
}
