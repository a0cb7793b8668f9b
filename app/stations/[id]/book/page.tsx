// Book a connector: pick connector, start and duration; the rules (fee, grace
// period, no-show fee, free cancellation) are shown before paying.
import { notFound } from "next/navigation";
import { isUuid } from "@/lib/stations/visibility.ts";
import { CardFields } from "@/components/payments/card-fields.tsx";
import { PayForm } from "@/components/payments/pay-form.tsx";
import { pickPrefix } from "@/components/payments/strings.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { bookedPeriods, bookingRules, DURATIONS, slotStarts } from "@/lib/booking/index.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { isDemoPayments } from "@/lib/payments/index.ts";
import { createBookingAction } from "./actions.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Book a connector" };

export default async function BookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ connector?: string }> }) {
  const { id } = await params;
  const { connector: wanted } = await searchParams;
  const user = await requirePermission("driver:self", `/stations/${id}/book`);
  const { t, locale } = await getI18n();
  if (!isUuid(id)) notFound();
  const station = await db().station.findFirst({
    where: { id, status: "ACTIVE", publish: true },
    select: { id: true, name: true, timeZone: true, connectors: { where: { removed: false }, orderBy: { connectorId: "asc" } } },
  });
  if (!station) notFound();
  const now = new Date();
  const [rules, booked, wallet] = await Promise.all([
    bookingRules(db()),
    bookedPeriods(db(), station.id, now, new Date(now.getTime() + 24 * 3_600_000)),
    db().wallet.findUnique({ where: { userId: user.id } }),
  ]);
  const money = (m: number) => formatMoney(m, rules.currency, locale);
  const starts = slotStarts(now, 24);
  const bookedNow = new Set(booked.filter((b) => b.startsAt <= now && b.endsAt > now && b.userId !== user.id).map((b) => b.connectorId));
  const sel = "border border-slate-300 rounded-md px-3 py-2 text-base bg-white w-full";

  return (
    <div className="flex flex-col gap-5 max-w-2xl" data-testid="book-page">
      <PageTitle testId="book-title">{t("book.title", { station: station.name })}</PageTitle>
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="booking-rules">
        <h2 className="font-semibold mb-2">{t("book.rules")}</h2>
        <ul className="list-disc pl-5 text-sm flex flex-col gap-1">
          <li>{t("book.ruleFee", { fee: money(rules.reservationFeeMinor) })}</li>
          <li>{t("book.ruleGrace", { minutes: rules.graceMinutes })}</li>
          <li>{t("book.ruleNoShow", { fee: money(rules.noShowFeeMinor) })}</li>
          <li>{t("book.ruleCancel", { minutes: rules.freeCancelMinutes })}</li>
          <li>{t("book.ruleHold", { hold: money(rules.reservationFeeMinor + rules.noShowFeeMinor) })}</li>
        </ul>
      </section>
      <PayForm action={createBookingAction} submitLabel={t("book.submit")} workingLabel={t("pay.working")} testId="booking-form" fixFieldsText={t("pay.fixFields")} hidden={{ stationId: station.id }}>
        <div className="grid sm:grid-cols-3 gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="f-connectorId" className="text-sm font-medium">{t("book.connector")}</label>
            <select id="f-connectorId" name="connectorId" defaultValue={wanted ?? station.connectors[0]?.id} className={sel}>
              {station.connectors.map((c) => (
                <option key={c.id} value={c.id}>
                  {t("book.connectorOption", { number: c.connectorId, type: c.type, power: c.maxPowerKw })}{bookedNow.has(c.id) ? ` (${t("book.reservedNow")})` : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="f-startsAt" className="text-sm font-medium">{t("book.start")}</label>
            <select id="f-startsAt" name="startsAt" className={sel}>
              {starts.map((s, i) => (
                <option key={s.toISOString()} value={s.toISOString()}>{i === 0 ? t("book.startNow") : formatDateTime(s, locale, station.timeZone)}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="f-durationMinutes" className="text-sm font-medium">{t("book.duration")}</label>
            <select id="f-durationMinutes" name="durationMinutes" defaultValue="60" className={sel}>
              {DURATIONS.map((m) => <option key={m} value={m}>{t("book.minutes", { minutes: m })}</option>)}
            </select>
          </div>
        </div>
        {booked.length > 0 && (
          <div className="text-sm" data-testid="booked-periods">
            <p className="font-medium">{t("book.taken")}</p>
            <ul className="text-slate-600">
              {booked.map((b, i) => {
                const c = station.connectors.find((x) => x.id === b.connectorId);
                return <li key={i}>#{c?.connectorId}: {formatDateTime(b.startsAt, locale, station.timeZone)} – {formatDateTime(b.endsAt, locale, station.timeZone)}</li>;
              })}
            </ul>
          </div>
        )}
        <CardFields demo={isDemoPayments()} s={pickPrefix(t, "pay.")} walletLabel={t("pay.wallet", { balance: formatMoney(wallet?.balanceMinor ?? 0, wallet?.currency ?? rules.currency, locale) })} />
      </PayForm>
    </div>
  );
}
