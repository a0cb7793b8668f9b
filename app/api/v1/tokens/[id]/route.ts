// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, readJson, actorLabel, type TParams } from "@/lib/api/http.ts";
import { getToken, updateToken } from "@/lib/api/tokens.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db }) => getToken(db, (await params).id));
}

export function PATCH(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db, request, principal }) => updateToken(db, (await params).id, await readJson(request), actorLabel(principal)));
}
