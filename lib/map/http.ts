// The map API's request handling, kept out of app/api so it can be tested
// without Next: parse the URL, query, answer JSON. Public data, but it
// changes with every charger status, so caches may keep it only briefly and
// only in the browser.
import type { Db } from "../db/client.ts";
import { InvalidMapQuery } from "./errors.ts";
import { parseMapQuery } from "./filters.ts";
import { listViewport, ZListOptions } from "./list-viewport.ts";
import { queryViewport } from "./query-viewport.ts";

export const MAP_CACHE_CONTROL = "private, max-age=5";

function json(body: unknown, status: number, cache = MAP_CACHE_CONTROL): Response {
  return Response.json(body, { status, headers: { "cache-control": cache } });
}

async function handle(run: () => Promise<unknown>): Promise<Response> {
  try {
    return json(await run(), 200);
  } catch (err) {
    if (err instanceof InvalidMapQuery) {
      return json({ error: err.message, fieldErrors: err.fieldErrors }, 400, "no-store");
    }
    console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", msg: "map query failed", error: (err as Error)?.stack }));
    return json({ error: "The map could not be loaded. Please try again." }, 500, "no-store");
  }
}

function parse(url: URL) {
  const parsed = parseMapQuery(url.searchParams);
  if (!parsed.ok) throw new InvalidMapQuery(parsed.message, parsed.fieldErrors);
  return parsed.query;
}

/** GET /api/map?bbox=west,south,east,north&zoom=..&filters */
export function handleMapRequest(db: Db, url: URL): Promise<Response> {
  return handle(async () => queryViewport(db, parse(url)));
}

/** GET /api/map/list?bbox=..&zoom=..&filters&sort=distance|name&limit=..&cursor=.. */
export function handleMapListRequest(db: Db, url: URL): Promise<Response> {
  return handle(async () => {
    const query = parse(url);
    const opts = ZListOptions.safeParse({
      limit: url.searchParams.get("limit") ?? undefined,
      cursor: url.searchParams.get("cursor") ?? undefined,
      sort: url.searchParams.get("sort") ?? undefined,
    });
    if (!opts.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const i of opts.error.issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
      const msg = Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v.join("; ")}`).join(". ");
      throw new InvalidMapQuery(`Invalid list options. ${msg}.`, fieldErrors);
    }
    return listViewport(db, query, opts.data);
  });
}
