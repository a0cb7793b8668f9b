// A month's payout statement as CSV; only ever the signed-in owner's own money.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { statementCsv } from "@/lib/owner/csv.ts";
import { ZMonth } from "@/lib/owner/schemas.ts";
import { monthlyStatement } from "@/lib/owner/statement.ts";

export const dynamic = "force-dynamic";
const text = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return text(401, "Please sign in first.");
  if (!can(user.role, "owner:manage")) return text(404, "Not found.");
  const month = ZMonth.safeParse(new URL(req.url).searchParams.get("month"));
  if (!month.success) return text(400, "month must be YYYY-MM.");
  const s = await monthlyStatement(db(), user, month.data);
  return new Response(statementCsv(s), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="statement-${s.month}.csv"`, "cache-control": "no-store" },
  });
}
