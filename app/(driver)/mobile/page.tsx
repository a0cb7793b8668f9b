// Request a mobile charge: where, what car, how much; then the services that
// can come, with price and response time, and the rules before paying.
import { pickPrefix } from "@/components/payments/strings.ts";
import { RequestForm } from "@/components/mobile/request-form.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { env } from "@/lib/env.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { pickStrings } from "@/lib/mobile/localize.ts";
import { FREE_CANCEL_MINUTES_AFTER_CONFIRM } from "@/lib/mobile/request-rules.ts";
import { isDemoPayments } from "@/lib/payments/index.ts";
import { createRequestAction, findOffersAction } from "./actions.ts";
import { MobileNav } from "./nav.tsx";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mobile charging" };

export default async function MobileRequestPage() {
  const user = await requirePermission("driver:self", "/mobile");
  const { t } = await getI18n();
  const me = await db().user.findUnique({ where: { id: user.id }, select: { phone: true, email: true } });
  const rules = [
    t("mobile.rules.pending"),
    t("mobile.rules.confirmed", { minutes: FREE_CANCEL_MINUTES_AFTER_CONFIRM }),
    t("mobile.rules.enRoute"),
    t("mobile.rules.charging"),
    t("mobile.rules.provider"),
    t("mobile.rules.hold"),
  ];
  return (
    <div className="flex flex-col gap-4 max-w-3xl" data-testid="mobile-request-page">
      <MobileNav t={t} />
      <PageTitle testId="mobile-title">{t("mobile.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("mobile.intro")}</p>
      <RequestForm findOffers={findOffersAction} create={createRequestAction} tileUrl={env().MAP_TILE_URL || null} demo={isDemoPayments()}
        pay={pickPrefix(t, "pay.")} rules={rules} defaults={{ phone: me?.phone ?? "", email: me?.email ?? "" }}
        m={pickStrings(t, "mobile.", "provider.working", "provider.premium")} />
    </div>
  );
}
