// Integrator API (see lib/api/openapi.ts). Thin: authenticate, parse, call lib/api.
import { db } from "@/lib/db/client.ts";
import { handleApi, readJson, actingUserId, queryObject, type TParams } from "@/lib/api/http.ts";
import { listCommands, postCommand } from "@/lib/api/commands.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db, url }) => listCommands(db, (await params).id, queryObject(url)));
}

export function POST(request: Request, { params }: TParams) {
  return handleApi(db, request, async ({ db, request, principal }) => postCommand(db, (await params).id, await readJson(request), actingUserId(principal)));
}
