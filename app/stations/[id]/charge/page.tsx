// Start charging from the browser: connector, target, estimate, payment, Start.
import Link from "next/link";
import { notFound } from "next/navigation";
import { StartTarget } from "@/components/charging/start-target.tsx";
import { CardFields } from "@/components/payments/card-fields.tsx";
import { PayForm } from "@/components/payments/pay-form.tsx";
import { pickPrefix } from "@/components/payments/strings.ts";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { bookedPeriods } from "@/lib/booking/index.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { isDemoPayments } from "@/lib/payments/index.ts";
import { connectorPricing } from "@/lib/sessions/index.ts";
import { describeTariff } from "@/lib/tariffs/index.ts";
import { startChargingAction } from "./actions.ts";
import { isUuid } from "@/lib/stations/visibility.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Start charging" };

export default async function ChargePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ connector?: string; booking?: string }> }) {
  const { id } = await params;
  const q = await searchParams;
  const user = await requirePermission("driver:self", `/stations/${id}/charge`);
  const { t, locale } = await getI18n();
  if (!isUuid(id)) notFound();
  const station = await db().station.findFirst({
    where: { id, status: "ACTIVE", publish: true },
    select: { id: true, name: true, timeZone: true, ocppIdentity: true, isOnline: true, connectors: { where: { removed: false }, orderBy: { connectorId: "asc" } } },
  });
  if (!station) notFound();
  const booking = q.booking && isUuid(q.booking) ? await db().booking.findFirst({ where: { id: q.booking, userId: user.id, stationId: station.id, status: { in: ["CONFIRMED", "ACTIVE"] } } }) : null;
  const chosen = station.connectors.find((c) => c.id === (booking?.connectorId ?? q.connector)) ?? station.connectors[0];
  const pricing = chosen ? await connectorPricing(db(), station.id, chosen.connectorId) : null;
  const now = new Date();
  const [booked, wallet] = await Promise.all([bookedPeriods(db(), station.id, now, new Date(now.getTime() + 60_000)), db().wallet.findUnique({ where: { userId: user.id } })]);
  const reservedForOthers = new Set(booked.filter((b) => b.userId !== user.id).map((b) => b.connectorId));
  const offline = !!station.ocppIdentity && !station.isOnline;
  const problem = !station.ocppIdentity ? t("charge.notOcpp") : offline ? t("charge.offline") : !pricing ? t("charge.noPrice") : null;
  const sel = "border border-slate-300 rounded-md px-3 py-2 text-base bg-white w-full";

  return (
    <div className="flex flex-col gap-5 max-w-2xl" data-testid="charge-page">
      <PageTitle testId="charge-title">{t("charge.title", { station: station.name })}</PageTitle>
      {booking && <p className="text-sm" data-testid="charge-booking">{t("charge.booking", { start: formatDateTime(booking.startsAt, locale, station.timeZone), end: formatDateTime(booking.endsAt, locale, station.timeZone) })}</p>}
      {problem ? (
        <div className="flex flex-col gap-3">
          <div role="alert" className="rounded-md bg-amber-50 border border-amber-300 px-3 py-2" data-testid="charge-problem">
            <p className="font-medium">{problem}</p>
            {offline && <p className="text-sm">{t("charge.offlineHelp")}</p>}
          </div>
          <p className="flex flex-wrap gap-3">
            <Link href={`/stations/${station.id}`} className="rounded-md border border-slate-300 px-3 py-2 font-medium" data-testid="charge-back">← {t("charge.backToStation")}</Link>
            {/* A booking for later works while the charger is away: it is reserved on the charger when the slot starts. */}
            {offline && <Link href={`/stations/${station.id}/book${chosen ? `?connector=${chosen.id}` : ""}`} className="rounded-md border border-brand-600 text-brand-700 px-3 py-2 font-medium" data-testid="charge-book-instead">{t("charge.book")}</Link>}
          </p>
        </div>
      ) : (
        <>
          {pricing && (
            <section className="text-sm" data-testid="tariff">
              <h2 className="font-semibold">{t("charge.tariff")}</h2>
              <ul>{describeTariff(pricing.tariff, locale === "ru" ? "ru" : "en").map((l, i) => <li key={i}>{l}</li>)}</ul>
            </section>
          )}
          <PayForm action={startChargingAction} submitLabel={t("charge.submit")} workingLabel={t("charge.working")} testId="charge-form" fixFieldsText={t("pay.fixFields")}
            hidden={{ stationId: station.id, ...(booking ? { bookingId: booking.id } : {}) }}>
            <div className="flex flex-col gap-1 max-w-xs">
              <label htmlFor="f-connectorNumber" className="text-sm font-medium">{t("book.connector")}</label>
              <select id="f-connectorNumber" name="connectorNumber" defaultValue={chosen?.connectorId} className={sel}>
                {station.connectors.map((c) => (
                  <option key={c.id} value={c.connectorId} disabled={reservedForOthers.has(c.id)}>
                    {t("book.connectorOption", { number: c.connectorId, type: c.type, power: c.maxPowerKw })}{reservedForOthers.has(c.id) ? ` (${t("book.reservedNow")})` : ""}
                  </option>
                ))}
              </select>
            </div>
            <StartTarget tariff={pricing!.tariff} powerKw={pricing!.powerKw} timeZone={pricing!.timeZone} locale={locale} s={pickPrefix(t, "charge.", "unit.")} />
            <CardFields demo={isDemoPayments()} s={pickPrefix(t, "pay.")} walletLabel={t("pay.wallet", { balance: formatMoney(wallet?.balanceMinor ?? 0, wallet?.currency ?? pricing!.currency, locale) })} />
          </PayForm>
        </>
      )}
    </div>
  );
}
