// Previous/next links that keep the page's other query parameters.
import Link from "next/link";

export function Pager(props: { basePath: string; query: Record<string, string | undefined>; page: number; pages: number; total: number; m: { prev: string; next: string; pageOf: string } }) {
  const href = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(props.query)) if (v) q.set(k, v);
    q.set("page", String(page));
    return `${props.basePath}?${q}`;
  };
  return (
    <nav aria-label="Pagination" className="flex items-center gap-3 text-sm mt-3" data-testid="pager">
      {props.page > 1 ? <Link href={href(props.page - 1)} className="underline">{props.m.prev}</Link> : <span className="text-slate-400">{props.m.prev}</span>}
      <span className="text-slate-600">{props.m.pageOf}</span>
      {props.page < props.pages ? <Link href={href(props.page + 1)} className="underline">{props.m.next}</Link> : <span className="text-slate-400">{props.m.next}</span>}
    </nav>
  );
}
