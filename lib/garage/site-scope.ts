// Which garages a user may see: their own for a garage admin, all for a
// platform admin. Used inside every garage query, so "not yours" = "not found".
import type { CurrentUser } from "../auth/current-user.ts";
import type { Prisma } from "../db/generated/client.ts";

export function siteScope(user: Pick<CurrentUser, "id" | "role">): Prisma.SiteWhereInput {
  if (user.role === "ADMIN") return {};
  if (user.role === "GARAGE_ADMIN") return { admins: { some: { userId: user.id } } };
  return { id: { in: [] } };
}
