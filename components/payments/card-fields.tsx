// Card (or wallet) fields of a payment form. In demo mode the form says so
// plainly and names the test cards. The number goes to the server action only.
export function CardFields(props: {
  demo: boolean;
  s: Record<"pay.demo" | "pay.method" | "pay.card" | "pay.cardNumber" | "pay.cardExpiry" | "pay.cardCvc" | "pay.cardNote", string>;
  /** Offer the wallet, with its balance text. */
  walletLabel?: string;
}) {
  const input = "border border-slate-300 rounded-md px-3 py-2 text-base bg-white w-full";
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="font-semibold px-1">{props.s["pay.method"]}</legend>
      {props.demo && (
        <p data-testid="demo-payments" className="rounded-md bg-amber-50 border border-amber-300 text-amber-900 px-3 py-2 text-sm font-medium">{props.s["pay.demo"]}</p>
      )}
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2"><input type="radio" name="payWith" value="card" defaultChecked /> {props.s["pay.card"]}</label>
        {props.walletLabel && <label className="flex items-center gap-2"><input type="radio" name="payWith" value="wallet" /> {props.walletLabel}</label>}
      </div>
      <div className="grid grid-cols-2 sm:grid-cols-4 gap-3">
        <div className="col-span-2 flex flex-col gap-1">
          <label htmlFor="f-cardNumber" className="text-sm font-medium">{props.s["pay.cardNumber"]}</label>
          <input id="f-cardNumber" name="cardNumber" inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" className={input} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-cardExpiry" className="text-sm font-medium">{props.s["pay.cardExpiry"]}</label>
          <input id="f-cardExpiry" name="cardExpiry" autoComplete="cc-exp" placeholder="12/34" className={input} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-cardCvc" className="text-sm font-medium">{props.s["pay.cardCvc"]}</label>
          <input id="f-cardCvc" name="cardCvc" inputMode="numeric" autoComplete="cc-csc" placeholder="123" className={input} />
        </div>
      </div>
      <p className="text-xs text-slate-500">{props.s["pay.cardNote"]}</p>
    </fieldset>
  );
}
