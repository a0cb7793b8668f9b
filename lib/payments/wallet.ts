// The wallet (seed 003): a balance and its ledger. Every change locks the
// wallet row, writes one ledger entry with the balance before and after, and
// updates the balance in the same transaction; CHECKs in the database refuse
// a negative balance or an entry that does not add up.
import type { Db, Prisma, Wallet, WalletTransaction } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import { formatMoney } from "../format.ts";

type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;

/** Runs fn in a transaction, or inside the caller's one. */
export async function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(fn, { timeout: 20_000 }) : fn(db as Tx);
}

async function defaultCurrency(db: DbOrTx): Promise<string> {
  const row = await db.appConfig.findUnique({ where: { key: "default_currency" }, select: { value: true, isActive: true } });
  return row?.isActive && row.value ? row.value : "EUR";
}

export async function ensureWallet(db: DbOrTx, userId: string, currency?: string): Promise<Wallet> {
  const existing = await db.wallet.findUnique({ where: { userId } });
  if (existing) return existing;
  await db.wallet.createMany({ data: [{ userId, currency: currency ?? (await defaultCurrency(db)) }], skipDuplicates: true });
  return db.wallet.findUniqueOrThrow({ where: { userId } });
}

async function lockWallet(tx: Tx, userId: string, currency: string): Promise<Wallet> {
  const wallet = await ensureWallet(tx, userId, currency);
  await tx.$queryRaw`SELECT id FROM wallets WHERE id = ${wallet.id}::uuid FOR UPDATE`;
  const locked = await tx.wallet.findUniqueOrThrow({ where: { id: wallet.id } });
  if (!locked.isActive) throw new AppError("PAYMENT_FAILED", "Your wallet is disabled. Please pay by card.");
  if (locked.currency !== currency) {
    throw new AppError("PAYMENT_FAILED", `Your wallet holds ${locked.currency}; this payment is in ${currency}. Please pay by card.`);
  }
  return locked;
}

export type TLedgerInput = {
  userId: string;
  amountMinor: number;
  currency: string;
  description: string;
  paymentId?: string;
  metadata?: Record<string, unknown>;
};

async function post(db: DbOrTx, type: "CREDIT" | "DEBIT", input: TLedgerInput): Promise<WalletTransaction> {
  if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) {
    throw new AppError("INVALID_INPUT", "The amount must be a positive whole number of minor units.");
  }
  return inTransaction(db, async (tx) => {
    const wallet = await lockWallet(tx, input.userId, input.currency);
    const before = wallet.balanceMinor;
    const after = type === "CREDIT" ? before + input.amountMinor : before - input.amountMinor;
    if (after < 0) {
      throw new AppError(
        "PAYMENT_FAILED",
        `Your wallet balance (${formatMoney(before, wallet.currency)}) is not enough for ${formatMoney(input.amountMinor, wallet.currency)}. Top up or pay by card.`,
      );
    }
    await tx.wallet.update({ where: { id: wallet.id }, data: { balanceMinor: after } });
    return tx.walletTransaction.create({
      data: {
        walletId: wallet.id,
        type,
        amountMinor: input.amountMinor,
        balanceBeforeMinor: before,
        balanceAfterMinor: after,
        description: input.description,
        metadata: (input.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
        paymentId: input.paymentId,
      },
    });
  });
}

/** Takes money from the wallet; refuses (PAYMENT_FAILED) rather than go below zero. */
export function debitWallet(db: DbOrTx, input: TLedgerInput): Promise<WalletTransaction> {
  return post(db, "DEBIT", input);
}

/** Puts money into the wallet (top-up, returned hold, refund). */
export function creditWallet(db: DbOrTx, input: TLedgerInput): Promise<WalletTransaction> {
  return post(db, "CREDIT", input);
}

/** The invariant, for tests and admin checks: balance = Σ credits − Σ debits (adjustments count as credits). */
export async function walletAgreesWithLedger(db: DbOrTx, userId: string): Promise<{ balanceMinor: number; ledgerMinor: number; agrees: boolean }> {
  const wallet = await db.wallet.findUnique({ where: { userId } });
  if (!wallet) return { balanceMinor: 0, ledgerMinor: 0, agrees: true };
  const sums = await db.walletTransaction.groupBy({ by: ["type"], where: { walletId: wallet.id }, _sum: { amountMinor: true } });
  const ledger = sums.reduce((acc, s) => acc + (s.type === "DEBIT" ? -1 : 1) * (s._sum.amountMinor ?? 0), 0);
  return { balanceMinor: wallet.balanceMinor, ledgerMinor: ledger, agrees: ledger === wallet.balanceMinor };
}

export async function walletHistory(db: DbOrTx, userId: string, take = 50) {
  const wallet = await db.wallet.findUnique({ where: { userId } });
  if (!wallet) return { wallet: null, entries: [] as WalletTransaction[] };
  const entries = await db.walletTransaction.findMany({ where: { walletId: wallet.id }, orderBy: { createdAt: "desc" }, take });
  return { wallet, entries };
}
