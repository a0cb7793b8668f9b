// Average rating and the latest reviews, with owners' replies.
import type { Translate } from "@/lib/i18n/translate.ts";
import type { stationReviews } from "@/lib/reviews/list-reviews.ts";

export function Reviews({ data, locale, t, timeZone }: { data: Awaited<ReturnType<typeof stationReviews>>; locale: string; t: Translate; timeZone?: string }) {
  if (data.count === 0) return <p className="text-slate-600">{t("station.reviews.none")}</p>;
  const avg = data.average!.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div className="flex flex-col gap-3">
      <p className="font-medium" data-testid="review-average">
        <span aria-hidden className="text-amber-500">★ </span>
        {data.count === 1 ? t("station.reviews.averageOne", { avg }) : t("station.reviews.average", { avg, count: data.count.toLocaleString(locale) })}
      </p>
      <ul className="flex flex-col gap-2">
        {data.reviews.map((r) => (
          <li key={r.id} className="bg-white rounded-lg border border-slate-200 p-3" data-testid="review">
            <p className="flex flex-wrap gap-2 items-baseline">
              <span className="text-amber-500" aria-label={`${r.rating}/5`}>{"★".repeat(r.rating)}<span className="text-slate-300">{"★".repeat(5 - r.rating)}</span></span>
              <span className="font-medium">{r.author}</span>
              <time className="text-xs text-slate-500" dateTime={r.updatedAt.toISOString()}>
                {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(r.updatedAt)}
                {r.updatedAt.getTime() - r.createdAt.getTime() > 1000 ? ` · ${t("station.reviews.edited")}` : ""}
              </time>
            </p>
            {r.comment && <p className="mt-1 whitespace-pre-line" data-testid="review-comment">{r.comment}</p>}
            {r.ownerReply && (
              <blockquote className="mt-2 border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
                <p className="font-medium">{t("station.reviews.ownerReply")}</p>
                <p className="whitespace-pre-line">{r.ownerReply}</p>
              </blockquote>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
