// The payment fields of a form (card or wallet) as one zod schema, shared by
// the booking, charging and top-up actions.
import { z } from "zod";
import type { TPaymentSource } from "./types.ts";

export const ZPaymentForm = z.discriminatedUnion("payWith", [
  z.object({ payWith: z.literal("wallet") }),
  z.object({
    payWith: z.literal("card"),
    cardNumber: z.string().trim().regex(/^[\d\s-]{12,23}$/, "Enter the card number."),
    cardExpiry: z.string().trim().regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2}|\d{4})$/, "Enter the expiry date as MM/YY."),
    cardCvc: z.string().trim().regex(/^\d{3,4}$/, "Enter the 3 or 4 digits on the back of the card."),
  }),
]);
export type TPaymentForm = z.infer<typeof ZPaymentForm>;

export function paymentSource(f: TPaymentForm): TPaymentSource {
  if (f.payWith === "wallet") return "wallet";
  const [mm, yy] = f.cardExpiry.split("/").map((x) => Number(x.trim()));
  return { number: f.cardNumber, expMonth: mm!, expYear: yy! < 100 ? 2000 + yy! : yy!, cvc: f.cardCvc };
}

/** Merges the payment schema into a form's own schema (both read the same flat FormData object). */
export function withPayment<S extends z.ZodObject>(schema: S) {
  return z.intersection(schema, ZPaymentForm);
}
