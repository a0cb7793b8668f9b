// The period's sessions as CSV, streamed. Authorised like the page: the owner
// id is part of the query, and a station of another owner answers 404.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { sessionsCsv } from "@/lib/owner/csv.ts";
import { findOwnStation } from "@/lib/owner/context.ts";
import { translator, type MessageKey } from "@/lib/i18n/translate.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { periodFromParams } from "../period-params.ts";

export const dynamic = "force-dynamic";
const text = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return text(401, "Please sign in first.");
  if (!can(user.role, "owner:manage")) return text(404, "Not found.");
  const sp = Object.fromEntries(new URL(req.url).searchParams);
  try {
    const { period, stationId, error } = await periodFromParams(db(), user, sp);
    // A wrong parameter is refused with the reason, never answered with another period's sessions.
    if (error) return text(400, translator("en")(error as MessageKey));
    if (stationId) await findOwnStation(db(), user, stationId);
    const name = `sessions-${period.from}-${period.to}.csv`;
    return new Response(sessionsCsv(db(), { ownerId: user.id, stationId }, period), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return text(404, "Not found.");
    throw err;
  }
}
