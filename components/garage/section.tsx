// A titled white panel, the building block of the garage pages.
export function Section({ title, children, testId, className }: { title?: string; children: React.ReactNode; testId?: string; className?: string }) {
  return (
    <section className={`bg-white rounded-lg border border-slate-200 p-4 ${className ?? ""}`} data-testid={testId}>
      {title && <h2 className="font-semibold mb-3">{title}</h2>}
      {children}
    </section>
  );
}

/** A table that scrolls sideways on a phone instead of squeezing its columns. */
export function Table({ head, children, testId }: { head: React.ReactNode[]; children: React.ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto -mx-4 px-4">
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead>
          <tr className="text-left text-slate-500 border-b border-slate-200">
            {head.map((h, i) => <th key={i} scope="col" className="py-2 pr-3 font-medium whitespace-nowrap">{h}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const td = "py-2 pr-3 align-top";
