// An owner's payout account: created at Stripe on first use (Express), then
// an onboarding link; back from Stripe, the account's state is read again.
import type { Db } from "../../db/client.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { AppError } from "../../errors/app-error.ts";
import { logError } from "../../log.ts";
import { actorOf, type TOwnerUser, type TRequestMeta } from "../context.ts";
import type { TPayoutProvider } from "./provider.ts";

/** Stripe being down or refusing is an expected failure: the owner gets a message, the log the detail. */
async function atStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof AppError) throw err;
    logError("Stripe Connect call failed", err);
    throw new AppError("PRECONDITION", "owner.err.stripe");
  }
}

export async function startOnboarding(
  db: Db, provider: TPayoutProvider | null, user: TOwnerUser & { email: string },
  urls: { returnUrl: string; refreshUrl: string }, meta: TRequestMeta,
) {
  if (!provider) throw new AppError("PRECONDITION", "owner.err.payoutsOff");
  let row = await db.payoutAccount.findUnique({ where: { userId: user.id } });
  if (!row?.stripeAccountId) {
    const a = await atStripe(() => provider.createExpressAccount({ email: user.email, userId: user.id }));
    row = await db.$transaction(async (tx) => {
      const saved = await tx.payoutAccount.upsert({
        where: { userId: user.id },
        create: { userId: user.id, stripeAccountId: a.id, chargesEnabled: a.chargesEnabled, payoutsEnabled: a.payoutsEnabled },
        update: { stripeAccountId: a.id, chargesEnabled: a.chargesEnabled, payoutsEnabled: a.payoutsEnabled },
      });
      await recordAudit(tx, { actor: actorOf(user), action: "PAYOUT_ACCOUNT_CREATED", entityType: "PayoutAccount", entityId: user.id, after: { stripeAccountId: a.id }, ...meta });
      return saved;
    });
  }
  const link = await atStripe(() => provider.createOnboardingLink({ accountId: row!.stripeAccountId!, ...urls }));
  return { url: link.url, accountId: row.stripeAccountId! };
}

/** Reads the account's state from Stripe (after the owner returns) and keeps it. */
export async function refreshPayoutAccount(db: Db, provider: TPayoutProvider | null, user: TOwnerUser) {
  const row = await db.payoutAccount.findUnique({ where: { userId: user.id } });
  if (!row?.stripeAccountId || !provider) return row;
  const a = await provider.retrieveAccount(row.stripeAccountId);
  if (a.chargesEnabled === row.chargesEnabled && a.payoutsEnabled === row.payoutsEnabled) return row;
  return db.payoutAccount.update({ where: { userId: user.id }, data: { chargesEnabled: a.chargesEnabled, payoutsEnabled: a.payoutsEnabled } });
}
