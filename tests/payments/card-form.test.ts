// Pay form fields (QA finding 8): a typed but malformed card gets the reason
// for each field, from the server's schema and the browser check alike.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cardFieldProblems } from "../../lib/payments/card-form-check.ts";
import { ZPaymentForm } from "../../lib/payments/index.ts";

const errorsOf = (f: Record<string, string>) => {
  const r = ZPaymentForm.safeParse({ payWith: "card", ...f });
  assert.equal(r.success, false);
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
};

test("'1234', '13/99', '1': each field says what is wrong with it, not 'Enter the card number'", () => {
  assert.deepEqual(errorsOf({ cardNumber: "1234", cardExpiry: "13/99", cardCvc: "1" }), {
    cardNumber: "This card number is not valid: check the digits.",
    cardExpiry: "The expiry date must be MM/YY with a month from 01 to 12.",
    cardCvc: "The CVC is 3 or 4 digits.",
  });
  assert.deepEqual(errorsOf({ cardNumber: "", cardExpiry: "", cardCvc: "" }), {
    cardNumber: "Enter the card number.",
    cardExpiry: "Enter the expiry date as MM/YY.",
    cardCvc: "Enter the CVC: the 3 or 4 digits on the back of the card.",
  });
  assert.equal(errorsOf({ cardNumber: "4242 4242 4242 4241", cardExpiry: "01/20", cardCvc: "123" }).cardExpiry, "This card has expired.");
  assert.equal(errorsOf({ cardNumber: "4242 4242 4242 4241", cardExpiry: "12/34", cardCvc: "123" }).cardNumber, "This card number is not valid: check the digits.", "Luhn");
  assert.ok(ZPaymentForm.safeParse({ payWith: "card", cardNumber: "4242 4242 4242 4242", cardExpiry: "12 / 2034", cardCvc: "1234" }).success);
});

test("the browser check gives the same reasons as codes", () => {
  const now = new Date(Date.UTC(2026, 10, 21));
  assert.deepEqual(cardFieldProblems({ cardNumber: "1234", cardExpiry: "13/99", cardCvc: "1" }, now), { cardNumber: "invalid", cardExpiry: "invalid", cardCvc: "invalid" });
  assert.deepEqual(cardFieldProblems({ cardNumber: "4242424242424242", cardExpiry: "10/26", cardCvc: "123" }, now), { cardExpiry: "expired" });
  assert.deepEqual(cardFieldProblems({ cardNumber: "4242424242424242", cardExpiry: "11/26", cardCvc: "123" }, now), {});
});
