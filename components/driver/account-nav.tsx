"use client";
// The driver account's sections; a horizontal strip that scrolls on a phone.
// Rendered once by app/(driver)/layout.tsx (and by /notifications), so every
// account page has it; the current section comes from the URL.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ACCOUNT_SECTIONS, type TAccountNavLabels } from "./account-nav-labels.ts";

/** Which section a path belongs to (/sessions is the charging history), or null where the strip is not shown. */
export function accountSection(path: string): string | null {
  if (path === "/sessions") return "/account/history";
  if (path === "/notifications") return "";
  const exact = ACCOUNT_SECTIONS.find(([href]) => href === path);
  if (exact) return exact[0];
  const nested = ACCOUNT_SECTIONS.find(([href]) => href !== "/account" && path.startsWith(`${href}/`));
  if (nested && path.startsWith("/account/")) return nested[0];
  return null;
}

export function AccountNav({ labels, always = false }: { labels: TAccountNavLabels; always?: boolean }) {
  const current = accountSection(usePathname() ?? "");
  if (current === null && !always) return null;
  return (
    <nav aria-label={labels["driver.nav.label"]} className="-mx-4 px-4 overflow-x-auto mb-4 no-print" data-testid="account-nav">
      <ul className="flex gap-1 whitespace-nowrap border-b border-slate-200">
        {ACCOUNT_SECTIONS.map(([href, key]) => (
          <li key={href}>
            <Link href={href} aria-current={current === href ? "page" : undefined}
              className={`inline-flex items-center min-h-11 px-3 text-sm border-b-2 -mb-px ${current === href ? "border-brand-600 font-semibold text-brand-700" : "border-transparent hover:border-slate-300"}`}>
              {labels[key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
