// GET /sessions/<id>/state: the live session as JSON for the session page,
// re-read on every live event (and moving the session along: see liveSession).
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { liveSession } from "@/lib/sessions/index.ts";
import { isUuid } from "@/lib/stations/visibility.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user || !can(user.role, "driver:self")) return NextResponse.json({ error: "Not found." }, { status: 404 });
  if (!isUuid(id)) return NextResponse.json({ error: "Not found." }, { status: 404 });
  try {
    return NextResponse.json(await liveSession(db(), user.id, id), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return NextResponse.json({ error: err.message }, { status: 404 });
    throw err;
  }
}
