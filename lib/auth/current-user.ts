import "server-only";
// Who is asking, read from the database on every request: a suspended user,
// or one whose sessions were ended (sessionVersion bumped), is nobody.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { db } from "../db/client.ts";
import type { UserRole } from "../db/generated/enums.ts";
import { authOptions } from "./options.ts";
import { can, type Permission } from "./roles.ts";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
};

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true },
  });
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== (session.sv ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: signed-out visitors go to sign-in. */
export async function requireUser(next?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(next ? `/signin?callbackUrl=${encodeURIComponent(next)}` : "/signin");
  return user;
}

/** For pages of one role: to anyone else the page does not exist. */
export async function requirePermission(permission: Permission, next?: string): Promise<CurrentUser> {
  const user = await requireUser(next);
  if (!can(user.role, permission)) notFound();
  return user;
}
