// Public: the map's results as a paginated list (the accessible list view).
import { db } from "@/lib/db/client.ts";
import { handleMapListRequest } from "@/lib/map/http.ts";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleMapListRequest(db(), new URL(request.url));
}
