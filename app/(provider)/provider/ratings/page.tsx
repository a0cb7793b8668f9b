// What drivers said: each service's average and count, then every rating.
import { PageTitle } from "@/components/ui/stat.tsx";
import { formatDateTime } from "@/lib/format.ts";
import { providerRatings } from "@/lib/mobile/provider-views.ts";
import { providerPage } from "../page-context.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mobile charging ratings" };

export default async function RatingsPage() {
  const { user, t, locale, db } = await providerPage("/provider/ratings");
  const { services, rated } = await providerRatings(db, user);
  return (
    <div className="flex flex-col gap-4" data-testid="provider-ratings">
      <PageTitle testId="ratings-title">{t("provider.rate.title")}</PageTitle>
      <ul className="grid gap-3 sm:grid-cols-2">
        {services.map((s) => (
          <li key={s.id} className="bg-white rounded-lg border border-slate-200 p-4 text-sm" data-testid="rating-service">
            <p className="font-semibold">{s.serviceName}</p>
            <p><span data-testid="rating-avg">★ {s.ratingAvg.toFixed(2)}</span> · {t("provider.rate.count", { count: s.ratingCount })} · {t("provider.rate.served", { count: s.totalServices })}</p>
          </li>
        ))}
      </ul>
      {rated.length === 0 ? <p className="text-slate-600">{t("provider.rate.none")}</p> : (
        <ul className="flex flex-col gap-2">
          {rated.map((r) => (
            <li key={r.id} className="bg-white rounded-lg border border-slate-200 p-3 text-sm" data-testid="rating-row">
              <p><span className="text-amber-600" aria-label={t("provider.rate.stars", { n: r.rating! })}>{"★".repeat(r.rating!)}{"☆".repeat(5 - r.rating!)}</span> · {r.user.name} · {r.service.serviceName} · <span className="text-slate-500">{r.ratedAt ? formatDateTime(r.ratedAt, locale, "Europe/Berlin") : ""}</span></p>
              {r.ratingComment && <p className="mt-1">{r.ratingComment}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
