"use client";
// 1–5 stars (radio buttons: keyboard and screen-reader friendly) and text.
import { useId, useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import { fill, type TStrings } from "@/components/map/strings.ts";
import { useAction, type TAnswer } from "./use-action.ts";

export function ReviewForm(props: {
  stationId: string;
  existing: { rating: number; comment: string | null } | null;
  s: TStrings;
  save: (input: unknown) => Promise<TAnswer>;
}) {
  const { s } = props;
  const id = useId();
  const [rating, setRating] = useState(props.existing?.rating ?? 0);
  const [comment, setComment] = useState(props.existing?.comment ?? "");
  const a = useAction(s["station.networkError"]);
  return (
    <form data-testid="review-form" className="flex flex-col gap-2 bg-white rounded-lg border border-slate-200 p-4"
      onSubmit={(e) => { e.preventDefault(); void a.run(() => props.save({ stationId: props.stationId, rating, comment }), s["station.review.saved"]); }}>
      <h3 className="font-semibold">{props.existing ? s["station.review.edit"] : s["station.review.write"]}</h3>
      <FormError message={a.error} />
      <fieldset>
        <legend className="text-sm font-medium">{s["station.review.rating"]}</legend>
        <div className="flex gap-1 text-2xl">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input type="radio" name={`${id}-rating`} value={n} checked={rating === n} onChange={() => setRating(n)} className="sr-only peer" />
              <span aria-hidden className={`px-0.5 rounded peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600 ${n <= rating ? "text-amber-500" : "text-slate-300"}`}>★</span>
              <span className="sr-only">{n === 1 ? s["station.review.star"] : fill(s["station.review.stars"], { n })}</span>
            </label>
          ))}
        </div>
        {a.fieldErrors.rating && <p className="text-sm text-red-600">{a.fieldErrors.rating.join(" ")}</p>}
      </fieldset>
      <label htmlFor={`${id}-comment`} className="text-sm font-medium">{s["station.review.comment"]}</label>
      <textarea id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} rows={3}
        className="border border-slate-300 rounded-md px-3 py-2 bg-white" />
      {a.fieldErrors.comment && <p className="text-sm text-red-600">{a.fieldErrors.comment.join(" ")}</p>}
      <button type="submit" disabled={a.busy} className="self-start rounded-md bg-brand-600 text-white px-4 py-2 font-medium disabled:opacity-50">
        {a.busy ? s["station.working"] : s["station.review.submit"]}
      </button>
      <p aria-live="polite" className="text-sm text-brand-700" data-testid="review-message">{a.message}</p>
    </form>
  );
}
