// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, type TParams } from "@/lib/api/http.ts";
import { getConnector } from "@/lib/api/connectors.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: TParams<"id" | "connectorId">) {
  return handleApi(db, request, async ({ db }) => {
    const { id, connectorId } = await params;
    return getConnector(db, id, connectorId);
  });
}
