// Templates are { en, ru } objects (NotificationTemplate) or plain strings,
// with {placeholders}. A missing language falls back to English.
export type Locale = "en" | "ru";
export type LocalizedText = string | { en: string; ru?: string };

export function renderTemplate(template: unknown, locale: Locale, vars: Record<string, string | number>): string {
  let text = "";
  if (typeof template === "string") text = template;
  else if (template && typeof template === "object") {
    const t = template as Record<string, unknown>;
    text = typeof t[locale] === "string" ? (t[locale] as string) : typeof t.en === "string" ? (t.en as string) : "";
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
