"use client";
// The garage console's tabs, with the current one marked for sighted and screen-reader users.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function GarageTabs({ label, tabs }: { label: string; tabs: { href: string; label: string }[] }) {
  const path = usePathname();
  // The board is the garage's root: only an exact match counts for it.
  const current = tabs.filter((t) => path === t.href || (t !== tabs[0] && path.startsWith(`${t.href}/`))).pop() ?? (path === tabs[0].href ? tabs[0] : null);
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200 mt-2">
      {tabs.map((t) => (
        <Link key={t.href} href={t.href} aria-current={t === current ? "page" : undefined}
          className="px-3 py-2 text-sm whitespace-nowrap hover:bg-white rounded-t-md aria-[current=page]:bg-white aria-[current=page]:font-semibold aria-[current=page]:border aria-[current=page]:border-b-0 aria-[current=page]:border-slate-200">
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
