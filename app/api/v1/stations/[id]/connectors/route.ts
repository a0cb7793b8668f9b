// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, queryObject, type TParams } from "@/lib/api/http.ts";
import { listConnectors } from "@/lib/api/connectors.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db, url }) => listConnectors(db, (await params).id, queryObject(url)));
}
