import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { ROLE_HOME } from "@/lib/auth/roles.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { NotificationBell } from "@/components/ui/notification-bell.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { SignOutButton } from "./sign-out-button.tsx";
import { TimeZoneCookie } from "./time-zone-cookie.tsx";
import { cookies } from "next/headers";

const HOME_LABEL: Record<string, MessageKey> = {
  DRIVER: "nav.account",
  OWNER: "nav.owner",
  GARAGE_ADMIN: "nav.garage",
  MOBILE_PROVIDER: "nav.provider",
  ADMIN: "nav.admin",
};

export async function SiteHeader() {
  const [user, { t, locale }, jar] = await Promise.all([getCurrentUser(), getI18n(), cookies()]);
  return (
    <header className="bg-white border-b border-slate-200 no-print">
      <TimeZoneCookie current={jar.get("tz")?.value ?? null} />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">{t("nav.skip")}</a>
      <nav aria-label={t("nav.main")} className="max-w-6xl mx-auto px-4 h-14 flex items-center gap-3">
        <Link href="/" className="font-bold text-brand-700 text-lg mr-auto flex items-center gap-1">
          <span aria-hidden>⚡</span> {t("app.name")}
        </Link>
        <Link href="/" className="text-sm hover:underline hidden sm:inline">{t("nav.map")}</Link>
        {user ? (
          <>
            <Link href={ROLE_HOME[user.role]} className="text-sm font-medium hover:underline" data-testid="nav-home">
              {t(HOME_LABEL[user.role])}
            </Link>
            <NotificationBell userId={user.id} label={t("notifications.title")} />
            <span className="text-xs text-slate-500 hidden md:inline" data-testid="nav-user">
              {user.name} · {t(`role.${user.role}` as MessageKey)}
            </span>
            <SignOutButton label={t("nav.signOut")} />
          </>
        ) : (
          <>
            <Link href="/signin" className="text-sm font-medium hover:underline">{t("nav.signIn")}</Link>
            <Link href="/signup" className="text-sm rounded-md bg-brand-600 text-white px-3 py-1.5 hover:bg-brand-700">
              {t("nav.signUp")}
            </Link>
          </>
        )}
        <LanguageSwitcher locale={locale} label={t("nav.language")} />
      </nav>
    </header>
  );
}
