import "server-only";
// What every owner page starts with: the signed-in owner (404 for other
// roles), i18n, and "not found" for anything the data layer does not find.
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { isUuid } from "@/lib/owner/context.ts";

export async function ownerPage(path: string) {
  const user = await requirePermission("owner:manage", path);
  const { t, locale } = await getI18n();
  return { user, t, locale, db: db() };
}

export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) notFound();
    throw err;
  }
}

export function requireIds(...ids: string[]) {
  if (!ids.every(isUuid)) notFound();
}

/** The owner strings a client component needs, by key prefix. */
export async function clientMessages(...prefixes: string[]): Promise<Record<string, string>> {
  const { t } = await getI18n();
  const { ownerEn } = await import("@/lib/i18n/messages/owner.en.ts");
  return Object.fromEntries(Object.keys(ownerEn).filter((k) => prefixes.some((p) => k.startsWith(p))).map((k) => [k, t(k as keyof typeof ownerEn)]));
}
