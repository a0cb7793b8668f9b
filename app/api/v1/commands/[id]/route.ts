// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, type TParams } from "@/lib/api/http.ts";
import { getCommand } from "@/lib/api/commands.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db }) => getCommand(db, (await params).id));
}
