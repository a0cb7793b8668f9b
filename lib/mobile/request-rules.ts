// The life of a mobile charging request, as data:
//   PENDING -> CONFIRMED (provider accepts; the driver's payment is already held)
//   -> EN_ROUTE (van on the way; position and ETA tracked) -> CHARGING
//   -> COMPLETED (energy and price recorded, payment captured)
//   or CANCELLED by either side, with a reason.
import type { MobileRequestStatus } from "../db/generated/enums.ts";

export const NEXT_STATUS: Partial<Record<MobileRequestStatus, MobileRequestStatus>> = {
  PENDING: "CONFIRMED",
  CONFIRMED: "EN_ROUTE",
  EN_ROUTE: "CHARGING",
  CHARGING: "COMPLETED",
};

/** Free cancellation right after confirming, before the van has set off. */
export const FREE_CANCEL_MINUTES_AFTER_CONFIRM = 5;

/**
 * What a driver pays when they cancel (shown before they confirm the request):
 * nothing while pending or within 5 minutes of confirmation; half the travel
 * fee after that; the whole travel fee once the van is on its way. Charging
 * cannot be cancelled, only completed. A provider's cancellation costs the driver nothing.
 */
export function driverCancellationFee(
  r: { status: MobileRequestStatus; travelFeeMinor: number; confirmedAt: Date | null },
  now: Date,
): { allowed: boolean; feeMinor: number } {
  switch (r.status) {
    case "PENDING":
      return { allowed: true, feeMinor: 0 };
    case "CONFIRMED": {
      const free = r.confirmedAt && now.getTime() - r.confirmedAt.getTime() <= FREE_CANCEL_MINUTES_AFTER_CONFIRM * 60_000;
      return { allowed: true, feeMinor: free ? 0 : Math.floor(r.travelFeeMinor / 2) };
    }
    case "EN_ROUTE":
      return { allowed: true, feeMinor: r.travelFeeMinor };
    default:
      return { allowed: false, feeMinor: 0 };
  }
}

/** The hold placed on the driver's card: the estimate plus 25 % (energy delivered may differ), in whole major units. */
export function holdFor(estimateMinor: number, exponent = 2): number {
  const unit = 10 ** exponent;
  return Math.ceil((estimateMinor * 1.25) / unit) * unit;
}
