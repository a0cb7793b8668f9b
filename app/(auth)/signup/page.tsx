import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form.tsx";
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { ROLE_HOME } from "@/lib/auth/roles.ts";
import { getI18n } from "@/lib/i18n/server.ts";

export const metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const { t, locale } = await getI18n();
  const { ref } = await searchParams;
  return (
    <div className="max-w-sm mx-auto bg-white rounded-xl shadow-sm border border-slate-200 p-6 flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("auth.signUpTitle")}</h1>
      <SignUpForm
        language={locale}
        referralCode={ref}
        m={{
          email: t("auth.email"), password: t("auth.password"), passwordHint: t("auth.passwordHint"), name: t("auth.name"),
          phone: t("auth.phone"), submit: t("auth.submitSignUp"), working: t("auth.working"), generic: t("auth.error.generic"),
        }}
      />
      <p className="text-sm text-slate-600">
        {t("auth.haveAccount")} <Link href="/signin" className="text-brand-700 underline">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}
