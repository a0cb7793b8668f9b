// The wallet: balance, top-up by card, and the ledger with balances before and after.
import { CardFields } from "@/components/payments/card-fields.tsx";
import { PayForm } from "@/components/payments/pay-form.tsx";
import { pickPrefix } from "@/components/payments/strings.ts";
import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { ledgerDescription } from "@/lib/i18n/labels.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import { ensureWallet, isDemoPayments, openBalances, walletHistory } from "@/lib/payments/index.ts";
import { settleBalanceAction, topUpAction } from "./actions.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Wallet" };

export default async function WalletPage() {
  const user = await requirePermission("driver:self", "/account/wallet");
  const [{ t, locale }, time] = await Promise.all([getI18n(), getTimeFormat()]);
  await ensureWallet(db(), user.id);
  const { wallet, entries } = await walletHistory(db(), user.id, 100);
  const cur = wallet!.currency;
  const unpaid = (await openBalances(db(), user.id))[0];
  return (
    <div className="flex flex-col gap-5 max-w-2xl">
      <PageTitle testId="wallet-title">{t("wallet.title")}</PageTitle>
      <div data-testid="wallet-balance"><Stat label={t("wallet.balance")} value={formatMoney(wallet!.balanceMinor, cur, locale)} /></div>
      {unpaid && (
        // One balance at a time (the oldest): each form needs its own card fields.
        <section className="flex flex-col gap-2 rounded-lg border border-red-300 bg-red-50 p-3" data-testid="unpaid-balance">
          <h2 className="font-semibold text-red-900">{t("wallet.unpaidTitle")}</h2>
          <p className="text-sm text-red-900">
            {t("wallet.unpaidText", { amount: formatMoney(unpaid.amountMinor, unpaid.currency, locale), station: unpaid.session.station.name, date: unpaid.session.endedAt ? time.when(unpaid.session.endedAt) : "—", reason: unpaid.reason })}
          </p>
          <PayForm action={settleBalanceAction} hidden={{ balanceId: unpaid.id }} submitLabel={t("wallet.unpaidSubmit", { amount: formatMoney(unpaid.amountMinor, unpaid.currency, locale) })} workingLabel={t("pay.working")} testId="settle-form">
            <CardFields demo={isDemoPayments()} s={pickPrefix(t, "pay.")} walletLabel={wallet!.balanceMinor >= unpaid.amountMinor ? t("wallet.title") : undefined} />
          </PayForm>
        </section>
      )}
      {!unpaid && <section className="flex flex-col gap-2">
        <h2 className="font-semibold">{t("wallet.topUp")}</h2>
        <PayForm action={topUpAction} submitLabel={t("wallet.topUpSubmit")} workingLabel={t("pay.working")} testId="top-up-form">
          <div className="flex flex-col gap-1 max-w-xs">
            <label htmlFor="f-amount" className="text-sm font-medium">{t("wallet.amount", { currency: cur })}</label>
            <input id="f-amount" name="amount" inputMode="decimal" defaultValue="20" className="border border-slate-300 rounded-md px-3 py-2 text-base bg-white" />
          </div>
          <CardFields demo={isDemoPayments()} s={pickPrefix(t, "pay.")} />
        </PayForm>
      </section>}
      <section>
        <h2 className="font-semibold mb-2">{t("wallet.ledger")}</h2>
        {entries.length === 0 ? <p className="text-slate-600">{t("wallet.none")}</p> : (
          <>
            {/* Phones: one card per entry, every value labelled. */}
            <ul className="sm:hidden flex flex-col gap-2" data-testid="wallet-ledger-cards">
              {entries.map((e) => (
                <li key={e.id} className="bg-white border border-slate-200 rounded-lg p-3 text-sm" data-testid="ledger-entry">
                  <div className="flex justify-between gap-2">
                    <span className="font-medium">{ledgerDescription(e.description, locale)}</span>
                    <span className={`tabular-nums whitespace-nowrap ${e.type === "DEBIT" ? "text-red-700" : "text-brand-700"}`}>{e.type === "DEBIT" ? "−" : "+"}{formatMoney(e.amountMinor, cur, locale)}</span>
                  </div>
                  <p className="text-slate-600">{time.when(e.createdAt)}</p>
                  <dl className="flex gap-4 text-slate-600">
                    <div className="flex gap-1"><dt>{t("wallet.before")}:</dt><dd className="tabular-nums">{formatMoney(e.balanceBeforeMinor, cur, locale)}</dd></div>
                    <div className="flex gap-1"><dt>{t("wallet.after")}:</dt><dd className="tabular-nums">{formatMoney(e.balanceAfterMinor, cur, locale)}</dd></div>
                  </dl>
                </li>
              ))}
            </ul>
            <table className="hidden sm:table w-full text-sm bg-white border border-slate-200 rounded-lg" data-testid="wallet-ledger">
              <thead><tr className="text-left text-slate-500"><th scope="col" className="p-2">{t("driver.wallet.date")}</th><th scope="col" className="p-2">{t("driver.wallet.description")}</th><th scope="col" className="p-2 text-right">{t("driver.wallet.amount")}</th><th scope="col" className="p-2 text-right">{t("wallet.before")}</th><th scope="col" className="p-2 text-right">{t("wallet.after")}</th></tr></thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} className="border-t border-slate-100">
                    <td className="p-2 whitespace-nowrap">{time.when(e.createdAt)}</td>
                    <td className="p-2">{ledgerDescription(e.description, locale)}</td>
                    <td className={`p-2 text-right tabular-nums ${e.type === "DEBIT" ? "text-red-700" : "text-brand-700"}`}>{e.type === "DEBIT" ? "−" : "+"}{formatMoney(e.amountMinor, cur, locale)}</td>
                    <td className="p-2 text-right tabular-nums">{formatMoney(e.balanceBeforeMinor, cur, locale)}</td>
                    <td className="p-2 text-right tabular-nums">{formatMoney(e.balanceAfterMinor, cur, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
