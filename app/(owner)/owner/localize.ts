import "server-only";
// Owner data functions and schemas speak in message keys ("owner.err.x");
// here they become the caller's language. ZTariff's own messages (English,
// naming the JSON path) pass through as they are.
import type { ActionResult } from "@/lib/actions/action.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { ownerEn } from "@/lib/i18n/messages/owner.en.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";

export async function localized<T>(res: ActionResult<T>): Promise<ActionResult<T>> {
  if (res.ok) return res;
  const { t } = await getI18n();
  const tr = (m: string) => (m in ownerEn ? t(m as MessageKey) : null);
  const fallback: Record<string, MessageKey> = { NOT_FOUND: "owner.err.notFound", INVALID_INPUT: "owner.err.invalid", INTERNAL: "owner.err.generic", UNAUTHENTICATED: "owner.err.signIn" };
  const error = tr(res.error) ?? (fallback[res.code] ? t(fallback[res.code]) : res.error);
  const fieldErrors = res.fieldErrors
    ? Object.fromEntries(Object.entries(res.fieldErrors).map(([k, msgs]) => [k.replace(/^station\./, ""), [...new Set(msgs.map((m) => tr(m) ?? m))]]))
    : undefined;
  return { ...res, error, fieldErrors };
}
