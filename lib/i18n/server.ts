import "server-only";
// The request's language: the "lang" cookie (set by the switcher and from the
// user's settings at sign-in), else the browser's Accept-Language.
import { cookies, headers } from "next/headers";
import { isLocale, localeFromAcceptLanguage, translator, type Locale } from "./translate.ts";

export const LOCALE_COOKIE = "lang";

export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export async function getI18n() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
