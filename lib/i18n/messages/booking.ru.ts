import type { bookingEn } from "./booking.en.ts";

export const bookingRu: Record<keyof typeof bookingEn, string> = {
};
