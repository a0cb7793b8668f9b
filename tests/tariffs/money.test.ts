import { test } from "node:test";
import assert from "node:assert/strict";
import {
  currencyExponent, divRoundHalfUp, formatMinorDecimal, formatMoney, parseDecimalScaled, parseMoneyToMinor, decimalText, MoneyError,
} from "../../lib/tariffs/money.ts";

test("minor-unit exponents follow ISO 4217", () => {
  assert.equal(currencyExponent("EUR"), 2);
  assert.equal(currencyExponent("USD"), 2);
  assert.equal(currencyExponent("RUB"), 2);
  assert.equal(currencyExponent("JPY"), 0);
  assert.equal(currencyExponent("KRW"), 0);
  assert.equal(currencyExponent("KWD"), 3);
  assert.throws(() => currencyExponent("EURO"), /unknown currency "EURO"/);
  assert.throws(() => currencyExponent("eur"), MoneyError);
});

test("decimal strings become minor units without floats", () => {
  assert.equal(parseMoneyToMinor("12.34", "EUR"), 1234);
  assert.equal(parseMoneyToMinor("12.3", "EUR"), 1230);
  assert.equal(parseMoneyToMinor("0.07", "EUR"), 7);
  assert.equal(parseMoneyToMinor("1500", "JPY"), 1500);
  assert.equal(parseMoneyToMinor("-1.5", "EUR"), -150);
  assert.equal(parseMoneyToMinor("1.005", "KWD"), 1005);
  // 0.1 + 0.2 style traps do not exist here
  assert.equal(parseMoneyToMinor("0.29", "EUR"), 29);
  assert.equal(parseMoneyToMinor("1234567890123.45", "EUR"), 123456789012345);
  assert.throws(() => parseMoneyToMinor("12.345", "EUR"), /more than 2 decimal places/);
  assert.throws(() => parseMoneyToMinor("1.5", "JPY"), /more than 0 decimal places/);
  assert.throws(() => parseMoneyToMinor("12,34", "EUR"), /not a decimal number/);
  assert.throws(() => parseMoneyToMinor("", "EUR"), /not a decimal number/);
  assert.throws(() => parseMoneyToMinor("99999999999999999", "EUR"), /too large/);
});

test("scaled decimals and JSON numbers read exactly", () => {
  assert.equal(parseDecimalScaled("35.5", 6), 35_500_000n);
  assert.equal(parseDecimalScaled(decimalText(35.5), 6), 35_500_000n);
  assert.equal(parseDecimalScaled(decimalText(0.1), 6), 100_000n);
  assert.equal(decimalText(1e-7), "0.0000001");
  assert.equal(decimalText(1e21), "1000000000000000000000");
});

test("rounding is half away from zero, exactly", () => {
  assert.equal(divRoundHalfUp(5n, 2n), 3n);
  assert.equal(divRoundHalfUp(3905n, 10n), 391n);
  assert.equal(divRoundHalfUp(3904n, 10n), 390n);
  assert.equal(divRoundHalfUp(-5n, 2n), -3n);
  assert.equal(divRoundHalfUp(-3904n, 10n), -390n);
  assert.equal(divRoundHalfUp(0n, 7n), 0n);
});

test("formatMoney uses the locale and the currency's exponent", () => {
  assert.equal(formatMoney(1234, "EUR", "en"), "€12.34");
  assert.equal(formatMoney(1234, "EUR", "ru").replace(/\s/g, " "), "12,34 €");
  assert.equal(formatMoney(1500, "JPY", "en"), "¥1,500");
  assert.equal(formatMoney(-5, "EUR", "en"), "-€0.05");
  assert.equal(formatMoney(123456789012345678n, "EUR", "en"), "€1,234,567,890,123,456.78");
  assert.equal(formatMinorDecimal("35.5", "EUR", "en"), "€0.355");
  assert.equal(formatMinorDecimal("35", "EUR", "en"), "€0.35");
  assert.equal(formatMinorDecimal("200", "EUR", "ru").replace(/\s/g, " "), "2,00 €");
});
