// A station photo, for its owner. Another owner's photo is 404.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { isUuid } from "@/lib/owner/context.ts";
import { readPhoto } from "@/lib/owner/photos.ts";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(_req: Request, { params }: { params: Promise<{ stationId: string; mediaId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Please sign in first.\n", { status: 401 });
  const { stationId, mediaId } = await params;
  if (!can(user.role, "owner:manage") || !isUuid(stationId) || !isUuid(mediaId)) return notFound();
  try {
    const p = await readPhoto(db(), user, { stationId, mediaId });
    return new Response(new Uint8Array(p.data!), { headers: { "content-type": p.mimeType, "content-length": String(p.fileSize), "cache-control": "private, max-age=300", "x-content-type-options": "nosniff" } });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return notFound();
    throw err;
  }
}
