"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { setLanguage } from "@/lib/actions/set-language.ts";

export function LanguageSwitcher({ locale, label }: { locale: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="text-sm flex items-center gap-1">
      <span className="sr-only">{label}</span>
      <select
        aria-label={label}
        data-testid="language-switcher"
        value={locale}
        disabled={pending}
        className="border border-slate-300 rounded px-1 py-0.5 bg-white"
        onChange={(e) => start(async () => { await setLanguage(e.target.value); router.refresh(); })}
      >
        <option value="en">EN</option>
        <option value="ru">RU</option>
      </select>
    </label>
  );
}
