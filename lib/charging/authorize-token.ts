// Seed 001's rule, widened to what OCPP needs: a card is accepted when we know
// it, its status is Accepted, it has not expired, its renter is still active,
// its garage is the station's garage (any spot of that garage will do), its
// parent group is not blocked, and it is not already charging elsewhere.
// On a connector booked for now, only the booking driver's cards and app token
// are accepted (OCPP 1.6 has no "reserved" status: others get Blocked).
import { createHash } from "node:crypto";
import type { AuthToken } from "../db/client.ts";
import type { DbOrTx } from "./types.ts";

/**
 * The OCPP parentIdTag grouping all of a driver's tokens (app token and RFID
 * cards). ReserveNow carries it, and Authorize/StartTransaction answer it for
 * the driver's cards, so the charger accepts any of them on the reservation.
 * Derived, not stored: it needs no row, and a card added later joins the group.
 * 20 characters at most (OCPP 1.6 idToken length).
 */
export function driverGroupTag(userId: string): string {
  return `GRP${createHash("sha256").update(`driver-group:${userId}`).digest("hex").slice(0, 17).toUpperCase()}`;
}

/** A card's own parentIdTag if it has one, else its driver's group. */
export function parentIdTagOf(token: Pick<AuthToken, "parentIdTag" | "userId"> | null): string | null {
  if (!token) return null;
  return token.parentIdTag ?? (token.userId ? driverGroupTag(token.userId) : null);
}

export type TAuthorizationStatus = "ACCEPTED" | "BLOCKED" | "EXPIRED" | "INVALID" | "CONCURRENT_TX";

export type TAuthorization = {
  status: TAuthorizationStatus;
  expiresAt: Date | null;
  parentIdTag: string | null;
  token: AuthToken | null;
  /** Refused because the connector is booked for another driver right now. */
  reservedForOther?: boolean;
};

type TTokenFacts = {
  token: AuthToken | null;
  renterActive: boolean | null;
  parentStatus: AuthToken["status"] | null;
  stationSiteId: string | null;
  activeElsewhere: boolean;
  /** A live booking covers the connector now and belongs to someone else. */
  reservedForOther?: boolean;
  now: Date;
};

/** The rule itself, without the database: easy to read and to unit-test. */
export function decideAuthorization(f: TTokenFacts): TAuthorizationStatus {
  const t = f.token;
  if (!t) return "INVALID";
  if (t.status === "BLOCKED" || f.parentStatus === "BLOCKED") return "BLOCKED";
  if (t.status === "EXPIRED" || (t.expiresAt && t.expiresAt.getTime() <= f.now.getTime())) return "EXPIRED";
  if (t.status !== "ACCEPTED") return "INVALID";
  if (f.renterActive === false) return "INVALID";
  if (t.siteId && f.stationSiteId !== t.siteId) return "INVALID";
  if (f.reservedForOther) return "BLOCKED";
  if (f.activeElsewhere) return "CONCURRENT_TX";
  return "ACCEPTED";
}

/** OCPP idTags are case-insensitive; exact match first because it uses the unique index. */
export async function findToken(db: DbOrTx, idTag: string): Promise<AuthToken | null> {
  return (
    (await db.authToken.findUnique({ where: { idTag } })) ??
    (await db.authToken.findFirst({ where: { idTag: { equals: idTag, mode: "insensitive" } } }))
  );
}

export async function authorizeToken(
  db: DbOrTx,
  input: {
    idTag: string;
    stationId: string;
    /** Skip the "already charging elsewhere" check (e.g. for StopTransaction). */
    checkConcurrent?: boolean;
    /** A connector on this station whose own transaction must not count as "elsewhere". */
    connectorNumber?: number;
    now?: Date;
  },
): Promise<TAuthorization> {
  const now = input.now ?? new Date();
  const token = await findToken(db, input.idTag);
  const [station, renter, parent, active, booking] = await Promise.all([
    db.station.findUnique({ where: { id: input.stationId }, select: { siteId: true } }),
    token?.renterId ? db.renter.findUnique({ where: { id: token.renterId }, select: { isActive: true } }) : null,
    token?.parentIdTag ? db.authToken.findUnique({ where: { idTag: token.parentIdTag }, select: { status: true } }) : null,
    token && input.checkConcurrent !== false
      ? db.chargingSession.findFirst({
          where: { status: "ACTIVE", OR: [{ tokenId: token.id }, { idTag: token.idTag }] },
          select: { stationId: true, connectorNumber: true },
        })
      : null,
    input.connectorNumber !== undefined ? bookingNow(db, input.stationId, input.connectorNumber, now) : null,
  ]);
  const activeElsewhere =
    !!active &&
    (active.stationId !== input.stationId ||
      (input.connectorNumber !== undefined && active.connectorNumber !== input.connectorNumber));
  const status = decideAuthorization({
    token,
    renterActive: renter ? renter.isActive : null,
    parentStatus: parent?.status ?? null,
    stationSiteId: station?.siteId ?? null,
    activeElsewhere,
    reservedForOther: !!booking && booking.userId !== token?.userId,
    now,
  });
  return { status, expiresAt: token?.expiresAt ?? null, parentIdTag: parentIdTagOf(token), token, reservedForOther: !!booking && booking.userId !== token?.userId };
}

/** The live booking holding a connector at `now` (the statuses bookings_no_overlap covers). */
async function bookingNow(db: DbOrTx, stationId: string, connectorNumber: number, now: Date) {
  return db.booking.findFirst({
    where: { stationId, connector: { connectorId: connectorNumber }, status: { in: ["PENDING", "CONFIRMED", "ACTIVE"] }, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { userId: true },
  });
}
