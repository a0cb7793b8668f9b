import { OperatorForm } from "@/components/admin/operator-form.tsx";
import { operatorFormMessages } from "@/components/admin/report-messages.ts";
import { Section } from "@/components/admin/ui.tsx";
import { PageTitle } from "@/components/ui/stat.tsx";
import { requirePermission } from "@/lib/auth/current-user.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { saveOperatorAction } from "../actions.ts";

export const metadata = { title: "New operator" };

export default async function NewOperatorPage() {
  await requirePermission("platform:admin", "/admin/operators/new");
  const { t } = await getI18n();
  return (
    <div>
      <PageTitle>{t("admin.operators.new")}</PageTitle>
      <Section title={t("admin.operators.details")}>
        <OperatorForm op={{}} action={saveOperatorAction} m={operatorFormMessages(t)} />
      </Section>
    </div>
  );
}
