"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { markRead, ZMarkRead } from "@/lib/notifications/inbox.ts";

// Open to every role; the handler needs a signed-in user and touches only their rows.
const mark = defineAction({ name: "mark-notifications-read", input: ZMarkRead, permission: null }, async (input, { user }) => {
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in first.");
  const count = await markRead(db(), user.id, input);
  revalidatePath("/notifications");
  return { count };
});

export async function markNotificationsReadAction(input: unknown) { return mark(input); }
