// A printable receipt (with PDF download). Admins can open anyone's receipt
// and refund from here; everyone else sees only their own.
import { notFound } from "next/navigation";
import { PayForm } from "@/components/payments/pay-form.tsx";
import { PrintButton } from "@/components/payments/print-button.tsx";
import { ReceiptView } from "@/components/payments/receipt-view.tsx";
import { pickPrefix } from "@/components/payments/strings.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requireUser } from "@/lib/auth/current-user.ts";
import { can } from "@/lib/auth/roles.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { loadReceipt } from "@/lib/receipts/index.ts";
import { isUuid } from "@/lib/stations/visibility.ts";
import { refundPaymentAction } from "../../actions.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Receipt" };

export default async function ReceiptPage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  if ((kind !== "session" && kind !== "booking") || !isUuid(id)) notFound();
  const user = await requireUser(`/account/receipts/${kind}/${id}`);
  const isAdmin = can(user.role, "platform:admin");
  if (!isAdmin && !can(user.role, "driver:self")) notFound();
  const { t, locale } = await getI18n();
  let r;
  try {
    r = await loadReceipt(db(), { id: user.id, isAdmin }, kind, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  const refundable = r.payment && ["CAPTURED", "PARTIALLY_REFUNDED"].includes(r.payment.status) ? r.payment.capturedMinor - r.payment.refundedMinor : 0;
  return (
    <div className="flex flex-col gap-4 max-w-2xl">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle testId="receipt-title">{t("receipt.title", { number: r.number })}</PageTitle>
        <div className="flex gap-2 print:hidden">
          <PrintButton label={t("receipt.print")} />
          <a href={`/api/receipts/${kind}/${id}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm bg-white" data-testid="receipt-pdf">{t("receipt.pdf")}</a>
        </div>
      </div>
      <ReceiptView r={r} locale={locale} s={pickPrefix(t, "receipt.")} />
      {r.unpaidMinor > 0 && (
        <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900" data-testid="receipt-unpaid">
          {t("receipt.unpaid", { amount: formatMoney(r.unpaidMinor, r.currency, locale) })} <a href="/account/wallet" className="underline print:hidden">{t("wallet.title")}</a>
        </p>
      )}
      {isAdmin && r.payment && refundable > 0 && (
        <section className="print:hidden rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="refund-section">
          <h2 className="font-semibold mb-2">{t("receipt.refundTitle")}</h2>
          <PayForm action={refundPaymentAction} submitLabel={t("receipt.refundSubmit")} workingLabel={t("pay.working")} testId="refund-form" hidden={{ paymentId: r.payment.id }}>
            <div className="grid sm:grid-cols-2 gap-3">
              <div className="flex flex-col gap-1">
                <label htmlFor="f-amount" className="text-sm font-medium">{t("receipt.refundAmount", { currency: r.currency })}</label>
                <input id="f-amount" name="amount" inputMode="decimal" defaultValue={(refundable / 100).toFixed(2)} className="border border-slate-300 rounded-md px-3 py-2 bg-white" />
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="f-reason" className="text-sm font-medium">{t("receipt.refundReason")}</label>
                <input id="f-reason" name="reason" className="border border-slate-300 rounded-md px-3 py-2 bg-white" />
              </div>
            </div>
          </PayForm>
        </section>
      )}
    </div>
  );
}
