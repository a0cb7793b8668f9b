export function Section(props: { title?: string; children: React.ReactNode; testId?: string; actions?: React.ReactNode }) {
  return (
    <section className="bg-white rounded-lg border border-slate-200 p-4 flex flex-col gap-3" data-testid={props.testId}>
      {(props.title || props.actions) && (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {props.title && <h2 className="font-semibold">{props.title}</h2>}
          {props.actions}
        </div>
      )}
      {props.children}
    </section>
  );
}

export const th = "text-left font-medium text-slate-600 px-2 py-1.5 whitespace-nowrap";
export const td = "px-2 py-1.5 border-t border-slate-100 whitespace-nowrap";
