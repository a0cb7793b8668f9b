"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { adminCreateApiKey, adminRevokeApiKey, ZNewKey, ZRevokeKey } from "@/lib/admin/api-keys.ts";
import { requestActor } from "@/lib/admin/request-actor.ts";
import { db } from "@/lib/db/client.ts";

const create = defineAction({ name: "admin-create-api-key", input: ZNewKey, permission: "platform:admin" }, async (input, { user }) => {
  const r = await adminCreateApiKey(db(), await requestActor(user), input);
  revalidatePath("/admin/api-keys");
  return r;
});
const revoke = defineAction({ name: "admin-revoke-api-key", input: ZRevokeKey, permission: "platform:admin" }, async (input, { user }) => {
  const r = await adminRevokeApiKey(db(), await requestActor(user), input);
  revalidatePath("/admin/api-keys");
  return r;
});

export async function createApiKeyAction(input: unknown) { return create(input); }
export async function revokeApiKeyAction(input: unknown) { return revoke(input); }
