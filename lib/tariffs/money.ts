// Money without floats: amounts are integers in a currency's minor unit
// (cents for EUR, yen for JPY), decimals from users are parsed digit by digit,
// and every division rounds half up exactly once, in BigInt.

/** ISO 4217 minor-unit exponents that differ from the usual 2. */
const EXPONENT_EXCEPTIONS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

let knownCurrencies: Set<string> | undefined;

export class MoneyError extends Error {
  override name = "MoneyError";
}

export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code);
}

/** Digits after the decimal point in the currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  if (!isKnownCurrency(currency)) throw new MoneyError(`unknown currency "${currency}" (expected an ISO 4217 code such as EUR)`);
  return EXPONENT_EXCEPTIONS[currency] ?? 2;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal ("35.5", "-2", "0.125") into an integer scaled by 10^scale,
 * e.g. ("35.5", 6) -> 35500000n. More fractional digits than `scale` is an
 * error, never a silent rounding.
 */
export function parseDecimalScaled(text: string, scale: number, what = "value"): bigint {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new MoneyError(`${what} "${text}" is not a decimal number`);
  const [, sign, whole, frac = ""] = m;
  if (frac.length > scale) throw new MoneyError(`${what} "${text}" has more than ${scale} decimal places`);
  const units = BigInt(whole + frac.padEnd(scale, "0"));
  return sign === "-" ? -units : units;
}

/**
 * Accepts a JSON number or a decimal string. A number is read through its
 * shortest round-trip text (35.5 -> "35.5"), which is the decimal the user
 * or the JSON document wrote, so no binary float value enters the arithmetic.
 */
export function decimalText(value: number | string): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new MoneyError(`${value} is not a finite number`);
    const text = String(value);
    if (/e/i.test(text)) return expandExponent(text);
    return text;
  }
  return value.trim();
}

function expandExponent(text: string): string {
  const [mantissa, expPart] = text.toLowerCase().split("e");
  const exp = Number(expPart);
  const negative = mantissa.startsWith("-");
  const [w, f = ""] = mantissa.replace("-", "").split(".");
  const digits = w + f;
  const point = w.length + exp;
  let out: string;
  if (point <= 0) out = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = digits.slice(0, point) + "." + digits.slice(point);
  return (negative ? "-" : "") + out.replace(/^0+(?=\d)/, "");
}

/** Formats a scaled integer back to a minimal decimal string: (35500000n, 6) -> "35.5". */
export function formatScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, "");
  return (negative ? "-" : "") + whole + (frac ? "." + frac : "");
}

/** numerator / denominator rounded half away from zero ("half up" for amounts). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new MoneyError("division by a non-positive denominator");
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

export function divCeil(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new MoneyError("division by a non-positive denominator");
  if (numerator <= 0n) return -(-numerator / denominator);
  return (numerator + denominator - 1n) / denominator;
}

/** "12.34" EUR -> 1234; "1500" JPY -> 1500; "12.345" EUR is an error. */
export function parseMoneyToMinor(text: string, currency: string): number {
  const units = parseDecimalScaled(text, currencyExponent(currency), "amount");
  return toSafeNumber(units, "amount");
}

export function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError(`${what} ${value} is too large`);
  }
  return Number(value);
}

/** 1234 EUR "en" -> "€12.34"; "ru" -> "12,34 €". */
export function formatMoney(minor: number | bigint, currency: string, locale = "en"): string {
  const exp = currencyExponent(currency);
  const text = formatScaled(BigInt(minor), exp);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  }).format(text as unknown as number); // Intl formats decimal strings exactly (NumberFormat v3)
}

/**
 * Formats a unit price given in (possibly fractional) minor units, keeping its
 * extra precision: "35.5" EUR -> "€0.355".
 */
export function formatMinorDecimal(minorDecimal: string, currency: string, locale = "en"): string {
  const exp = currencyExponent(currency);
  const scale = 12;
  const units = parseDecimalScaled(minorDecimal, scale, "price");
  const major = formatScaled(units, scale + exp);
  const fracDigits = (major.split(".")[1] ?? "").length;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: Math.max(exp, Math.min(fracDigits, 20)),
  }).format(major as unknown as number);
}
