"use server";
// Admin-only: refund part or all of a captured payment from its receipt page.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { notFoundError } from "@/lib/errors/app-error.ts";
import { refund } from "@/lib/payments/index.ts";
import { parseMoneyToMinor } from "@/lib/tariffs/index.ts";

const ZRefund = z.object({
  paymentId: z.string().uuid(),
  amount: z.string().trim().regex(/^\d+([.,]\d{1,2})?$/, "Enter an amount such as 2.50."),
  reason: z.string().trim().min(3, "Say why.").max(300),
});

const doRefund = defineAction({ name: "refund-payment", input: ZRefund, permission: "platform:admin" }, async (input, { user }) => {
  const payment = await db().payment.findUnique({ where: { id: input.paymentId }, select: { currency: true } });
  if (!payment) throw notFoundError("This payment");
  const amountMinor = parseMoneyToMinor(input.amount.replace(",", "."), payment.currency);
  await refund(db(), input.paymentId, amountMinor, input.reason, { id: user!.id, role: user!.role });
  revalidatePath("/account/receipts");
  return { message: "ok" };
});

export async function refundPaymentAction(input: unknown) { return doRefund(input); }
