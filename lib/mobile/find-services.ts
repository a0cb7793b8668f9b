// Which mobile charging services can come to a driver: listed (ACTIVE), with
// their licence and insurance approved by an admin, covering the driver's
// position (within both the service area and the provider's maximum
// distance), serving the plug, and open at the time wanted.
import type { Db } from "../db/client.ts";
import type { ConnectorType } from "../db/generated/enums.ts";
import { isOpenAt } from "./availability.ts";
import { boxAround, distanceKm, type LatLng } from "./geo.ts";
import { estimateMobileCharge, type TChargeWanted, type TMobileEstimate } from "./estimate.ts";

export const REQUIRED_DOCUMENTS = ["BUSINESS_LICENSE", "INSURANCE"] as const;

/** No area is larger than this; bounds the index scan. */
const MAX_AREA_KM = 300;

export type TServiceOffer = {
  id: string;
  companyName: string;
  serviceName: string;
  description: string | null;
  isPremium: boolean;
  ratingAvg: number;
  ratingCount: number;
  plugTypes: ConnectorType[];
  estimate: TMobileEstimate;
};

export async function findServices(
  db: Db,
  q: LatLng & { plugType: ConnectorType; at?: Date } & TChargeWanted,
): Promise<TServiceOffer[]> {
  const box = boxAround(q, MAX_AREA_KM);
  const candidates = await db.mobileService.findMany({
    where: {
      status: "ACTIVE",
      plugTypes: { has: q.plugType },
      centerLat: { gte: box.south, lte: box.north },
      centerLng: { gte: box.west, lte: box.east },
      // Every required document approved.
      AND: REQUIRED_DOCUMENTS.map((kind) => ({ documents: { some: { kind, status: "APPROVED" as const } } })),
    },
    take: 500,
  });
  const at = q.at ?? new Date();
  return candidates
    .map((s) => ({ s, d: distanceKm(q, { lat: s.centerLat, lng: s.centerLng }) }))
    .filter(({ s, d }) => d <= s.radiusKm && d <= s.maxDistanceKm && isOpenAt(s, at))
    .map(({ s, d }) => ({
      id: s.id,
      companyName: s.companyName,
      serviceName: s.serviceName,
      description: s.description,
      isPremium: s.isPremium,
      ratingAvg: s.ratingAvg,
      ratingCount: s.ratingCount,
      plugTypes: s.plugTypes,
      estimate: estimateMobileCharge(s, d, q),
    }))
    .sort((a, b) => Number(b.isPremium) - Number(a.isPremium) || a.estimate.etaMinutes - b.estimate.etaMinutes || a.estimate.totalMinor - b.estimate.totalMinor);
}
