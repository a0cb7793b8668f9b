// Notifications created by booking, charging and payment code, in the
// recipient's language: their saved language; a driver without saved settings
// gets the language of the request that caused the notice (or, for the
// sweeps, the one recorded when they booked or started). notify() itself only
// knows the saved language, so in the fallback case the text is rendered here.
import type { Db } from "../db/client.ts";
import { notify, type NotifyInput, type NotifyResult } from "../notifications/notify.ts";
import { renderTemplate, type Locale } from "../notifications/render.ts";

export async function recipientLocale(db: Db, userId: string, fallback?: Locale | null): Promise<Locale> {
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { preferredLanguage: true } });
  const lang = settings?.preferredLanguage ?? fallback ?? "en";
  return lang === "ru" ? "ru" : "en";
}

export async function notifyInLanguage(db: Db, input: NotifyInput, fallback?: Locale | null): Promise<NotifyResult> {
  const settings = await db.userSettings.findUnique({ where: { userId: input.userId }, select: { preferredLanguage: true } });
  // Saved settings (or no better guess): notify() picks the same language itself.
  if (settings || !fallback || fallback === "en") return notify(db, input);
  const locale = fallback;
  const vars = typeof input.vars === "function" ? input.vars(locale) : (input.vars ?? {});
  const template = input.template ? await db.notificationTemplate.findFirst({ where: { slug: input.template, isActive: true } }) : null;
  const title = template ? renderTemplate(template.titleTemplate, locale, vars) : renderTemplate(input.title ?? "", locale, vars);
  const message = template ? renderTemplate(template.messageTemplate, locale, vars) : renderTemplate(input.message ?? "", locale, vars);
  return notify(db, { ...input, template: undefined, vars: undefined, title, message });
}

/** The request language recorded on a session (sessionData.locale) or booking (billingDetails.locale). */
export function requestLocaleOf(json: unknown): Locale | null {
  const l = (json as { locale?: unknown } | null)?.locale;
  return l === "ru" || l === "en" ? l : null;
}
