"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action.ts";
import { createBooking, ZCreateBooking } from "@/lib/booking/index.ts";
import { db } from "@/lib/db/client.ts";
import { getLocale } from "@/lib/i18n/server.ts";
import { paymentSource, withPayment } from "@/lib/payments/index.ts";

const book = defineAction({ name: "create-booking", input: withPayment(ZCreateBooking), permission: "driver:self" }, async (input, { user }) => {
  const booking = await createBooking(db(), { ...user!, locale: await getLocale() }, input, paymentSource(input));
  revalidatePath("/bookings");
  return { href: `/bookings?created=${booking.id}` };
});

export async function createBookingAction(input: unknown) { return book(input); }
