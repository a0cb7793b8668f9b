"use client";
// The driver's target (kWh or amount) with the estimate, hold and energy cap
// worked out in the browser by the same tariff engine that bills the session.
import { useMemo, useState } from "react";
import { currencyExponent, estimateCost, holdAmountFor, formatMoney, type TTariff } from "@/lib/tariffs/index.ts";

export function StartTarget(props: {
  tariff: TTariff;
  powerKw: number;
  timeZone: string;
  locale: string;
  s: Record<"charge.target" | "charge.targetEnergy" | "charge.targetAmount" | "charge.targetValue" | "charge.estimate" | "charge.estimateText" | "charge.hold" | "charge.cap", string>;
}) {
  const [kind, setKind] = useState<"energy" | "amount">("energy");
  const [value, setValue] = useState("10");
  const cur = props.tariff.currency;
  const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
  const kwh = (wh: number) => `${(wh / 1000).toLocaleString(props.locale, { maximumFractionDigits: 2 })} kWh`;
  const info = useMemo(() => {
    const n = Number(value.replace(",", "."));
    if (!(n > 0)) return null;
    try {
      const now = new Date();
      if (kind === "energy") {
        const energyWh = Math.round(n * 1000);
        const est = estimateCost(props.tariff, { energyWh, powerKw: props.powerKw, startAt: now, timeZone: props.timeZone });
        const hold = holdAmountFor(props.tariff, { energyWh }, props.powerKw, { startAt: now, timeZone: props.timeZone });
        return { cost: est.totalInclVat, energyWh, hold: hold.amountMinor, cap: hold.energyCapWh };
      }
      const amountMinor = Math.round(n * 10 ** currencyExponent(cur));
      const hold = holdAmountFor(props.tariff, { amountMinor }, props.powerKw, { startAt: now, timeZone: props.timeZone });
      return { cost: amountMinor, energyWh: hold.energyCapWh ?? 0, hold: hold.amountMinor, cap: hold.energyCapWh };
    } catch {
      return null;
    }
  }, [kind, value, props.tariff, props.powerKw, props.timeZone]);
  const input = "border border-slate-300 rounded-md px-3 py-2 text-base bg-white w-full";
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="text-sm font-medium mb-1">{props.s["charge.target"]}</legend>
        <label className="flex items-center gap-2"><input type="radio" name="targetKind" value="energy" checked={kind === "energy"} onChange={() => setKind("energy")} /> {props.s["charge.targetEnergy"]}</label>
        <label className="flex items-center gap-2"><input type="radio" name="targetKind" value="amount" checked={kind === "amount"} onChange={() => setKind("amount")} /> {fill(props.s["charge.targetAmount"], { currency: cur })}</label>
      </fieldset>
      <div className="flex flex-col gap-1 max-w-xs">
        <label htmlFor="f-targetValue" className="text-sm font-medium">{props.s["charge.targetValue"]}</label>
        <input id="f-targetValue" name="targetValue" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} className={input} />
      </div>
      {info && (
        <div className="rounded-lg bg-brand-50 border border-brand-200 p-3 text-sm" data-testid="estimate" aria-live="polite">
          <p className="font-semibold">{props.s["charge.estimate"]}</p>
          <p>{fill(props.s["charge.estimateText"], { cost: formatMoney(info.cost, cur, props.locale), energy: kwh(info.energyWh), power: String(props.powerKw) })}</p>
          <p data-testid="hold-amount">{fill(props.s["charge.hold"], { hold: formatMoney(info.hold, cur, props.locale) })}</p>
          {info.cap !== null && <p>{fill(props.s["charge.cap"], { energy: kwh(info.cap) })}</p>}
        </div>
      )}
    </div>
  );
}
