"use server";
import { defineAction } from "@/lib/actions/action.ts";
import { db } from "@/lib/db/client.ts";
import { getLocale } from "@/lib/i18n/server.ts";
import { paymentSource, withPayment } from "@/lib/payments/index.ts";
import { startCharging, ZStartCharging } from "@/lib/sessions/index.ts";

const start = defineAction({ name: "start-charging", input: withPayment(ZStartCharging), permission: "driver:self" }, async (input, { user }) => {
  const { sessionId } = await startCharging(db(), { ...user!, locale: await getLocale() }, input, paymentSource(input));
  return { href: `/sessions/${sessionId}` };
});

export async function startChargingAction(input: unknown) { return start(input); }
