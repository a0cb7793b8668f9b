// The provider's earnings lines as CSV. Other roles get 404.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { earningsCsv } from "@/lib/mobile/provider-views.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response("Please sign in first.\n", { status: 401 });
  if (!can(user.role, "provider:manage")) return new Response("Not found.\n", { status: 404 });
  const csv = await earningsCsv(db(), user);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="mobile-earnings-${new Date().toISOString().slice(0, 10)}.csv"`, "cache-control": "no-store" },
  });
}
