// Document upload (multipart: kind, file). A route handler rather than a
// server action, whose body is capped at 1 MB. Another provider's service is 404.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { clientIp } from "@/lib/http/client-ip.ts";
import { BodyTooLargeError, limitedFormData } from "@/lib/http/limited-form-data.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { MAX_DOCUMENT_BYTES, uploadDocument } from "@/lib/mobile/documents.ts";
import { isMobileKey } from "@/lib/mobile/localize.ts";
import { isUuid } from "@/lib/ids.ts";

export const dynamic = "force-dynamic";

const json = (status: number, body: object) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function POST(req: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  const { t } = await getI18n();
  const user = await getCurrentUser();
  if (!user) return json(401, { error: t("provider.err.signIn") });
  const { serviceId } = await params;
  if (!can(user.role, "provider:manage") || !isUuid(serviceId)) return json(404, { error: t("provider.err.notFound") });
  // Same-origin only: a cross-site form post must not upload with the provider's cookie.
  const origin = req.headers.get("origin");
  if (origin && new URL(origin).host !== req.headers.get("host")) return json(403, { error: t("provider.err.notFound") });
  try {
    // The file plus room for the multipart framing and the other fields.
    const form = await limitedFormData(req, MAX_DOCUMENT_BYTES + 64 * 1024);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return json(400, { error: t("provider.err.docEmpty") });
    const doc = await uploadDocument(db(), user, { serviceId, kind: String(form.get("kind") ?? ""), bytes: new Uint8Array(await file.arrayBuffer()), name: file.name },
      { ip: clientIp((n) => req.headers.get(n)), userAgent: req.headers.get("user-agent") });
    return json(201, { id: doc.id, status: doc.status });
  } catch (err) {
    if (err instanceof BodyTooLargeError) return json(413, { error: t("provider.err.docTooLarge") });
    if (err instanceof AppError) {
      const status = err.code === "NOT_FOUND" ? 404 : 400;
      return json(status, { error: isMobileKey(err.message) ? t(err.message) : err.code === "NOT_FOUND" ? t("provider.err.notFound") : err.message });
    }
    throw err;
  }
}
