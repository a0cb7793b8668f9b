import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate.ts";

/** The two driver pages of mobile charging, side by side. */
export function MobileNav({ t }: { t: Translate }) {
  return (
    <nav aria-label={t("mobile.nav.label")} className="flex gap-3 text-sm border-b border-slate-200 pb-2">
      <Link href="/mobile" className="hover:underline">{t("mobile.nav.request")}</Link>
      <Link href="/mobile/requests" className="hover:underline" data-testid="my-requests-link">{t("mobile.nav.mine")}</Link>
    </nav>
  );
}
