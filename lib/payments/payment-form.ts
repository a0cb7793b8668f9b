// The payment fields of a form (card or wallet) as one zod schema, shared by
// the booking, charging and top-up actions.
import { z } from "zod";
import type { TPaymentSource } from "./types.ts";
import { CARD_PROBLEM_TEXT, cardCvcProblem, cardExpiryProblem, cardNumberProblem } from "./card-form-check.ts";

const checked = (field: keyof typeof CARD_PROBLEM_TEXT, problem: (v: string) => string | null) =>
  z.string().trim().superRefine((v, ctx) => {
    const p = problem(v) as keyof (typeof CARD_PROBLEM_TEXT)["cardNumber"] | null;
    if (p) ctx.addIssue({ code: "custom", message: CARD_PROBLEM_TEXT[field][p] });
  });

export const ZPaymentForm = z.discriminatedUnion("payWith", [
  z.object({ payWith: z.literal("wallet") }),
  z.object({
    payWith: z.literal("card"),
    cardNumber: checked("cardNumber", cardNumberProblem),
    cardExpiry: checked("cardExpiry", (v) => cardExpiryProblem(v)),
    cardCvc: checked("cardCvc", cardCvcProblem),
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
