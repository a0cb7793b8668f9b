import "server-only";
// The signed-in admin plus the request's IP and user agent, for lib/admin functions.
import type { CurrentUser } from "../auth/current-user.ts";
import { requestMeta } from "../http/request-meta.ts";
import type { AdminActor } from "./actor.ts";

export async function requestActor(user: CurrentUser | null): Promise<AdminActor> {
  // defineAction has already refused anyone without platform:admin.
  if (!user) throw new Error("requestActor called without a user");
  const meta = await requestMeta();
  return { id: user.id, role: user.role, ip: meta.ip, userAgent: meta.userAgent };
}
