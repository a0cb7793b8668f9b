import { ActionForm } from "@/components/ui/action-form.tsx";
import { Section, td, th } from "@/components/owner/section.tsx";
import { PageTitle, Stat } from "@/components/ui/stat.tsx";
import { formatDateTime, formatMoney } from "@/lib/format.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { refreshPayoutAccount } from "@/lib/owner/payouts/onboarding.ts";
import { payoutProvider } from "@/lib/owner/payouts/stripe-connect.ts";
import { readMonthParam } from "@/lib/owner/period-params.ts";
import { recordStatement, statementHead, statementHistory, statementLines, type TLineCursor } from "@/lib/owner/statement.ts";
import { ownerTimeZone } from "@/lib/owner/time-zone.ts";
import { logError } from "@/lib/log.ts";
import { startPayoutOnboardingAction } from "../actions.ts";
import { ownerPage } from "../page-context.ts";

export const metadata = { title: "Payouts" };
export const dynamic = "force-dynamic";
const SHOWN = 200;

/** The page's "next lines" link carries the last shown line as an opaque cursor. */
const encodeCursor = (c: TLineCursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.reference, c.id])).toString("base64url");
function decodeCursor(v: string | undefined): TLineCursor | null {
  if (!v) return null;
  try {
    const [at, reference, id] = JSON.parse(Buffer.from(v, "base64url").toString("utf8"));
    const when = new Date(at);
    return typeof reference === "string" && typeof id === "string" && !Number.isNaN(when.getTime()) ? { at: when, reference, id } : null;
  } catch {
    return null;
  }
}

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<{ month?: string; stripe?: string; after?: string }> }) {
  const sp = await searchParams;
  const { user, t, locale, db } = await ownerPage("/owner/payouts");
  const tz = await ownerTimeZone(db, user);
  // A wrong ?month= is said, with this month shown (never silently another month).
  const { month, error: monthError } = readMonthParam(sp.month, tz);
  const after = decodeCursor(sp.after);
  const head = await statementHead(db, user, month);
  const lines = await statementLines(db, user.id, head.period, SHOWN + 1, after);
  const s = { ...head, lines };
  const last = lines.length > SHOWN ? lines[SHOWN - 1] : null;
  const lineCount = Object.values(s.totals).reduce((n, x) => n + x.lines, 0);
  // A closed month's statement is kept as issued; reading it again only refreshes a not-yet-paid one.
  await recordStatement(db, user, s);
  const provider = payoutProvider();
  const account = await (provider ? refreshPayoutAccount(db, provider, user).catch((err) => { logError("payout account refresh failed", err); return db.payoutAccount.findUnique({ where: { userId: user.id } }); }) : db.payoutAccount.findUnique({ where: { userId: user.id } }));
  const history = await statementHistory(db, user);
  const currencies = Object.keys(s.totals);
  return (
    <div className="flex flex-col gap-4" data-testid="payouts">
      <PageTitle testId="payouts-title">{t("owner.pay.title")}</PageTitle>
      <Section>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm"><span className="font-medium">{t("owner.pay.month")}</span>
            <input type="month" name="month" defaultValue={month} className="border border-slate-300 rounded-md px-3 py-2 bg-white" /></label>
          <button className="rounded-md bg-brand-600 text-white px-4 py-2">{t("owner.earn.show")}</button>
          <a className="underline text-sm ml-auto" href={`/owner/payouts/statement.csv?month=${month}`} data-testid="statement-csv">{t("owner.earn.csvStatement")}</a>
        </form>
        {monthError && <p role="alert" className="text-sm text-red-700" data-testid="month-error">{t(monthError as MessageKey)}</p>}
      </Section>
      <h2 className="text-lg font-semibold" data-testid="statement-title">{t("owner.pay.statement", { month })}</h2>
      {!s.closed && <p className="text-sm text-amber-800">{t("owner.pay.provisional")}</p>}
      {(currencies.length ? currencies : ["EUR"]).map((c) => {
        const tot = s.totals[c] ?? { gross: 0, fees: 0, refunds: 0, net: 0 };
        return (
          <div key={c} className="grid grid-cols-2 md:grid-cols-4 gap-3" data-testid="statement-totals" data-currency={c}>
            <Stat label={t("owner.earn.gross")} value={formatMoney(tot.gross, c, locale)} testId="statement-gross" />
            <Stat label={t("owner.earn.fee")} value={formatMoney(tot.fees, c, locale)} testId="statement-fees" />
            <Stat label={t("owner.earn.refunds")} value={formatMoney(tot.refunds, c, locale)} testId="statement-refunds" />
            <Stat label={t("owner.earn.net")} value={formatMoney(tot.net, c, locale)} testId="statement-net" />
          </div>
        );
      })}
      <Section title={t("owner.pay.lines")}>
        {s.lines.length === 0 ? <p className="text-slate-600">{t("owner.pay.noLines")}</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="statement-lines">
              <thead><tr>{["owner.pay.date", "owner.pay.kind", "owner.earn.station", "owner.pay.reference", "owner.earn.gross", "owner.earn.fee", "owner.earn.refunds", "owner.earn.net"].map((k) => <th key={k} className={th}>{t(k as MessageKey)}</th>)}</tr></thead>
              <tbody>
                {s.lines.slice(0, SHOWN).map((l, i) => (
                  <tr key={i} data-testid="statement-line">
                    <td className={td}>{formatDateTime(l.at, locale, s.timeZone)}</td><td className={td}>{t(`owner.pay.kind.${l.kind}` as MessageKey)}</td><td className={td}>{l.station}</td><td className={td}>{(([kind, n]) => t(kind === "booking" ? "owner.pay.ref.booking" : "owner.pay.ref.transaction", { n }))(l.reference.split(" "))}</td>
                    <td className={td}>{formatMoney(l.gross, l.currency, locale)}</td><td className={td}>{formatMoney(l.fee, l.currency, locale)}</td><td className={td}>{formatMoney(l.refund, l.currency, locale)}</td><td className={td}>{formatMoney(l.net, l.currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {(last || after) && (
              <nav className="flex flex-wrap items-center gap-4 text-sm text-slate-600 pt-2" aria-label={t("owner.pay.lines")} data-testid="statement-pages">
                <span>{t("owner.pay.moreLines", { shown: Math.min(SHOWN, lines.length), total: lineCount })}</span>
                {after && <a className="underline" href={`/owner/payouts?month=${month}`}>{t("owner.pay.firstLines")}</a>}
                {last && <a className="underline" data-testid="statement-next" href={`/owner/payouts?month=${month}&after=${encodeCursor(last)}`}>{t("owner.pay.nextLines")}</a>}
              </nav>
            )}
          </div>
        )}
      </Section>
      <Section title={t("owner.pay.history")}>
        {history.length === 0 ? <p className="text-slate-600">{t("owner.pay.historyNone")}</p> : (
          <table className="w-full text-sm" data-testid="statement-history">
            <thead><tr>{["owner.pay.month", "owner.earn.gross", "owner.earn.fee", "owner.earn.refunds", "owner.earn.net", "owner.pay.statusCol"].map((k) => <th key={k} className={th}>{t(k as MessageKey)}</th>)}</tr></thead>
            <tbody>{history.map((h) => (
              <tr key={h.id}><td className={td}><a className="underline" href={`/owner/payouts?month=${h.periodStart.toISOString().slice(0, 7)}`}>{h.periodStart.toISOString().slice(0, 7)}</a></td>
                <td className={td}>{formatMoney(h.grossMinor, h.currency, locale)}</td><td className={td}>{formatMoney(h.feesMinor, h.currency, locale)}</td><td className={td}>{formatMoney(h.refundsMinor, h.currency, locale)}</td><td className={td}>{formatMoney(h.netMinor, h.currency, locale)}</td><td className={td}>{t(`owner.pay.status.${h.status}` as MessageKey)}</td></tr>
            ))}</tbody>
          </table>
        )}
      </Section>
      <Section title={t("owner.pay.stripeTitle")} testId="stripe">
        {!provider ? <p className="text-slate-600" data-testid="stripe-off">{t("owner.pay.stripeOff")}</p>
          : account?.chargesEnabled && account.payoutsEnabled ? <p className="text-brand-700" data-testid="stripe-ready">{t("owner.pay.stripeReady")}</p>
          : (
            <>
              {account?.stripeAccountId && <p className="text-sm text-slate-600">{t("owner.pay.stripePending", { id: account.stripeAccountId, charges: t(account.chargesEnabled ? "owner.pay.yes" : "owner.pay.no"), payouts: t(account.payoutsEnabled ? "owner.pay.yes" : "owner.pay.no") })}</p>}
              <ActionForm action={startPayoutOnboardingAction} fields={[]} submitLabel={t(account?.stripeAccountId ? "owner.pay.stripeContinue" : "owner.pay.stripeStart")} workingLabel={t("owner.pay.working")} networkError={t("owner.common.networkError")} testId="stripe-onboard" />
            </>
          )}
      </Section>
    </div>
  );
}
