// The driver's reviews (editable in place) and the stations they may still review.
import Link from "next/link";
import { pickStrings } from "@/components/map/strings.ts";
import { ReviewForm } from "@/components/station/review-form.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { saveReviewAction } from "@/app/stations/[id]/actions.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { mapEn } from "@/lib/i18n/messages/map.en.ts";
import { stationsAwaitingReview } from "@/lib/reviews/eligibility.ts";
import { myReviews } from "@/lib/reviews/list-reviews.ts";

export const metadata = { title: "Reviews" };
export const dynamic = "force-dynamic";

export default async function ReviewsPage() {
  const user = await requirePermission("driver:self", "/account/reviews");
  const { t } = await getI18n();
  const [reviews, awaiting] = await Promise.all([myReviews(db(), user.id), stationsAwaitingReview(db(), user.id)]);
  const s = pickStrings(t as (k: never) => string, Object.keys(mapEn).filter((k) => k.startsWith("station.review")).concat("station.working", "station.networkError"));
  return (
    <div className="flex flex-col gap-4" data-testid="reviews-page">
      <PageTitle>{t("driver.reviews.title")}</PageTitle>
      {awaiting.length > 0 && (
        <section className="bg-brand-50 rounded-lg p-4">
          <h2 className="font-semibold">{t("driver.reviews.awaiting")}</h2>
          <p className="text-sm text-slate-700 mb-2">{t("driver.reviews.awaitingHint")}</p>
          <ul className="flex flex-col gap-1">
            {awaiting.map((st) => (
              <li key={st.id}><Link href={`/stations/${st.id}#reviews`} className="underline text-brand-700">{t("driver.reviews.reviewIt", { name: st.name })}</Link></li>
            ))}
          </ul>
        </section>
      )}
      {reviews.length === 0 ? (
        <p className="text-slate-600">{t("driver.reviews.none")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {reviews.map((r) => (
            <li key={r.id} className="flex flex-col gap-2" data-testid="my-review">
              <Link href={`/stations/${r.stationId}`} className="font-semibold underline">{r.station.name}</Link>
              <ReviewForm key={r.updatedAt.toISOString()} stationId={r.stationId} existing={{ rating: r.rating, comment: r.comment }} s={s} save={saveReviewAction} />
              {r.ownerReply && (
                <blockquote className="border-l-4 border-slate-200 pl-3 text-sm"><p className="font-medium">{t("driver.reviews.ownerReply")}</p><p>{r.ownerReply}</p></blockquote>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
