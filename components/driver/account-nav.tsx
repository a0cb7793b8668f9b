// The driver account's sections; a horizontal strip that scrolls on a phone.
import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate.ts";

const ITEMS = [
  ["/account", "driver.nav.overview"],
  ["/account/favorites", "driver.nav.favorites"],
  ["/account/history", "driver.nav.history"],
  ["/bookings", "driver.nav.bookings"],
  ["/account/wallet", "driver.nav.wallet"],
  ["/account/receipts", "driver.nav.receipts"],
  ["/mobile", "driver.nav.mobile"],
  ["/account/reviews", "driver.nav.reviews"],
  ["/account/settings", "driver.nav.settings"],
] as const;

export function AccountNav({ current, t }: { current: string; t: Translate }) {
  return (
    <nav aria-label={t("driver.nav.label")} className="-mx-4 px-4 overflow-x-auto mb-4">
      <ul className="flex gap-1 whitespace-nowrap border-b border-slate-200">
        {ITEMS.map(([href, key]) => (
          <li key={href}>
            <Link href={href} aria-current={current === href ? "page" : undefined}
              className={`inline-block px-3 py-2 text-sm border-b-2 -mb-px ${current === href ? "border-brand-600 font-semibold text-brand-700" : "border-transparent hover:border-slate-300"}`}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
