// Notifications created by booking, charging and payment code, in the
// recipient's language: their saved language; a driver without saved settings
// gets the language of the request that caused the notice (or, for the
// sweeps, the one recorded when they booked or started), through notify()'s
// fallbackLocale.
import type { Db } from "../db/client.ts";
import { notify, type NotifyInput, type NotifyResult } from "../notifications/notify.ts";
import type { Locale } from "../notifications/render.ts";

export async function recipientLocale(db: Db, userId: string, fallback?: Locale | null): Promise<Locale> {
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { preferredLanguage: true } });
  const lang = settings?.preferredLanguage ?? fallback ?? "en";
  return lang === "ru" ? "ru" : "en";
}

export function notifyInLanguage(db: Db, input: NotifyInput, fallback?: Locale | null): Promise<NotifyResult> {
  return notify(db, { ...input, fallbackLocale: fallback });
}

/** The request language recorded on a session (sessionData.locale) or booking (billingDetails.locale). */
export function requestLocaleOf(json: unknown): Locale | null {
  const l = (json as { locale?: unknown } | null)?.locale;
  return l === "ru" || l === "en" ? l : null;
}
