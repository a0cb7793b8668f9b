import "server-only";
// What every garage page starts with: the signed-in garage admin (404 for
// other roles), the garage if they administer it (404 otherwise), and i18n.
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { findSite } from "@/lib/garage/context.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { isUuid } from "@/lib/ids.ts";

export async function garagePage(siteId: string, path: string) {
  const user = await requirePermission("garage:manage", path);
  const { t, locale } = await getI18n();
  const site = await orNotFound(() => findSite(db(), user, siteId));
  return { user, site, t, locale, db: db() };
}

/** Turns the data layer's "not found" into the 404 page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) notFound();
    throw err;
  }
}

export { isUuid };

/** Route params that are not ids cannot name anything. */
export function requireIds(...ids: string[]) {
  if (!ids.every(isUuid)) notFound();
}
