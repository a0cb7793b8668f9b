// The monthly statement as CSV. Authorised in the data layer like the page:
// another garage's renter, or a garage the caller does not administer, is 404.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { ZId, ZMonth } from "@/lib/garage/schemas.ts";
import { monthlyStatement, statementCsv } from "@/lib/garage/statement.ts";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(req: Request, { params }: { params: Promise<{ siteId: string; renterId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Please sign in first.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!can(user.role, "garage:manage")) return notFound();
  const { siteId, renterId } = await params;
  const month = ZMonth.safeParse(new URL(req.url).searchParams.get("month"));
  if (!month.success) return new Response("month must be YYYY-MM.\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!ZId.safeParse(siteId).success || !ZId.safeParse(renterId).success) return notFound();
  try {
    const s = await monthlyStatement(db(), user, { siteId, renterId, month: month.data });
    const name = `statement-${s.renter.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "renter"}-${s.month}.csv`;
    return new Response(statementCsv(s), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return notFound();
    throw err;
  }
}
