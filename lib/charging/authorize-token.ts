// Seed 001's rule, widened to what OCPP needs: a card is accepted when we know
// it, its status is Accepted, it has not expired, its renter is still active,
// its garage is the station's garage (any spot of that garage will do), its
// parent group is not blocked, and it is not already charging elsewhere.
import type { AuthToken } from "../db/client.ts";
import type { DbOrTx } from "./types.ts";

export type TAuthorizationStatus = "ACCEPTED" | "BLOCKED" | "EXPIRED" | "INVALID" | "CONCURRENT_TX";

export type TAuthorization = {
  status: TAuthorizationStatus;
  expiresAt: Date | null;
  parentIdTag: string | null;
  token: AuthToken | null;
};

type TTokenFacts = {
  token: AuthToken | null;
  renterActive: boolean | null;
  parentStatus: AuthToken["status"] | null;
  stationSiteId: string | null;
  activeElsewhere: boolean;
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
  const [station, renter, parent, active] = await Promise.all([
    db.station.findUnique({ where: { id: input.stationId }, select: { siteId: true } }),
    token?.renterId ? db.renter.findUnique({ where: { id: token.renterId }, select: { isActive: true } }) : null,
    token?.parentIdTag ? db.authToken.findUnique({ where: { idTag: token.parentIdTag }, select: { status: true } }) : null,
    token && input.checkConcurrent !== false
      ? db.chargingSession.findFirst({
          where: { status: "ACTIVE", OR: [{ tokenId: token.id }, { idTag: token.idTag }] },
          select: { stationId: true, connectorNumber: true },
        })
      : null,
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
    now,
  });
  return { status, expiresAt: token?.expiresAt ?? null, parentIdTag: token?.parentIdTag ?? null, token };
}
