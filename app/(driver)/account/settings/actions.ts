"use server";
// Thin server actions over lib/settings: validate, authorise (the signed-in
// driver's own row), act. Changing the language also sets the cookie so the
// next render is already in the new language.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { LOCALE_COOKIE } from "@/lib/i18n/server.ts";
import { ZSettingsInput } from "@/lib/settings/schemas.ts";
import { clearSearchFilters, saveSearchFilters, updateSettings } from "@/lib/settings/user-settings.ts";

const saveFilters = defineAction(
  { name: "saveSearchFilters", input: z.object({ query: z.string().max(4000) }), permission: "driver:self" },
  async ({ query }, { user }) => {
    await saveSearchFilters(db(), user!.id, query);
    revalidatePath("/account/settings");
    return { saved: true };
  },
);
export async function saveSearchFiltersAction(query: string) {
  return saveFilters({ query });
}

const clearFilters = defineAction({ name: "clearSearchFilters", input: z.object({}), permission: "driver:self" }, async (_i, { user }) => {
  await clearSearchFilters(db(), user!.id);
  revalidatePath("/account/settings");
  return { cleared: true };
});
export async function clearSearchFiltersAction() {
  return clearFilters({});
}

const update = defineAction({ name: "updateSettings", input: ZSettingsInput, permission: "driver:self" }, async (input, { user }) => {
  const saved = await updateSettings(db(), user!.id, input);
  (await cookies()).set(LOCALE_COOKIE, saved.language, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
  return { language: saved.language };
});
export async function updateSettingsAction(raw: unknown) {
  return update(raw);
}
