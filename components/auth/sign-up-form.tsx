"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { Field, FormError } from "@/components/ui/field.tsx";
import { signUp } from "@/app/(auth)/signup/actions.ts";

type Messages = Record<"email" | "password" | "passwordHint" | "name" | "phone" | "submit" | "working" | "generic", string>;

export function SignUpForm({ m, language, referralCode }: { m: Messages; language: string; referralCode?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    const res = await signUp({ ...form, language });
    if (!res.ok) {
      setBusy(false);
      setError(res.error);
      setFieldErrors(res.fieldErrors ?? {});
      return;
    }
    const login = await signIn("credentials", { email: form.email, password: form.password, redirect: false });
    if (login?.ok) window.location.assign("/go");
    else { setBusy(false); setError(m.generic); }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-busy={busy}>
      <FormError message={error} />
      <Field name="name" label={m.name} autoComplete="name" required error={fieldErrors.name} />
      <Field name="email" label={m.email} type="email" autoComplete="email" inputMode="email" required error={fieldErrors.email} />
      <Field name="password" label={m.password} type="password" autoComplete="new-password" required hint={m.passwordHint} error={fieldErrors.password} />
      <Field name="phone" label={m.phone} type="tel" autoComplete="tel" inputMode="tel" error={fieldErrors.phone} />
      {referralCode && <input type="hidden" name="referralCode" value={referralCode} />}
      <button type="submit" disabled={busy} className="rounded-md bg-brand-600 text-white py-2.5 font-medium hover:bg-brand-700 disabled:opacity-60">
        {busy ? m.working : m.submit}
      </button>
    </form>
  );
}
