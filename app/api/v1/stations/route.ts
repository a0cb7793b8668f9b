// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, json, readJson, actorLabel, queryObject } from "@/lib/api/http.ts";
import { createStation, listStations } from "@/lib/api/stations.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApi(db, request, ({ db, url }) => listStations(db, queryObject(url)));
}

export function POST(request: Request) {
  return handleApi(db, request, async ({ db, request, principal }) => json(await createStation(db, await readJson(request), actorLabel(principal)), 201));
}
