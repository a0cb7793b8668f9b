import "server-only";
// What every provider page starts with: the signed-in provider (404 for
// other roles), i18n, and "not found" for anything the data layer does not find.
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { isUuid } from "@/lib/ids.ts";

export async function providerPage(path: string) {
  const user = await requirePermission("provider:manage", path);
  const { t, locale } = await getI18n();
  return { user, t, locale, db: db() };
}

export { isUuid };

/** Loads a row by id; a malformed id, a missing row or a NOT_FOUND error is the 404 page. */
export async function orNotFound<T>(id: string, load: () => Promise<T | null>): Promise<T> {
  if (!isUuid(id)) notFound();
  try {
    const row = await load();
    if (row === null) notFound();
    return row;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
