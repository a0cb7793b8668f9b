// Public: what the map draws for a viewport (clusters or stations).
import { db } from "@/lib/db/client.ts";
import { handleMapRequest } from "@/lib/map/http.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleMapRequest(db(), new URL(request.url));
}
