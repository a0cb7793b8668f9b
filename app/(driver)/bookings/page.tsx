// The driver's bookings: status, cancel (free until the cut-off), start charging, receipt.
import Link from "next/link";
import { CancelBookingButton } from "@/components/booking/cancel-button.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import { connectorLabel } from "@/lib/i18n/labels.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { cancelBookingAction } from "./actions.ts";
import { driverBookings } from "@/lib/booking/index.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "My bookings" };

export default async function BookingsPage({ searchParams }: { searchParams: Promise<{ created?: string; cancelled?: string }> }) {
  const user = await requirePermission("driver:self", "/bookings");
  const { created, cancelled } = await searchParams;
  const { t, locale } = await getI18n();
  const time = await getTimeFormat();
  const now = new Date();
  const { upcoming, past } = await driverBookings(db(), user.id, now);
  const bookings = [...upcoming, ...past];
  const gone = cancelled ? bookings.find((b) => b.id === cancelled && b.status === "CANCELLED") : undefined;
  return (
    <div className="flex flex-col gap-4 max-w-3xl">
      <PageTitle testId="bookings-title">{t("bookings.title")}</PageTitle>
      {created && <p role="status" className="rounded-md bg-brand-50 border border-brand-200 px-3 py-2" data-testid="booking-created">{t("bookings.created")}</p>}
      {gone && (
        <p role="status" className="rounded-md bg-brand-50 border border-brand-200 px-3 py-2" data-testid="booking-cancelled">
          {gone.totalAmountMinor > 0 ? t("bookings.cancelLate", { fee: formatMoney(gone.totalAmountMinor, gone.currency, locale) }) : t("bookings.cancelFree")}
        </p>
      )}
      {bookings.length === 0 ? <p className="text-slate-600">{t("bookings.none")}</p> : (
        <div className="flex flex-col gap-5" data-testid="booking-list">
          {([["upcoming", upcoming], ["past", past]] as const).map(([group, list]) => list.length > 0 && (
            <section key={group} className="flex flex-col gap-2" data-testid={`bookings-${group}`}>
              <h2 className="font-semibold">{t(group === "upcoming" ? "bookings.upcoming" : "bookings.past")}</h2>
              <ul className="flex flex-col gap-3">
                {list.map((b) => (
                  <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-3 flex flex-col gap-2" data-testid="booking-item" data-booking-id={b.id}>
                    <div className="flex flex-wrap justify-between gap-2">
                      <span className="font-medium">{b.station.name} · #{b.connector.connectorId} · {connectorLabel(b.connector.type, locale)}</span>
                      <span className="text-sm rounded-full bg-slate-100 px-2 py-0.5" data-testid="booking-status">{t(`bookings.status.${b.status}` as MessageKey)}</span>
                    </div>
                    <p className="text-sm">{time.when(b.startsAt, b.station.timeZone)} – {time.when(b.endsAt, b.station.timeZone)}</p>
                    <div className="flex flex-wrap gap-3 items-center text-sm">
                      {(b.status === "CONFIRMED" || b.status === "ACTIVE") && b.endsAt > now && b.startsAt.getTime() - 10 * 60_000 <= now.getTime() && (
                        <Link href={`/stations/${b.stationId}/charge?booking=${b.id}`} className="rounded-md bg-brand-600 text-white px-3 py-1.5 font-medium" data-testid="booking-charge">{t("bookings.charge")}</Link>
                      )}
                      {b.status === "CONFIRMED" && (
                        <CancelBookingButton bookingId={b.id} action={cancelBookingAction} label={t("bookings.cancel")} working={t("bookings.cancelWorking")} />
                      )}
                      {b.heldMinor > 0 && <span data-testid="booking-amount">{t("bookings.amountHeld", { amount: formatMoney(b.heldMinor, b.currency, locale) })}</span>}
                      {b.heldMinor === 0 && b.chargedMinor > 0 && <Link href={`/account/receipts/booking/${b.id}`} className="underline" data-testid="booking-amount">{t("bookings.receipt")} · {t("bookings.amountCharged", { amount: formatMoney(b.chargedMinor, b.currency, locale) })}</Link>}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
