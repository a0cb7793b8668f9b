import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form.tsx";
import { Section } from "@/components/owner/section.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { getTimeFormat } from "@/lib/i18n/time-zone.ts";
import { isUuid } from "@/lib/owner/context.ts";
import { listReviews } from "@/lib/owner/reviews.ts";
import { reviewAverage } from "@/lib/owner/display.ts";
import { stationOptions } from "@/lib/owner/station-read.ts";
import { replyToReviewAction } from "../actions.ts";
import { ownerPage } from "../page-context.ts";

export const metadata = { title: "Reviews" };
export const dynamic = "force-dynamic";

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ station?: string; unanswered?: string; page?: string }> }) {
  const sp = await searchParams;
  const { user, t, locale, db } = await ownerPage("/owner/reviews");
  const time = await getTimeFormat();
  const stationId = isUuid(sp.station) ? sp.station : null;
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const [r, stations] = await Promise.all([listReviews(db, user, { stationId, unanswered: sp.unanswered === "1", page }), stationOptions(db, user)]);
  const link = (p: number) => `/owner/reviews?${new URLSearchParams({ ...(stationId ? { station: stationId } : {}), ...(sp.unanswered === "1" ? { unanswered: "1" } : {}), page: String(p) })}`;
  return (
    <div className="flex flex-col gap-4" data-testid="reviews">
      <PageTitle testId="reviews-title">{t("owner.rev.title")}</PageTitle>
      <Section>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1 w-full sm:w-auto min-w-0"><span className="font-medium">{t("owner.earn.station")}</span>
            <select name="station" defaultValue={stationId ?? ""} className="border border-slate-300 rounded-md px-3 py-2 bg-white w-full sm:w-auto max-w-full sm:max-w-xs truncate">
              <option value="">{t("owner.earn.allStations")}</option>
              {stations.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select></label>
          <label className="flex items-center gap-2"><input type="checkbox" name="unanswered" value="1" defaultChecked={sp.unanswered === "1"} /> {t("owner.rev.unanswered")}</label>
          <button className="rounded-md border border-slate-300 bg-white px-4 py-2">{t("owner.rev.filter")}</button>
        </form>
        {r.count > 0 && <p className="text-sm text-slate-600" data-testid="reviews-average">{reviewAverage(r.average ?? 0, r.count, locale)}</p>}
      </Section>
      {r.rows.length === 0 ? <p className="text-slate-600">{t("owner.rev.none")}</p> : r.rows.map((rv) => (
        <Section key={rv.id} testId="review">
          <div className="flex flex-wrap justify-between gap-2 text-sm">
            <span className="font-medium">{rv.station.name}</span>
            <span aria-label={t("owner.rev.stars", { n: rv.rating })} data-testid="review-rating">{"★".repeat(rv.rating)}{"☆".repeat(5 - rv.rating)}</span>
          </div>
          <p className="text-sm"><span className="text-slate-600">{rv.author} · {time.when(rv.createdAt)}:</span> {rv.comment ?? ""}</p>
          {rv.ownerReply ? (
            <blockquote className="border-l-4 border-brand-600 pl-3 text-sm" data-testid="review-reply">
              <p className="text-xs text-slate-500">{t("owner.rev.yourReply", { date: time.when(rv.ownerRepliedAt!) })}</p>{rv.ownerReply}
            </blockquote>
          ) : (
            <ActionForm action={replyToReviewAction} hidden={{ reviewId: rv.id }} fields={[{ name: "reply", label: t("owner.rev.reply"), type: "textarea", required: true }]}
              submitLabel={t("owner.rev.send")} workingLabel={t("owner.common.working")} networkError={t("owner.common.networkError")} testId="reply-form" />
          )}
        </Section>
      ))}
      {r.pages > 1 && (
        <nav className="flex gap-3 text-sm items-center">
          {r.page > 1 && <Link className="underline" href={link(r.page - 1)}>{t("owner.common.prev")}</Link>}
          <span>{t("owner.common.pageOf", { page: r.page, pages: r.pages })}</span>
          {r.page < r.pages && <Link className="underline" href={link(r.page + 1)}>{t("owner.common.next")}</Link>}
        </nav>
      )}
    </div>
  );
}
