import { ActionForm } from "@/components/admin/action-form.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { listSettings } from "@/lib/admin/settings.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { formatDateTime } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { en } from "@/lib/i18n/en.ts";
import { updateSettingsAction } from "./actions.ts";

export const metadata = { title: "Platform settings" };

export default async function SettingsPage() {
  await requirePermission("platform:admin", "/admin/settings");
  const { t, locale } = await getI18n();
  const settings = await listSettings(db());
  // Known settings have a translated label and hint; others show their key and stored description.
  const label = (key: string) => (`admin.setting.${key}` in en ? t(`admin.setting.${key}` as MessageKey) : key);
  const hint = (key: string, fallback: string | null) => (`admin.setting.${key}.hint` in en ? t(`admin.setting.${key}.hint` as MessageKey) : fallback);
  return (
    <div data-testid="admin-settings" className="flex flex-col gap-3">
      <PageTitle>{t("admin.settings.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("admin.settings.hint")}</p>
      <ActionForm
        action={updateSettingsAction}
        submitLabel={t("common.save")}
        workingLabel={t("admin.common.working")}
        doneLabel={t("admin.common.saved")}
        testId="settings-form"
        fieldLabels={Object.fromEntries(settings.map((s) => [s.key, label(s.key)]))}
        className="flex flex-col gap-3 bg-white rounded-lg border border-slate-200 p-4"
      >
        {settings.map((s) => (
          <div key={s.key} className="grid sm:grid-cols-[16rem_12rem_1fr] gap-x-4 gap-y-1 items-start border-b border-slate-100 pb-2">
            <label htmlFor={`setting-${s.key}`} className="text-sm font-medium">
              {label(s.key)}
              <span className="block text-xs font-mono text-slate-400">{s.key} · {s.dataType}</span>
            </label>
            {s.dataType === "BOOLEAN" ? (
              <select id={`setting-${s.key}`} name={s.key} defaultValue={s.value} className="border border-slate-300 rounded-md px-2 py-1.5 text-sm bg-white">
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            ) : (
              <input
                id={`setting-${s.key}`}
                name={s.key}
                defaultValue={s.value}
                inputMode={s.dataType === "INTEGER" ? "numeric" : s.dataType === "DECIMAL" ? "decimal" : undefined}
                className="border border-slate-300 rounded-md px-2 py-1.5 text-sm bg-white"
              />
            )}
            <p className="text-xs text-slate-500">
              {hint(s.key, s.description)}
              {s.updatedBy && <span className="block">{t("admin.settings.lastChange", { who: s.updatedBy.email, when: formatDateTime(s.updatedAt, locale) })}</span>}
            </p>
          </div>
        ))}
      </ActionForm>
    </div>
  );
}
