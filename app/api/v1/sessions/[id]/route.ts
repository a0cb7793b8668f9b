// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, queryObject, type TParams } from "@/lib/api/http.ts";
import { getSession } from "@/lib/api/sessions.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db, url }) => getSession(db, (await params).id, queryObject(url)));
}
