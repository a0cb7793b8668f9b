"use client";
// Card (or wallet) fields of a payment form. In demo mode the form says so
// plainly and names the test cards. The number goes to the server action only.
// Typed card fields are checked here first, in the reader's language, with the
// same rules as the server (lib/payments/card-form-check.ts).
import { cardFieldProblems, type TCardFieldProblem } from "@/lib/payments/card-form-check.ts";
import { FieldMessage, INPUT, inputTone, invalidProps, useFieldErrors } from "./field-errors.tsx";

type TKeys = "pay.demo" | "pay.method" | "pay.card" | "pay.cardNumber" | "pay.cardExpiry" | "pay.cardCvc" | "pay.cardNote"
  | "pay.err.cardNumber.missing" | "pay.err.cardNumber.invalid" | "pay.err.cardExpiry.missing" | "pay.err.cardExpiry.invalid" | "pay.err.cardExpiry.expired"
  | "pay.err.cardCvc.missing" | "pay.err.cardCvc.invalid";

export function CardFields(props: {
  demo: boolean;
  s: Record<TKeys, string>;
  /** Offer the wallet, with its balance text. */
  walletLabel?: string;
}) {
  const { s } = props;
  const errorOf = useFieldErrors(["cardNumber", "cardExpiry", "cardCvc"], (data) => {
    if (data.payWith === "wallet") return {};
    const out: Record<string, string[]> = {};
    for (const [field, problem] of Object.entries(cardFieldProblems(data)) as [string, TCardFieldProblem][]) {
      out[field] = [s[`pay.err.${field}.${problem}` as TKeys] ?? problem];
    }
    return out;
  });
  const field = (name: "cardNumber" | "cardExpiry" | "cardCvc", extra: React.InputHTMLAttributes<HTMLInputElement>, span = "") => {
    const error = errorOf(name);
    return (
      <div className={`flex flex-col gap-1 ${span}`}>
        <label htmlFor={`f-${name}`} className="text-sm font-medium">{s[`pay.${name}` as TKeys]}</label>
        <input id={`f-${name}`} name={name} className={`${INPUT} ${inputTone(error)}`} {...invalidProps(name, error)} {...extra} />
        <FieldMessage name={name} error={error} />
      </div>
    );
  };
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="font-semibold px-1">{s["pay.method"]}</legend>
      {props.demo && (
        <p data-testid="demo-payments" className="rounded-md bg-amber-50 border border-amber-300 text-amber-900 px-3 py-2 text-sm font-medium">{s["pay.demo"]}</p>
      )}
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2 min-h-11 pr-2"><input type="radio" name="payWith" value="card" defaultChecked className="h-5 w-5" /> {s["pay.card"]}</label>
        {props.walletLabel && <label className="flex items-center gap-2 min-h-11 pr-2"><input type="radio" name="payWith" value="wallet" className="h-5 w-5" /> {props.walletLabel}</label>}
      </div>
      <div className="grid grid-cols-2 sm:grid-cols-4 gap-3 items-start">
        {field("cardNumber", { inputMode: "numeric", autoComplete: "cc-number", placeholder: "4242 4242 4242 4242" }, "col-span-2")}
        {field("cardExpiry", { autoComplete: "cc-exp", placeholder: "12/34" })}
        {field("cardCvc", { inputMode: "numeric", autoComplete: "cc-csc", placeholder: "123" })}
      </div>
      <p className="text-xs text-slate-500">{s["pay.cardNote"]}</p>
    </fieldset>
  );
}
