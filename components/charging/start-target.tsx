"use client";
// The driver's target (kWh or amount) with the estimate, hold and energy cap
// worked out in the browser by the same tariff engine that bills the session.
// The value is checked with the server's bounds as it is typed: a bad value
// says why instead of silently hiding the estimate.
import { useMemo, useState } from "react";
import { currencyExponent, estimateCost, holdAmountFor, formatMoney, type TTariff } from "@/lib/tariffs/index.ts";
import { MAX_TARGET_VALUE, parseTargetValue } from "@/lib/sessions/target-bounds.ts";
import { FieldMessage, INPUT, inputTone, invalidProps, useFieldErrors } from "@/components/payments/field-errors.tsx";

type TKeys = "charge.target" | "charge.targetEnergy" | "charge.targetAmount" | "charge.targetValue" | "charge.estimate" | "charge.estimateText" | "charge.hold" | "charge.cap"
  | "charge.err.missing" | "charge.err.notNumber" | "charge.err.notPositive" | "charge.err.tooBig" | "charge.err.belowMinimum" | "unit.kWh" | "unit.kW";

export function StartTarget(props: { tariff: TTariff; powerKw: number; timeZone: string; locale: string; s: Record<TKeys, string> }) {
  const { s } = props;
  const [kind, setKind] = useState<"energy" | "amount">("energy");
  const [value, setValue] = useState("10");
  const [touched, setTouched] = useState(false);
  const cur = props.tariff.currency;
  const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
  const number = (n: number, digits = 2) => n.toLocaleString(props.locale, { maximumFractionDigits: digits });
  const kwh = (wh: number) => `${number(wh / 1000)} ${s["unit.kWh"]}`;
  const info = useMemo(() => {
    const parsed = parseTargetValue(value);
    if ("problem" in parsed) return { problem: parsed.problem } as const;
    const n = parsed.value;
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
      if (hold.energyCapWh === 0) return { problem: "belowMinimum" } as const;
      return { cost: amountMinor, energyWh: hold.energyCapWh ?? 0, hold: hold.amountMinor, cap: hold.energyCapWh };
    } catch {
      return null;
    }
  }, [kind, value, props.tariff, props.powerKw, props.timeZone, cur]);
  const problemText = (p: string) => fill(s[`charge.err.${p}` as TKeys] ?? p, { max: number(MAX_TARGET_VALUE), unit: kind === "energy" ? s["unit.kWh"] : cur });
  const problem = info && "problem" in info ? info.problem : null;
  const errorOf = useFieldErrors(["targetValue"], (): Record<string, string[]> => (problem ? { targetValue: [problemText(problem)] } : {}));
  // Shown as soon as the value is edited; a server answer (errorOf) too.
  const error = (touched && problem ? problemText(problem) : undefined) ?? errorOf("targetValue");
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="text-sm font-medium mb-1">{s["charge.target"]}</legend>
        <label className="flex items-center gap-2"><input type="radio" name="targetKind" value="energy" checked={kind === "energy"} onChange={() => setKind("energy")} /> {fill(s["charge.targetEnergy"], { unit: s["unit.kWh"] })}</label>
        <label className="flex items-center gap-2"><input type="radio" name="targetKind" value="amount" checked={kind === "amount"} onChange={() => setKind("amount")} /> {fill(s["charge.targetAmount"], { currency: cur })}</label>
      </fieldset>
      <div className="flex flex-col gap-1 max-w-xs">
        <label htmlFor="f-targetValue" className="text-sm font-medium">{s["charge.targetValue"]}</label>
        <input id="f-targetValue" name="targetValue" inputMode="decimal" value={value} onChange={(e) => { setValue(e.target.value); setTouched(true); }}
          className={`${INPUT} ${inputTone(error)}`} {...invalidProps("targetValue", error)} />
        <FieldMessage name="targetValue" error={error} />
      </div>
      {info && !("problem" in info) && (
        <div className="rounded-lg bg-brand-50 border border-brand-200 p-3 text-sm" data-testid="estimate" aria-live="polite">
          <p className="font-semibold">{s["charge.estimate"]}</p>
          <p>{fill(s["charge.estimateText"], { cost: formatMoney(info.cost, cur, props.locale), energy: kwh(info.energyWh), power: `${number(props.powerKw, 1)} ${s["unit.kW"]}` })}</p>
          <p data-testid="hold-amount">{fill(s["charge.hold"], { hold: formatMoney(info.hold, cur, props.locale) })}</p>
          {info.cap !== null && <p>{fill(s["charge.cap"], { energy: kwh(info.cap) })}</p>}
        </div>
      )}
    </div>
  );
}
