// Owner data functions and schemas speak in message keys ("owner.err.x");
// here they become the caller's language. Tariff JSON issues are
// "path: owner.tariff.key" and keep their path in front of the sentence.
import type { ActionResult } from "../actions/action.ts";
import { ownerEn } from "../i18n/messages/owner.en.ts";
import type { MessageKey, Translate } from "../i18n/translate.ts";

export function localizeResult<T>(res: ActionResult<T>, t: Translate): ActionResult<T> {
  if (res.ok) return res;
  const tr = (m: string) => {
    if (m in ownerEn) return t(m as MessageKey);
    const at = /^(.*): (owner\.[\w.]+)$/.exec(m);
    return at && at[2] in ownerEn ? `${at[1]}: ${t(at[2] as MessageKey)}` : null;
  };
  const fallback: Record<string, MessageKey> = { NOT_FOUND: "owner.err.notFound", INVALID_INPUT: "owner.err.invalid", INTERNAL: "owner.err.generic", UNAUTHENTICATED: "owner.err.signIn" };
  const error = tr(res.error) ?? (fallback[res.code] ? t(fallback[res.code]) : res.error);
  const fieldErrors = res.fieldErrors
    ? Object.fromEntries(Object.entries(res.fieldErrors).map(([k, msgs]) => [k.replace(/^station\./, ""), [...new Set(msgs.map((m) => tr(m) ?? m))]]))
    : undefined;
  return { ...res, error, fieldErrors };
}
