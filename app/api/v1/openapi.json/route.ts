// The API's OpenAPI 3.1 description. Public: it describes the API, no data.
import { openApiDocument } from "@/lib/api/openapi.ts";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
