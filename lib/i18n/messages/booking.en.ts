// English strings of the booking pages. booking.ru.ts must have the same keys.
export const bookingEn = {
} as const;
