// Wallet top-up by card: hold, capture at once, credit the wallet. The ledger
// entry and the captured payment point at each other.
import type { Db, Payment, WalletTransaction } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize } from "./authorize.ts";
import { capture } from "./settle.ts";
import type { TCardDetails } from "./types.ts";
import { creditWallet, ensureWallet } from "./wallet.ts";

export const TOP_UP_LIMITS = { minMinor: 500, maxMinor: 50_000 };

export async function topUp(
  db: Db,
  input: { userId: string; amountMinor: number; card: TCardDetails | { paymentMethodId: string } },
): Promise<{ payment: Payment; entry: WalletTransaction }> {
  const wallet = await ensureWallet(db, input.userId);
  if (!Number.isInteger(input.amountMinor) || input.amountMinor < TOP_UP_LIMITS.minMinor || input.amountMinor > TOP_UP_LIMITS.maxMinor) {
    throw new AppError("INVALID_INPUT", `Top up between ${TOP_UP_LIMITS.minMinor / 100} and ${TOP_UP_LIMITS.maxMinor / 100} ${wallet.currency}.`, {
      amount: [`Between ${TOP_UP_LIMITS.minMinor / 100} and ${TOP_UP_LIMITS.maxMinor / 100}.`],
    });
  }
  const held = await authorize(db, { userId: input.userId, purpose: "WALLET_TOPUP", amountMinor: input.amountMinor, currency: wallet.currency, card: input.card });
  const payment = await capture(db, held.id, input.amountMinor);
  const entry = await creditWallet(db, { userId: input.userId, amountMinor: input.amountMinor, currency: wallet.currency, description: "Top-up by card", paymentId: payment.id });
  return { payment, entry };
}
