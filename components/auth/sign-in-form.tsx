"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { Field, FormError } from "@/components/ui/field.tsx";

type Messages = Record<"email" | "password" | "submit" | "working" | "unknownEmail" | "wrongPassword" | "suspended" | "throttled" | "invalid" | "generic", string>;

export function SignInForm({ m, callbackUrl }: { m: Messages; callbackUrl?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!/^\S+@\S+\.\S+$/.test(email) || !password) return setError(m.invalid);
    setBusy(true);
    const res = await signIn("credentials", { email, password, redirect: false });
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl ? `/go?next=${encodeURIComponent(callbackUrl)}` : "/go");
      return;
    }
    setBusy(false);
    const [code, seconds] = (res?.error ?? "generic").split(":");
    const known = ["unknownEmail", "wrongPassword", "suspended", "invalid"] as const;
    if (code === "throttled") setError(m.throttled.replace("{seconds}", seconds ?? "60"));
    else setError((known as readonly string[]).includes(code) ? m[code as (typeof known)[number]] : m.generic);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-busy={busy}>
      <FormError message={error} />
      <Field name="email" label={m.email} type="email" autoComplete="email" inputMode="email" required />
      <Field name="password" label={m.password} type="password" autoComplete="current-password" required />
      <button type="submit" disabled={busy} className="rounded-md bg-brand-600 text-white py-2.5 font-medium hover:bg-brand-700 disabled:opacity-60">
        {busy ? m.working : m.submit}
      </button>
    </form>
  );
}
