import "server-only";
// Mobile data functions speak in message keys ("provider.err.x"); here they
// become the caller's language, and so do the known English sentences of the
// request rules (below); anything else passes through as it is.
import type { ActionResult } from "../actions/action.ts";
import { getI18n } from "../i18n/server.ts";
import { providerEn } from "../i18n/messages/provider.en.ts";
import type { MessageKey, Translate } from "../i18n/translate.ts";

export const isMobileKey = (m: string): m is MessageKey => m in providerEn;

// The request rules (lib/mobile/requests.ts, lib/payments) speak English
// sentences; "mobile.dom.*" holds each of them, so they can be found by text.
const byEnglish = new Map<string, MessageKey>(
  Object.entries(providerEn).filter(([k]) => k.startsWith("mobile.dom.")).map(([k, v]) => [v, k as MessageKey]),
);
const keyOf = (m: string): MessageKey | null => (isMobileKey(m) ? m : byEnglish.get(m) ?? null);

export async function localized<T>(res: ActionResult<T>): Promise<ActionResult<T>> {
  if (res.ok) return res;
  const { t } = await getI18n();
  const tr = (m: string) => { const k = keyOf(m); return k ? t(k) : m; };
  const fallback: Record<string, MessageKey> = { NOT_FOUND: "provider.err.notFound", INVALID_INPUT: "provider.err.invalid", INTERNAL: "provider.err.generic", UNAUTHENTICATED: "provider.err.signIn" };
  const generic = res.code !== "INVALID_INPUT" || res.error === "Please correct the highlighted fields.";
  const known = keyOf(res.error);
  const error = known ? t(known) : generic && fallback[res.code] ? t(fallback[res.code]!) : res.error;
  const fieldErrors = res.fieldErrors ? Object.fromEntries(Object.entries(res.fieldErrors).map(([k, msgs]) => [k, [...new Set(msgs.map(tr))]])) : undefined;
  return { ...res, error, fieldErrors };
}

/** The strings a client component needs, by key prefix. */
export function pickStrings(t: Translate, ...prefixes: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(providerEn) as MessageKey[]) if (prefixes.some((p) => k.startsWith(p))) out[k] = t(k);
  return out;
}
