// Turns consumed quantities into receipt lines. All money is BigInt until the
// end; each line is rounded half up to the minor unit exactly once, its VAT
// is computed from that rounded amount and rounded once more, and totals are
// plain sums of the lines, so a receipt always adds up.
import { divCeil, divRoundHalfUp, formatMoney, parseDecimalScaled, toSafeNumber } from "./money.ts";
import { PRICE_SCALE, VAT_SCALE, type TDimension, type TTariff } from "./schema.ts";
import { describeRestrictions } from "./describe.ts";
import type { Usage } from "./compute-cost.ts";

export type CostLineType = TDimension | "MIN_PRICE_ADJUSTMENT" | "MAX_PRICE_ADJUSTMENT";

export interface CostLine {
  type: CostLineType;
  /** which tariff element priced it (null for min/max adjustments) */
  elementIndex: number | null;
  /** kWh, hours, or 1 (FLAT / adjustments); for display, amounts come from billedWh / billedMs */
  quantity: number;
  unit: "kWh" | "h" | "session";
  billedWh?: number;
  billedMs?: number;
  /** price per unit in minor units, decimal string ("35.5" = 0.355 EUR) */
  unitPrice: string;
  amountExclVat: number;
  /** null: the component has no VAT (different from "0") */
  vatPercent: string | null;
  vat: number;
  amountInclVat: number;
  /** the element's restrictions in words (English), "" when unrestricted */
  restrictionLabel: string;
}

const PRICE_ONE = 10n ** BigInt(PRICE_SCALE);
const VAT_DEN = 100n * 10n ** BigInt(VAT_SCALE);
const ORDER: TDimension[] = ["FLAT", "ENERGY", "TIME", "PARKING_TIME"];

function component(tariff: TTariff, elementIndex: number, type: TDimension) {
  return tariff.elements[elementIndex].price_components.find((pc) => pc.type === type)!;
}

/** OCPI: step_size once per session for ENERGY, once for TIME+PARKING_TIME (parking wins when both occur). */
function applyStepSizes(tariff: TTariff, usage: Usage): void {
  const roundUp = (type: TDimension, unitMs: number) => {
    const last = usage.lastElement[type];
    if (last === undefined) return;
    const step = component(tariff, last, type).step_size * unitMs;
    let total = 0;
    for (const g of usage.groups.values()) if (g.type === type) total += g.quantity;
    const extra = Number(divCeil(BigInt(total), BigInt(step))) * step - total;
    // The rounding difference is billed at the price of the last element used.
    usage.groups.get(`${type}:${last}`)!.quantity += extra;
  };
  roundUp("ENERGY", 1);
  if (usage.lastElement.PARKING_TIME !== undefined) roundUp("PARKING_TIME", 1000);
  else roundUp("TIME", 1000);
}

function vatOf(amount: bigint, vatPercent: string | null): bigint {
  if (vatPercent === null) return 0n;
  return divRoundHalfUp(amount * parseDecimalScaled(vatPercent, VAT_SCALE), VAT_DEN);
}

function line(type: CostLineType, elementIndex: number | null, fields: Omit<CostLine, "type" | "elementIndex" | "vat" | "amountInclVat" | "amountExclVat">, excl: bigint): CostLine {
  const vat = vatOf(excl, fields.vatPercent);
  return {
    type,
    elementIndex,
    ...fields,
    amountExclVat: toSafeNumber(excl, "amount"),
    vat: toSafeNumber(vat, "VAT"),
    amountInclVat: toSafeNumber(excl + vat, "amount"),
  };
}

export function priceLines(tariff: TTariff, usage: Usage) {
  applyStepSizes(tariff, usage);
  const groups = [...usage.groups.values()].sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  const lines: CostLine[] = groups.map((g) => {
    const pc = component(tariff, g.elementIndex, g.type);
    const price = parseDecimalScaled(pc.price, PRICE_SCALE);
    const qty = BigInt(g.quantity);
    const base = {
      unitPrice: pc.price,
      vatPercent: pc.vat ?? null,
      restrictionLabel: describeRestrictions(tariff.elements[g.elementIndex].restrictions, "en"),
    };
    if (g.type === "ENERGY") {
      return line(g.type, g.elementIndex, { ...base, quantity: g.quantity / 1000, unit: "kWh", billedWh: g.quantity }, divRoundHalfUp(qty * price, 1000n * PRICE_ONE));
    }
    if (g.type === "FLAT") {
      return line(g.type, g.elementIndex, { ...base, quantity: 1, unit: "session" }, divRoundHalfUp(price, PRICE_ONE));
    }
    return line(g.type, g.elementIndex, { ...base, quantity: g.quantity / 3_600_000, unit: "h", billedMs: g.quantity }, divRoundHalfUp(qty * price, 3_600_000n * PRICE_ONE));
  });

  const subtotal = lines.reduce((sum, l) => sum + BigInt(l.amountExclVat), 0n);
  let appliedMinMax: "MIN" | "MAX" | undefined;
  let adjustment = 0n;
  if (tariff.min_price != null && subtotal < BigInt(tariff.min_price)) {
    adjustment = BigInt(tariff.min_price) - subtotal;
    appliedMinMax = "MIN";
  } else if (tariff.max_price != null && subtotal > BigInt(tariff.max_price)) {
    adjustment = BigInt(tariff.max_price) - subtotal;
    appliedMinMax = "MAX";
  }
  if (appliedMinMax) {
    const target = subtotal + adjustment;
    const rates = new Set(lines.map((l) => l.vatPercent));
    const adjustmentLine = line(appliedMinMax === "MIN" ? "MIN_PRICE_ADJUSTMENT" : "MAX_PRICE_ADJUSTMENT", null, {
      quantity: 1,
      unit: "session",
      unitPrice: adjustment.toString(),
      vatPercent: adjustmentVat(tariff, lines),
      restrictionLabel: `${appliedMinMax === "MIN" ? "minimum" : "maximum"} price ${formatMoney(target, tariff.currency, "en")}`,
    }, adjustment);
    if (rates.size === 1) {
      // One rate throughout: the session's VAT is that rate on the min/max
      // price itself, so a capped session always costs exactly max + VAT.
      const vat = vatOf(target, adjustmentLine.vatPercent) - lines.reduce((v, l) => v + BigInt(l.vat), 0n);
      adjustmentLine.vat = toSafeNumber(vat, "VAT");
      adjustmentLine.amountInclVat = toSafeNumber(adjustment + vat, "amount");
    }
    lines.push(adjustmentLine);
  }
  const sum = (f: (l: CostLine) => number) => toSafeNumber(lines.reduce((s, l) => s + BigInt(f(l)), 0n), "total");
  return {
    lines,
    totalExclVat: sum((l) => l.amountExclVat),
    totalVat: sum((l) => l.vat),
    totalInclVat: sum((l) => l.amountInclVat),
    appliedMinMax,
  };
}

/**
 * min/max price are excl. VAT; the adjustment carries the VAT rate of the
 * session's lines when they share one (its VAT then brings the session's VAT
 * to exactly that rate on the min/max price), else the highest rate among
 * them (or among the tariff's components when no line was billed).
 */
function adjustmentVat(tariff: TTariff, lines: CostLine[]): string | null {
  const rates = lines.length
    ? lines.map((l) => l.vatPercent)
    : tariff.elements.flatMap((el) => el.price_components.map((pc) => pc.vat ?? null));
  let best: string | null = null;
  for (const r of rates) {
    if (r === null) continue;
    if (best === null || parseDecimalScaled(r, VAT_SCALE) > parseDecimalScaled(best, VAT_SCALE)) best = r;
  }
  return best;
}
