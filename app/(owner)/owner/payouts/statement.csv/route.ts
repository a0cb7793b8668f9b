// A month's payout statement as CSV; only ever the signed-in owner's own money.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { statementCsvStream } from "@/lib/owner/csv.ts";
import { ZMonth } from "@/lib/owner/schemas.ts";

export const dynamic = "force-dynamic";
const text = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return text(401, "Please sign in first.");
  if (!can(user.role, "owner:manage")) return text(404, "Not found.");
  const month = ZMonth.safeParse(new URL(req.url).searchParams.get("month"));
  if (!month.success) return text(400, "month must be YYYY-MM.");
  // Streamed a page of lines at a time: a large estate's month never sits in memory.
  return new Response(statementCsvStream(db(), user, month.data), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="statement-${month.data}.csv"`, "cache-control": "no-store" },
  });
}
