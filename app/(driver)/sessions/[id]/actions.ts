"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { stopCharging } from "@/lib/sessions/index.ts";

const stop = defineAction({ name: "stop-charging", input: z.object({ sessionId: z.string().uuid() }), permission: "driver:self" }, async (input, { user }) => {
  const r = await stopCharging(db(), user!, input.sessionId);
  return { message: r.status };
});

export async function stopChargingAction(input: unknown) { return stop(input); }
