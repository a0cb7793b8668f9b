// For the payment code: where a driver's payment at a station goes. At an
// owner-listed station whose owner can take charges, it is a destination
// charge to the owner's Connect account with the platform fee as the
// application fee; otherwise the platform keeps it and the fee is still
// recorded, so the monthly statement shows what the owner is owed.
import type { Db } from "../../db/client.ts";
import { platformFeeFor, platformFeePercent } from "../fees.ts";

export async function payoutRouteFor(db: Db, stationId: string, amountMinor: number) {
  const station = await db.station.findUnique({
    where: { id: stationId },
    select: { ownerId: true, owner: { select: { payoutAccount: { select: { stripeAccountId: true, chargesEnabled: true } } } } },
  });
  if (!station?.ownerId) return { platformFeeMinor: 0, destinationAccountId: undefined };
  const percent = await platformFeePercent(db);
  const acct = station.owner?.payoutAccount;
  return {
    platformFeeMinor: platformFeeFor(amountMinor, percent),
    destinationAccountId: acct?.chargesEnabled && acct.stripeAccountId ? acct.stripeAccountId : undefined,
  };
}
