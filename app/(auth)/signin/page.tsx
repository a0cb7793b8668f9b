import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form.tsx";
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { localPath } from "@/lib/auth/local-path.ts";
import { ROLE_HOME } from "@/lib/auth/roles.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const { t } = await getI18n();
  const { callbackUrl } = await searchParams;
  const safe = localPath(callbackUrl);
  return (
    <div className="max-w-sm mx-auto bg-white rounded-xl shadow-sm border border-slate-200 p-6 flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("auth.signInTitle")}</h1>
      <SignInForm
        callbackUrl={safe}
        m={{
          email: t("auth.email"), password: t("auth.password"), submit: t("auth.submitSignIn"), working: t("auth.working"),
          unknownEmail: t("auth.error.unknownEmail"), wrongPassword: t("auth.error.wrongPassword"),
          suspended: t("auth.error.suspended"), throttled: t("auth.error.throttled"), invalid: t("auth.error.invalid"),
          generic: t("auth.error.generic"),
        }}
      />
      <p className="text-sm text-slate-600">
        {t("auth.noAccount")} <Link href="/signup" className="text-brand-700 underline">{t("nav.signUp")}</Link>
      </p>
    </div>
  );
}
