// The account strip's labels, picked on the server for the client component.
import type { Translate } from "@/lib/i18n/translate.ts";

export const ACCOUNT_SECTIONS = [
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

export type TAccountNavLabels = Record<(typeof ACCOUNT_SECTIONS)[number][1] | "driver.nav.label", string>;


export function accountNavLabels(t: Translate): TAccountNavLabels {
  const labels = { "driver.nav.label": t("driver.nav.label") } as TAccountNavLabels;
  for (const [, key] of ACCOUNT_SECTIONS) labels[key] = t(key);
  return labels;
}
