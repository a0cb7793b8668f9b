// What is wrong with typed card fields, as reasons rather than sentences, so
// the server (English messages, zod) and the pay form (the reader's language,
// before anything is sent) say the same thing.
import { luhnValid, normaliseCardNumber } from "./card.ts";

export type TCardFieldProblem = "missing" | "invalid" | "expired";
export type TCardFields = { cardNumber?: string; cardExpiry?: string; cardCvc?: string };

export function cardNumberProblem(raw = ""): TCardFieldProblem | null {
  const digits = normaliseCardNumber(raw.trim());
  if (!digits) return "missing";
  return /^\d{12,19}$/.test(digits) && luhnValid(digits) ? null : "invalid";
}

/** MM/YY or MM/YYYY, month 01-12, not before the current month. */
export function cardExpiryProblem(raw = "", now = new Date()): TCardFieldProblem | null {
  const text = raw.trim();
  if (!text) return "missing";
  const m = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return "invalid";
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  const month = Number(m[1]);
  return year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1) ? "expired" : null;
}

export function cardCvcProblem(raw = ""): TCardFieldProblem | null {
  const text = raw.trim();
  if (!text) return "missing";
  return /^\d{3,4}$/.test(text) ? null : "invalid";
}

export function cardFieldProblems(f: TCardFields, now = new Date()) {
  const out: Partial<Record<keyof TCardFields, TCardFieldProblem>> = {};
  const n = cardNumberProblem(f.cardNumber), e = cardExpiryProblem(f.cardExpiry, now), c = cardCvcProblem(f.cardCvc);
  if (n) out.cardNumber = n;
  if (e) out.cardExpiry = e;
  if (c) out.cardCvc = c;
  return out;
}

export const CARD_PROBLEM_TEXT: Record<keyof TCardFields, Record<TCardFieldProblem, string>> = {
  cardNumber: { missing: "Enter the card number.", invalid: "This card number is not valid: check the digits.", expired: "" },
  cardExpiry: { missing: "Enter the expiry date as MM/YY.", invalid: "The expiry date must be MM/YY with a month from 01 to 12.", expired: "This card has expired." },
  cardCvc: { missing: "Enter the CVC: the 3 or 4 digits on the back of the card.", invalid: "The CVC is 3 or 4 digits.", expired: "" },
};
