// What every owner data function receives besides its input: who asks, and
// from where (for the audit log). Authorisation is part of each query: a
// station of another owner is "not found", never "forbidden".
import type { CurrentUser } from "../auth/current-user.ts";
import type { Db } from "../db/client.ts";
import { notFoundError } from "../errors/app-error.ts";

export type TOwnerUser = Pick<CurrentUser, "id" | "role">;
export type TRequestMeta = { ip?: string | null; userAgent?: string | null };

export function actorOf(user: TOwnerUser) {
  return { id: user.id, role: user.role };
}

/** Where-clause fragment: stations listed by this user. Admins see only their own
 *  listings here too; they manage everyone's stations in the admin console. */
export function ownedBy(user: TOwnerUser) {
  return { ownerId: user.id };
}

export async function findOwnStation(db: Db, user: TOwnerUser, stationId: string) {
  const station = await db.station.findFirst({ where: { id: stationId, ...ownedBy(user) }, select: { id: true, name: true, status: true, timeZone: true, currency: true } });
  if (!station) throw notFoundError("This station");
  return station;
}

export { isUuid } from "../ids.ts";
