import "server-only";
// The signed-in admin plus the request's IP and user agent, for lib/admin functions.
import type { CurrentUser } from "../auth/current-user.ts";
import { can } from "../auth/roles.ts";
import { notFoundError } from "../errors/app-error.ts";
import { requestMeta } from "../http/request-meta.ts";
import type { AdminActor } from "./actor.ts";

export async function requestActor(user: CurrentUser | null): Promise<AdminActor> {
  // defineAction has already refused anyone without platform:admin; checked
  // again here so an action declared with the wrong permission still cannot
  // reach the admin functions (they see every row).
  if (!user || !can(user.role, "platform:admin")) throw notFoundError("This page");
  const meta = await requestMeta();
  return { id: user.id, role: user.role, ip: meta.ip, userAgent: meta.userAgent };
}
