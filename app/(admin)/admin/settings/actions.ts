"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { requestActor } from "@/lib/admin/request-actor.ts";
import { updateSettings, ZUpdateSettings } from "@/lib/admin/settings.ts";
import { db } from "@/lib/db/client.ts";

const update = defineAction({ name: "admin-update-settings", input: ZUpdateSettings, permission: "platform:admin" }, async (input, { user }) => {
  const r = await updateSettings(db(), await requestActor(user), input);
  revalidatePath("/admin/settings");
  return r;
});

export async function updateSettingsAction(input: unknown) { return update(input); }
