import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form.tsx";
import { ResetPasswordButton } from "@/components/admin/reset-password-button.tsx";
import { Badge, Section, Select, TextInput } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { getUserDetail } from "@/lib/admin/users.ts";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { UserRole } from "@/lib/db/generated/enums.ts";
import { formatDateTime, formatMoney } from "@/lib/format.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";
import { changeRoleAction, resetPasswordAction, setUserStatusAction } from "../actions.ts";
import { isUuid } from "@/lib/ids.ts";

export const metadata = { title: "User" };


export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePermission("platform:admin", "/admin/users");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { t, locale } = await getI18n();
  const detail = await getUserDetail(db(), id).catch(() => null);
  if (!detail) notFound();
  const { user, history } = detail;
  const self = user.id === me.id;
  const busy = { workingLabel: t("admin.common.working") };
  return (
    <div className="flex flex-col gap-4" data-testid="admin-user">
      <PageTitle>{user.name}</PageTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm bg-white rounded-lg border border-slate-200 p-4">
        <dt className="text-slate-500">{t("admin.users.email")}</dt><dd>{user.email}</dd>
        <dt className="text-slate-500">{t("admin.users.phone")}</dt><dd>{user.phone ?? "—"}</dd>
        <dt className="text-slate-500">{t("admin.users.role")}</dt><dd>{t(`role.${user.role}` as MessageKey)}</dd>
        <dt className="text-slate-500">{t("admin.users.status")}</dt>
        <dd><Badge tone={user.status === "ACTIVE" ? "green" : "red"}><span data-testid="user-status">{t(`admin.userStatus.${user.status}` as MessageKey)}</span></Badge></dd>
        <dt className="text-slate-500">{t("admin.users.created")}</dt><dd>{formatDateTime(user.createdAt, locale)}</dd>
        <dt className="text-slate-500">{t("admin.users.lastLogin")}</dt><dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : "—"}</dd>
        <dt className="text-slate-500">{t("admin.users.wallet")}</dt><dd>{user.wallet ? formatMoney(user.wallet.balanceMinor, user.wallet.currency, locale) : "—"}</dd>
        <dt className="text-slate-500">{t("admin.users.activity")}</dt>
        <dd>{t("admin.users.activityCounts", { sessions: user._count.sessions, bookings: user._count.bookings, stations: user._count.ownedStations, issues: user._count.issuesReported })}</dd>
      </dl>

      {self ? (
        <p className="text-sm text-slate-600">{t("admin.users.selfNote")}</p>
      ) : (
        <div className="grid md:grid-cols-3 gap-4">
          <Section title={t("admin.users.changeRole")}>
            <ActionForm action={changeRoleAction} submitLabel={t("admin.users.saveRole")} doneLabel={t("admin.common.saved")} {...busy} testId="role-form">
              <input type="hidden" name="userId" value={user.id} />
              <Select name="role" label={t("admin.users.role")} defaultValue={user.role} options={Object.values(UserRole).map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
            </ActionForm>
          </Section>
          <Section title={user.status === "ACTIVE" ? t("admin.users.suspend") : t("admin.users.reactivate")}>
            <ActionForm
              action={setUserStatusAction}
              submitLabel={user.status === "ACTIVE" ? t("admin.users.suspend") : t("admin.users.reactivate")}
              doneLabel={t("admin.common.saved")}
              danger={user.status === "ACTIVE"}
              fieldLabels={{ reason: t("admin.users.reason") }}
              testId="status-form"
              {...busy}
            >
              <input type="hidden" name="userId" value={user.id} />
              <input type="hidden" name="status" value={user.status === "ACTIVE" ? "SUSPENDED" : "ACTIVE"} />
              <TextInput name="reason" label={t("admin.users.reason")} required />
              {user.status === "ACTIVE" && <p className="text-xs text-slate-500">{t("admin.users.suspendHint")}</p>}
            </ActionForm>
          </Section>
          <Section title={t("admin.users.resetPassword")}>
            <ResetPasswordButton
              userId={user.id}
              action={resetPasswordAction}
              m={{ button: t("admin.users.resetPassword"), working: t("admin.common.working"), confirm: t("admin.users.resetConfirm"), shown: t("admin.users.tempPassword"), once: t("admin.users.tempPasswordOnce") }}
            />
          </Section>
        </div>
      )}

      <Section title={t("admin.users.history")}>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">{t("admin.audit.none")}</p>
        ) : (
          <ul className="text-sm divide-y divide-slate-100">
            {history.map((h) => (
              <li key={String(h.id)} className="py-1 flex flex-wrap gap-x-3">
                <span className="font-mono">{h.action}</span>
                <span className="text-slate-500">{formatDateTime(h.createdAt, locale)}</span>
                <span>{h.actor?.email ?? t("admin.audit.system")}</span>
                {typeof (h.after as { reason?: string } | null)?.reason === "string" && <span>“{(h.after as { reason: string }).reason}”</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
