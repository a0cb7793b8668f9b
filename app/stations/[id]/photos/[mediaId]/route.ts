// A station photo's bytes (StationMedia -> MediaUpload). Public only for
// stations on the public map; anything else answers 404, as if it did not exist.
import { db } from "@/lib/db/client.ts";
import { isUuid, PUBLIC_STATION } from "@/lib/stations/visibility.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string; mediaId: string }> }) {
  const { id, mediaId } = await ctx.params;
  if (!isUuid(id) || !isUuid(mediaId)) return new Response("Not found", { status: 404 });
  const media = await db().stationMedia.findFirst({
    where: { stationId: id, mediaUploadId: mediaId, station: PUBLIC_STATION },
    select: { upload: { select: { data: true, mimeType: true, url: true } } },
  });
  const upload = media?.upload;
  if (!upload) return new Response("Not found", { status: 404 });
  if (!upload.data) {
    // Stored elsewhere: only plain https links are followed.
    return upload.url?.startsWith("https://") ? Response.redirect(upload.url, 302) : new Response("Not found", { status: 404 });
  }
  // Only image types are served inline; anything else would let an upload pose as a page.
  const type = /^image\/(jpeg|png|webp|gif|avif)$/.test(upload.mimeType) ? upload.mimeType : "application/octet-stream";
  return new Response(new Uint8Array(upload.data), {
    headers: { "content-type": type, "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'" },
  });
}
