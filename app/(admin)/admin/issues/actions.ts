"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { requestActor } from "@/lib/admin/request-actor.ts";
import { updateIssue, ZUpdateIssue } from "@/lib/admin/update-issue.ts";
import { db } from "@/lib/db/client.ts";

const update = defineAction({ name: "admin-update-issue", input: ZUpdateIssue, permission: "platform:admin" }, async (input, { user }) => {
  const issue = await updateIssue(db(), await requestActor(user), input);
  revalidatePath("/admin/issues");
  return { id: issue.id, status: issue.status };
});

export async function updateIssueAction(input: unknown) { return update(input); }
