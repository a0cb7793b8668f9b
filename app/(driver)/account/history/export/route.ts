// CSV of the signed-in driver's own sessions. The user id comes from the
// session only; there is no parameter that could name someone else.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { chargingHistoryCsv } from "@/lib/stations/charging-history.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response("Please sign in first.", { status: 401 });
  if (!can(user.role, "driver:self")) return new Response("Not found", { status: 404 });
  const csv = await chargingHistoryCsv(db(), user.id);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="chargeway-sessions-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
