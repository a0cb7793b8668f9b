import "server-only";
// Owner results in the request's language (lib/owner/localize-result.ts).
import type { ActionResult } from "@/lib/actions/action.ts";
import { getI18n } from "@/lib/i18n/server.ts";
import { localizeResult } from "@/lib/owner/localize-result.ts";

export async function localized<T>(res: ActionResult<T>): Promise<ActionResult<T>> {
  if (res.ok) return res;
  const { t } = await getI18n();
  return localizeResult(res, t);
}
