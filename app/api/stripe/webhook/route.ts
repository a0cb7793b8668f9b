// POST /api/stripe/webhook: Stripe's events, verified on the raw body.
import { db } from "@/lib/db/client.ts";
import { handleStripeWebhook } from "@/lib/payments/index.ts";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const raw = await req.text();
  const r = await handleStripeWebhook(db(), raw, req.headers.get("stripe-signature"));
  return Response.json(r.body, { status: r.status });
}
