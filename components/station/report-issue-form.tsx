"use client";
// "Report a problem": one form (type, description, optional photo) behind a
// disclosure button, so it is one tap away without cluttering the page.
import { useId, useRef, useState } from "react";
import { FormError } from "@/components/ui/field.tsx";
import type { TStrings } from "@/components/map/strings.ts";
import { useAction, type TAnswer } from "./use-action.ts";

export function ReportIssueForm(props: { stationId: string; types: string[]; s: TStrings; report: (form: FormData) => Promise<TAnswer> }) {
  const { s } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const a = useAction(s["station.networkError"]);
  const errs = a.fieldErrors;
  return (
    <div className="flex flex-col gap-2">
      <button type="button" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen((o) => !o)}
        className="self-start rounded-md border border-slate-300 bg-white px-4 py-2">{s["station.report.open"]}</button>
      <p aria-live="polite" className="text-sm text-brand-700" data-testid="report-message">{a.message}</p>
      {open && (
        <form id={`${id}-form`} ref={formRef} data-testid="report-form" className="flex flex-col gap-2 bg-white rounded-lg border border-slate-200 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            data.set("stationId", props.stationId);
            void a.run(() => props.report(data), s["station.report.sent"]).then((ok) => { if (ok) { formRef.current?.reset(); setOpen(false); } });
          }}>
          <h3 className="font-semibold">{s["station.report.title"]}</h3>
          <FormError message={a.error} />
          <label htmlFor={`${id}-type`} className="text-sm font-medium">{s["station.report.type"]}</label>
          <select id={`${id}-type`} name="type" required className="border border-slate-300 rounded-md px-3 py-2 bg-white">
            {props.types.map((t) => <option key={t} value={t}>{s[`station.report.type.${t}`] ?? t}</option>)}
          </select>
          <label htmlFor={`${id}-desc`} className="text-sm font-medium">{s["station.report.description"]}</label>
          <textarea id={`${id}-desc`} name="description" required minLength={10} maxLength={2000} rows={3}
            aria-invalid={errs.description ? true : undefined} className="border border-slate-300 rounded-md px-3 py-2 bg-white aria-[invalid=true]:border-red-500" />
          {errs.description && <p className="text-sm text-red-600">{errs.description.join(" ")}</p>}
          <label htmlFor={`${id}-photo`} className="text-sm font-medium">{s["station.report.photo"]}</label>
          <input id={`${id}-photo`} name="photo" type="file" accept="image/jpeg,image/png,image/webp" className="text-sm" />
          {errs.photo && <p className="text-sm text-red-600">{errs.photo.join(" ")}</p>}
          <button type="submit" disabled={a.busy} className="self-start rounded-md bg-brand-600 text-white px-4 py-2 font-medium disabled:opacity-50">
            {a.busy ? s["station.working"] : s["station.report.submit"]}
          </button>
        </form>
      )}
    </div>
  );
}
