"use server";
import { defineAction } from "@/lib/actions/action.ts";
import { recordAudit } from "@/lib/audit/record-audit.ts";
import { db } from "@/lib/db/client.ts";
import { requestMeta } from "@/lib/http/request-meta.ts";
import { createDriver, ZSignUp } from "@/lib/users/create-driver.ts";

const run = defineAction({ name: "sign-up", input: ZSignUp, permission: null }, async (input) => {
  const user = await createDriver(db(), input);
  await recordAudit(db(), { actor: { id: user.id, role: "DRIVER" }, action: "SIGN_UP", entityType: "User", entityId: user.id, after: { email: user.email }, ...(await requestMeta()) });
  return { email: user.email };
});

export async function signUp(input: unknown) {
  return run(input);
}
