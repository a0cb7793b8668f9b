// Card number checks done before any processor sees the number: the driver gets
// a clear message for a typo, and only brand + last4 are ever kept.
import { AppError } from "../errors/app-error.ts";
import type { TCardDetails } from "./types.ts";

export function normaliseCardNumber(raw: string): string {
  return raw.replace(/[\s-]/g, "");
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (/^(6011|65|64[4-9])/.test(digits)) return "discover";
  if (/^220[0-4]/.test(digits)) return "mir";
  return "card";
}

/** Throws a field-level AppError for a mistyped card; returns the cleaned digits. */
export function checkCard(card: TCardDetails, now = new Date()): { digits: string; brand: string; last4: string } {
  const digits = normaliseCardNumber(card.number);
  const errors: Record<string, string[]> = {};
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) errors.cardNumber = ["This card number is not valid."];
  const month = Number(card.expMonth);
  const year = Number(card.expYear) < 100 ? 2000 + Number(card.expYear) : Number(card.expYear);
  const expired = year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year)) errors.cardExpiry = ["Enter the expiry date as MM/YY."];
  else if (expired) errors.cardExpiry = ["This card has expired."];
  if (!/^\d{3,4}$/.test(card.cvc ?? "")) errors.cardCvc = ["Enter the 3 or 4 digits on the back of the card."];
  if (Object.keys(errors).length) throw new AppError("PAYMENT_FAILED", Object.values(errors)[0]![0]!, errors);
  return { digits, brand: cardBrand(digits), last4: digits.slice(-4) };
}

export function isCardDetails(v: unknown): v is TCardDetails {
  return !!v && typeof v === "object" && "number" in v;
}
