// What every garage data function receives besides its input: who asks, and
// from where (for the audit log). Authorisation happens inside each query.
import type { CurrentUser } from "../auth/current-user.ts";
import type { Db } from "../db/client.ts";
import { notFoundError } from "../errors/app-error.ts";
import { siteScope } from "./site-scope.ts";

export type TGarageUser = Pick<CurrentUser, "id" | "role">;
export type TRequestMeta = { ip?: string | null; userAgent?: string | null };

export const PAGE_SIZE = 20;

export function actorOf(user: TGarageUser) {
  return { id: user.id, role: user.role };
}

/** The garage, if the user may see it; "not found" otherwise (never "forbidden"). */
export async function findSite(db: Db, user: TGarageUser, siteId: string) {
  const site = await db.site.findFirst({
    where: { id: siteId, kind: "GARAGE", ...siteScope(user) },
    select: { id: true, name: true, address: true, timeZone: true, currency: true, energyPricePerKwhMinor: true },
  });
  if (!site) throw notFoundError("This garage");
  return site;
}
export type TSite = Awaited<ReturnType<typeof findSite>>;

/** Where-clause fragment: rows of this garage, and only if the user administers it. */
export function inSite(user: TGarageUser, siteId: string) {
  return { siteId, site: { kind: "GARAGE" as const, ...siteScope(user) } };
}

export function pageOf(page: number, total: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return { page: Math.min(page, pages), pages, total };
}
