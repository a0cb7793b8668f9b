// GET /api/receipts/<session|booking>/<id>: the receipt as a PDF (own receipts; admins any).
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { loadReceipt, receiptPdf } from "@/lib/receipts/index.ts";
import { getLocale } from "@/lib/i18n/server.ts";
import { isUuid } from "@/lib/stations/visibility.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  const user = await getCurrentUser();
  if (!user || (kind !== "session" && kind !== "booking") || !isUuid(id)) return new Response("Not found.", { status: 404 });
  try {
    const r = await loadReceipt(db(), { id: user.id, isAdmin: can(user.role, "platform:admin") }, kind, id);
    const pdf = receiptPdf(r, await getLocale());
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="chargeway-receipt-${r.number}.pdf"`, "cache-control": "private, no-store" },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return new Response("Not found.", { status: 404 });
    throw err;
  }
}
