"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { ensureWallet, paymentSource, settleBalance, topUp, ZPaymentForm } from "@/lib/payments/index.ts";
import { parseMoneyToMinor } from "@/lib/tariffs/index.ts";

const ZTopUp = z.intersection(z.object({ amount: z.string().trim().regex(/^\d+([.,]\d{1,2})?$/, "Enter an amount such as 20 or 20.50.") }), ZPaymentForm);

const top = defineAction({ name: "wallet-top-up", input: ZTopUp, permission: "driver:self" }, async (input, { user }) => {
  const source = paymentSource(input);
  if (source === "wallet") throw new AppError("INVALID_INPUT", "Top up with a card.");
  const wallet = await ensureWallet(db(), user!.id);
  const amountMinor = parseMoneyToMinor(input.amount.replace(",", "."), wallet.currency);
  await topUp(db(), { userId: user!.id, amountMinor, card: source });
  revalidatePath("/account/wallet");
  return { message: "ok" };
});

export async function topUpAction(input: unknown) { return top(input); }

const ZSettle = z.intersection(z.object({ balanceId: z.string().uuid() }), ZPaymentForm);

/** Pays an unpaid balance (a session's cost above its hold that could not be collected). */
const settle = defineAction({ name: "settle-unpaid-balance", input: ZSettle, permission: "driver:self" }, async (input, { user }) => {
  await settleBalance(db(), user!, input.balanceId, paymentSource(input));
  revalidatePath("/account/wallet");
  return { message: "ok" };
});

export async function settleBalanceAction(input: unknown) { return settle(input); }
