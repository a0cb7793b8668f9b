// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, queryObject } from "@/lib/api/http.ts";
import { listSessions } from "@/lib/api/sessions.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApi(db, request, ({ db, url }) => listSessions(db, queryObject(url)));
}
