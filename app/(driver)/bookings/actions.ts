"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action.ts";
import { cancelBooking } from "@/lib/booking/index.ts";
import { db } from "@/lib/db/client.ts";

const cancel = defineAction({ name: "cancel-booking", input: z.object({ bookingId: z.string().uuid() }), permission: "driver:self" }, async (input, { user }) => {
  await cancelBooking(db(), user!, input.bookingId);
  revalidatePath("/bookings");
  return { href: `/bookings?cancelled=${input.bookingId}` };
});

export async function cancelBookingAction(input: unknown) { return cancel(input); }
