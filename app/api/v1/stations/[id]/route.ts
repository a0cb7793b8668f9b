// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, readJson, actorLabel, type TParams } from "@/lib/api/http.ts";
import { getStation, updateStation } from "@/lib/api/stations.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db }) => getStation(db, (await params).id));
}

export function PATCH(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db, request, principal }) => updateStation(db, (await params).id, await readJson(request), actorLabel(principal)));
}
