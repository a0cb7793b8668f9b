import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";

const SECTIONS: [string, MessageKey][] = [
  ["/admin", "admin.nav.overview"],
  ["/admin/users", "admin.nav.users"],
  ["/admin/operators", "admin.nav.operators"],
  ["/admin/stations", "admin.nav.stations"],
  ["/admin/issues", "admin.nav.issues"],
  ["/admin/documents", "admin.nav.documents"],
  ["/admin/audit", "admin.nav.audit"],
  ["/admin/settings", "admin.nav.settings"],
  ["/admin/api-keys", "admin.nav.apiKeys"],
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Each page checks again: a layout is not re-run on every navigation.
  await requirePermission("platform:admin", "/admin");
  const { t } = await getI18n();
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t("admin.nav.label")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm border-b border-slate-200 pb-2" data-testid="admin-nav">
        {SECTIONS.map(([href, key]) => (
          <Link key={href} href={href} className="hover:underline text-slate-700">{t(key)}</Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
