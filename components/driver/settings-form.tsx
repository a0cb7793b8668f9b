"use client";
// Language, currency and notification preferences (type × channel). A new
// language applies at once: the action sets the cookie and the page re-renders.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/ui/field.tsx";
import type { TStrings } from "@/components/map/strings.ts";
import type { TAnswer } from "@/components/station/use-action.ts";

type TPrefs = Record<string, Record<string, boolean>>;

export function SettingsForm(props: {
  initial: { language: string; currency: string; notifications: TPrefs };
  currencies: readonly string[];
  types: string[];
  channels: string[];
  alwaysInApp: string[];
  s: TStrings;
  save: (input: unknown) => Promise<TAnswer>;
}) {
  const { s } = props;
  const id = useId();
  const router = useRouter();
  const [language, setLanguage] = useState(props.initial.language);
  const [currency, setCurrency] = useState(props.initial.currency);
  const [prefs, setPrefs] = useState<TPrefs>(props.initial.notifications);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const res = await props.save({ language, currency, notifications: prefs });
      if (!res.ok) setError(res.error + (res.fieldErrors ? ` ${Object.values(res.fieldErrors).flat().join(" ")}` : ""));
      else {
        setMessage(s["driver.settings.saved"]);
        router.refresh();
      }
    } catch {
      setError(s["driver.networkError"]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" data-testid="settings-form">
      <FormError message={error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-lang`} className="text-sm font-medium">{s["driver.settings.language"]}</label>
          <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value)} className="border border-slate-300 rounded-md px-3 py-2 bg-white">
            <option value="en" lang="en">English</option>
            <option value="ru" lang="ru">Русский</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-cur`} className="text-sm font-medium">{s["driver.settings.currency"]}</label>
          <select id={`${id}-cur`} value={currency} onChange={(e) => setCurrency(e.target.value)} aria-describedby={`${id}-cur-hint`}
            className="border border-slate-300 rounded-md px-3 py-2 bg-white">
            {props.currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <p id={`${id}-cur-hint`} className="text-xs text-slate-500">{s["driver.settings.currencyHint"]}</p>
        </div>
      </div>
      <fieldset>
        <legend className="font-semibold">{s["driver.settings.notifications"]}</legend>
        <p className="text-sm text-slate-600 mb-2">{s["driver.settings.notificationsHint"]}</p>
        <div className="overflow-x-auto">
          <table className="text-sm min-w-full">
            <thead>
              <tr>
                <th scope="col" className="text-left py-1 pr-3">{s["driver.settings.type"]}</th>
                {props.channels.map((c) => <th key={c} scope="col" className="px-2 py-1 font-medium">{s[`driver.settings.channel.${c}`]}</th>)}
              </tr>
            </thead>
            <tbody>
              {props.types.map((type) => (
                <tr key={type} className="border-t border-slate-100">
                  <th scope="row" className="text-left font-normal py-1 pr-3">{s[`driver.settings.type.${type}`]}</th>
                  {props.channels.map((c) => {
                    const locked = c === "IN_APP" && props.alwaysInApp.includes(type);
                    return (
                      <td key={c} className="text-center px-2">
                        <input type="checkbox" className="size-5 accent-brand-600" checked={prefs[type]?.[c] ?? false} disabled={locked}
                          aria-label={`${s[`driver.settings.type.${type}`]}: ${s[`driver.settings.channel.${c}`]}`}
                          onChange={(e) => setPrefs((p) => ({ ...p, [type]: { ...p[type], [c]: e.target.checked } }))} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      <button type="submit" disabled={busy} className="self-start rounded-md bg-brand-600 text-white px-4 py-2 font-medium disabled:opacity-50">
        {busy ? s["driver.working"] : s["driver.settings.save"]}
      </button>
      <p aria-live="polite" className="text-sm text-brand-700" data-testid="settings-message">{message}</p>
    </form>
  );
}
