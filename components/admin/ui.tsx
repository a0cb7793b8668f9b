// Small building blocks of the admin pages (server components).
import Link from "next/link";

export function Table({ head, children, testId }: { head: React.ReactNode[]; children: React.ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto bg-white rounded-lg border border-slate-200">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>{head.map((h, i) => <th key={i} scope="col" className="px-3 py-2 font-medium">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const Td = ({ children, className }: { children?: React.ReactNode; className?: string }) => (
  <td className={`px-3 py-2 align-top ${className ?? ""}`}>{children}</td>
);

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-slate-600 py-6 text-center bg-white rounded-lg border border-slate-200" data-testid="empty">{children}</p>;
}

export function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="bg-white rounded-lg border border-slate-200 p-4 flex flex-col gap-3" data-testid={testId}>
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function Badge({ children, tone = "slate" }: { children: React.ReactNode; tone?: "slate" | "green" | "red" | "amber" | "blue" }) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    green: "bg-emerald-100 text-emerald-800",
    red: "bg-red-100 text-red-800",
    amber: "bg-amber-100 text-amber-800",
    blue: "bg-sky-100 text-sky-800",
  };
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

/** Previous/next links that keep the current filters. */
export function Pager(props: { page: number; pages: number; total: number; params: Record<string, string | undefined>; basePath: string; labels: { prev: string; next: string; of: string } }) {
  const href = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(props.params)) if (v && k !== "page") q.set(k, v);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return s ? `${props.basePath}?${s}` : props.basePath;
  };
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm mt-3" data-testid="pager">
      {props.page > 1 ? <Link href={href(props.page - 1)} className="underline">{props.labels.prev}</Link> : <span className="text-slate-400">{props.labels.prev}</span>}
      <span>{props.labels.of}</span>
      {props.page < props.pages ? <Link href={href(props.page + 1)} className="underline" data-testid="next-page">{props.labels.next}</Link> : <span className="text-slate-400">{props.labels.next}</span>}
    </nav>
  );
}

const inputClass = "border border-slate-300 rounded-md px-2 py-1.5 text-sm bg-white";

export function TextInput(props: { name: string; label: string; defaultValue?: string | number | null; type?: string; placeholder?: string; required?: boolean; autoComplete?: string; step?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue ?? undefined}
        placeholder={props.placeholder}
        required={props.required}
        autoComplete={props.autoComplete ?? "off"}
        step={props.step}
        className={inputClass}
      />
    </label>
  );
}

export function Select(props: { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string | null; testId?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{props.label}</span>
      <select name={props.name} defaultValue={props.defaultValue ?? ""} className={inputClass} data-testid={props.testId}>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

export function TextArea(props: { name: string; label: string; defaultValue?: string | null; rows?: number; required?: boolean }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{props.label}</span>
      <textarea name={props.name} defaultValue={props.defaultValue ?? undefined} rows={props.rows ?? 3} required={props.required} className={inputClass} />
    </label>
  );
}

/** A GET form: filters live in the URL, so a filtered list can be shared and reloaded. */
export function FilterForm({ children, submitLabel, resetHref, resetLabel }: { children: React.ReactNode; submitLabel: string; resetHref: string; resetLabel: string }) {
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-3 mb-4 bg-white rounded-lg border border-slate-200 p-3">
      {children}
      <button type="submit" className="rounded-md bg-slate-800 text-white px-3 py-1.5 text-sm">{submitLabel}</button>
      <Link href={resetHref} className="text-sm underline text-slate-600">{resetLabel}</Link>
    </form>
  );
}

export function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  return <pre className="text-xs bg-slate-50 rounded p-2 overflow-x-auto max-w-xl whitespace-pre-wrap break-all">{JSON.stringify(value, null, 2)}</pre>;
}

export const STATUS_TONE: Record<string, "green" | "red" | "amber" | "slate"> = {
  ACTIVE: "green", PENDING_APPROVAL: "amber", SUSPENDED: "red", REMOVED: "red", INACTIVE: "slate", MAINTENANCE: "amber",
};
