// Photo upload (multipart). A route handler rather than a server action,
// whose request body is capped at 1 MB. Another owner's station is 404.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { clientIp } from "@/lib/http/client-ip.ts";
import { BodyTooLargeError, limitedFormData } from "@/lib/http/limited-form-data.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { ownerEn } from "@/lib/i18n/messages/owner.en.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { isUuid } from "@/lib/owner/context.ts";
import { addPhoto, MAX_PHOTO_BYTES } from "@/lib/owner/photos.ts";

export const dynamic = "force-dynamic";

const json = (status: number, body: object) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function POST(req: Request, { params }: { params: Promise<{ stationId: string }> }) {
  const { t } = await getI18n();
  const user = await getCurrentUser();
  if (!user) return json(401, { error: t("owner.err.signIn") });
  const { stationId } = await params;
  if (!can(user.role, "owner:manage") || !isUuid(stationId)) return json(404, { error: t("owner.err.notFound") });
  // Same-origin only: a cross-site form post must not add photos with the owner's cookie.
  const origin = req.headers.get("origin");
  if (origin && new URL(origin).host !== req.headers.get("host")) return json(403, { error: t("owner.err.notFound") });
  try {
    // The file plus room for the multipart framing and the other fields.
    const form = await limitedFormData(req, MAX_PHOTO_BYTES + 64 * 1024);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return json(400, { error: t("owner.err.photoEmpty") });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const media = await addPhoto(db(), user, { stationId, bytes, name: file.name }, { ip: clientIp((n) => req.headers.get(n)), userAgent: req.headers.get("user-agent") });
    return json(201, { id: media.id });
  } catch (err) {
    if (err instanceof BodyTooLargeError) return json(413, { error: t("owner.err.photoTooLarge") });
    if (err instanceof AppError) {
      const status = err.code === "NOT_FOUND" ? 404 : err.code === "PRECONDITION" ? 409 : 400;
      return json(status, { error: err.message in ownerEn ? t(err.message as MessageKey) : err.message });
    }
    throw err;
  }
}
