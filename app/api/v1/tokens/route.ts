// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, json, readJson, actorLabel, queryObject } from "@/lib/api/http.ts";
import { createToken, listTokens } from "@/lib/api/tokens.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApi(db, request, ({ db, url }) => listTokens(db, queryObject(url)));
}

export function POST(request: Request) {
  return handleApi(db, request, async ({ db, request, principal }) => json(await createToken(db, await readJson(request), actorLabel(principal)), 201));
}
