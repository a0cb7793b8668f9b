"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { importOperatorFile, syncOperatorNow, ZImportFile, ZSyncNow } from "@/lib/admin/operator-import.ts";
import { saveOperator, ZOperatorInput } from "@/lib/admin/operators.ts";
import { requestActor } from "@/lib/admin/request-actor.ts";
import { db } from "@/lib/db/client.ts";

const save = defineAction({ name: "admin-save-operator", input: ZOperatorInput, permission: "platform:admin" }, async (input, { user }) => {
  const op = await saveOperator(db(), await requestActor(user), input);
  revalidatePath("/admin/operators");
  return { id: op.id };
});

const importFile = defineAction({ name: "admin-import-operator-file", input: ZImportFile, permission: "platform:admin" }, async (input, { user }) => {
  const report = await importOperatorFile(db(), await requestActor(user), input);
  revalidatePath("/", "layout");
  return report;
});

const syncNow = defineAction({ name: "admin-sync-operator", input: ZSyncNow, permission: "platform:admin" }, async (input, { user }) => {
  const report = await syncOperatorNow(db(), await requestActor(user), input);
  revalidatePath("/", "layout");
  return report;
});

export async function saveOperatorAction(input: unknown) { return save(input); }
export async function importOperatorFileAction(input: unknown) { return importFile(input); }
export async function syncOperatorAction(input: unknown) { return syncNow(input); }
