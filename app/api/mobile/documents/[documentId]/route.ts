// A provider document's file, for the provider of its service and for
// admins; anyone else gets 404. Only a PDF, JPEG or PNG is ever stored
// (recognised by its bytes at upload); nosniff keeps the browser to that type.
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { readDocumentFile } from "@/lib/mobile/documents.ts";
import { isUuid } from "@/lib/ids.ts";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(_req: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Please sign in first.\n", { status: 401 });
  const { documentId } = await params;
  if (!isUuid(documentId) || (user.role !== "ADMIN" && user.role !== "MOBILE_PROVIDER")) return notFound();
  try {
    const f = await readDocumentFile(db(), user, documentId);
    const name = f.originalName.replace(/[^\w.-]+/g, "_");
    return new Response(new Uint8Array(f.data!), {
      headers: {
        "content-type": f.mimeType, "content-length": String(f.fileSize), "content-disposition": `inline; filename="${name}"`,
        "cache-control": "private, no-store", "x-content-type-options": "nosniff"
      },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return notFound();
    throw err;
  }
}
