// Tariffs: OCPI 2.2.1 price lists and the one engine that prices sessions,
// estimates and holds. Read lib/tariffs/README.md for the rules.
export {
  ZTariff, ZTariffElement, ZPriceComponent, ZRestrictions, DIMENSIONS, DAYS, PRICE_SCALE, VAT_SCALE,
  parseTariff, safeParseTariff, tariffFromRecord, TariffError,
  type TTariff, type TTariffInput, type TTariffElement, type TPriceComponent, type TRestrictions,
  type TDimension, type TDay, type TariffIssue,
} from "./schema.ts";
export { computeCost, runningCost, ZSessionInput, SessionInputError, type CostResult, type TSessionInput } from "./compute-cost.ts";
export type { CostLine, CostLineType } from "./price-lines.ts";
export { estimateCost, plannedSession, holdAmountFor, energyCapFor, type EstimateInput, type Hold, type HoldOptions } from "./estimate.ts";
export { simpleTariff, type SimplePrices } from "./simple-tariff.ts";
export { describeTariff, describeRestrictions, type TLocale } from "./describe.ts";
export {
  formatMoney, formatMinorDecimal, currencyExponent, parseMoneyToMinor, parseDecimalScaled, isKnownCurrency, MoneyError,
} from "./money.ts";
export { samplesFromMeterReadings, type MeterReadingRow, type MeterSample } from "./meter-samples.ts";
