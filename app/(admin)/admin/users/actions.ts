"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { changeUserRole, resetUserPassword, setUserStatus, ZChangeRole, ZResetPassword, ZSetUserStatus } from "@/lib/admin/manage-user.ts";
import { requestActor } from "@/lib/admin/request-actor.ts";
import { db } from "@/lib/db/client.ts";

const changeRole = defineAction({ name: "admin-change-role", input: ZChangeRole, permission: "platform:admin" }, async (input, { user }) => {
  const r = await changeUserRole(db(), await requestActor(user), input);
  revalidatePath("/admin/users");
  return { id: r.id, role: r.role };
});

const setStatus = defineAction({ name: "admin-set-user-status", input: ZSetUserStatus, permission: "platform:admin" }, async (input, { user }) => {
  const r = await setUserStatus(db(), await requestActor(user), input);
  revalidatePath("/admin/users");
  return { id: r.id, status: r.status };
});

const resetPassword = defineAction({ name: "admin-reset-password", input: ZResetPassword, permission: "platform:admin" }, async (input, { user }) =>
  resetUserPassword(db(), await requestActor(user), input),
);

export async function changeRoleAction(input: unknown) { return changeRole(input); }
export async function setUserStatusAction(input: unknown) { return setStatus(input); }
export async function resetPasswordAction(input: unknown) { return resetPassword(input); }
