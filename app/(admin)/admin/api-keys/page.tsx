import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/admin/api-key-forms.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { adminListApiKeys } from "@/lib/admin/api-keys.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { createApiKeyAction, revokeApiKeyAction } from "./actions.ts";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePermission("platform:admin", "/admin/api-keys");
  const { t, locale } = await getI18n();
  const keys = await adminListApiKeys(db());
  const m = {
    name: t("admin.apiKeys.name"), create: t("admin.apiKeys.create"), shownOnce: t("admin.apiKeys.shownOnce"),
    revoke: t("admin.apiKeys.revoke"), confirmRevoke: t("admin.apiKeys.confirmRevoke"), working: t("admin.common.working"),
  };
  return (
    <div className="flex flex-col gap-4" data-testid="admin-api-keys">
      <PageTitle>{t("admin.apiKeys.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("admin.apiKeys.hint")} <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
      <CreateApiKeyForm action={createApiKeyAction} m={m} />
      <table className="w-full text-sm bg-white rounded-lg border border-slate-200">
        <thead className="text-left text-slate-500">
          <tr><th className="p-2">{t("admin.apiKeys.name")}</th><th className="p-2">{t("admin.apiKeys.prefix")}</th><th className="p-2">{t("admin.apiKeys.lastUsed")}</th><th className="p-2" /></tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className="border-t border-slate-100">
              <td className="p-2">{k.name}</td>
              <td className="p-2 font-mono">{k.prefix}…</td>
              <td className="p-2">{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : "—"}</td>
              <td className="p-2 text-right">
                {k.revokedAt ? <span className="text-slate-500">{t("admin.apiKeys.revoked")}</span> : <RevokeApiKeyButton id={k.id} action={revokeApiKeyAction} m={m} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
