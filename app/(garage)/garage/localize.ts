import "server-only";
// Garage data functions and schemas speak in message keys ("garage.err.x",
// with "|"-separated values for {0}, {1}); here they become the caller's language.
import type { ActionResult } from "@/lib/actions/action.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { garageEn } from "@/lib/i18n/messages/garage.en.ts";
import type { MessageKey } from "@/lib/i18n/translate.ts";

export async function localized<T>(res: ActionResult<T>): Promise<ActionResult<T>> {
  if (res.ok) return res;
  const { t } = await getI18n();
  const tr = (m: string) => {
    const [key, ...vals] = m.split("|");
    return key in garageEn ? t(key as MessageKey, Object.fromEntries(vals.map((v, i) => [String(i), v]))) : null;
  };
  const fallback: Record<string, MessageKey> = { NOT_FOUND: "garage.err.notFound", INVALID_INPUT: "garage.err.invalid", INTERNAL: "garage.err.generic", UNAUTHENTICATED: "garage.err.signIn" };
  const error = tr(res.error) ?? (fallback[res.code] ? t(fallback[res.code]) : res.error);
  const fieldErrors = res.fieldErrors
    ? Object.fromEntries(Object.entries(res.fieldErrors).map(([k, msgs]) => [k, [...new Set(msgs.map((m) => tr(m) ?? m))]]))
    : undefined;
  return { ...res, error, fieldErrors };
}

/** The outcome of pushing a card change to chargers, in words. */
export async function pushMessage(push: { chargers: number; localList: number; cacheCleared: number; failed: number } | null): Promise<string> {
  const { t } = await getI18n();
  if (!push || push.chargers === 0) return t("garage.cards.pushNone");
  return t("garage.cards.pushed", { chargers: push.chargers, localList: push.localList, cleared: push.cacheCleared, failed: push.failed });
}
