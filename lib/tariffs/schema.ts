// The OCPI 2.2.1 tariff model as Chargeway stores it (Tariff.elements JSON),
// validated with zod so an owner's mistake comes back as a sentence naming
// the field. Differences from the OCPI wire format, on purpose:
// - prices are in MINOR units of the currency (cents), as a decimal string
//   with up to 6 decimals ("35.5" = 35.5 cents = 0.355 EUR per kWh);
//   JSON numbers are accepted on input and normalised to that string.
// - min_price / max_price are integers in minor units, excluding VAT.
// - vat is a decimal percent string ("19", "5.5"); absent means no VAT.
// - step_size defaults to 1 (Wh or second) when omitted.
import { z } from "zod";
import { decimalText, formatScaled, isKnownCurrency, parseDecimalScaled } from "./money.ts";

export const DIMENSIONS = ["ENERGY", "TIME", "PARKING_TIME", "FLAT"] as const;
export type TDimension = (typeof DIMENSIONS)[number];
export const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type TDay = (typeof DAYS)[number];

/** Prices carry 6 decimals of the minor unit: 35.5 cents = 35_500_000 micro-cents. */
export const PRICE_SCALE = 6;
/** VAT percents carry 4 decimals: 5.5 % = 55_000. */
export const VAT_SCALE = 4;

const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(tz: string): boolean {
  let valid = zoneValidity.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      valid = true;
    } catch {
      valid = false;
    }
    if (zoneValidity.size < 1000) zoneValidity.set(tz, valid);
  }
  return valid;
}

function decimalField(scale: number, label: string, max?: bigint) {
  return z.union([z.number(), z.string()], { error: `${label} must be a number` }).transform((value, ctx) => {
    try {
      const units = parseDecimalScaled(decimalText(value), scale, label);
      if (units < 0n) throw new Error(`${label} must not be negative`);
      if (max !== undefined && units > max) throw new Error(`${label} must be at most ${formatScaled(max, scale)}`);
      return formatScaled(units, scale);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
      return z.NEVER;
    }
  });
}

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "time must be HH:MM in 24-hour format, e.g. 06:00");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(d + "T00:00:00Z")) && new Date(d + "T00:00:00Z").toISOString().startsWith(d), "not a real calendar date");
const nonNegative = (label: string) => z.number({ error: `${label} must be a number` }).nonnegative(`${label} must not be negative`);
const opt = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/** OCPI feeds send null for absent fields; stored tariffs simply omit them. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const ZPriceComponent = z.object({
  type: z.enum(DIMENSIONS, { error: `type must be one of ${DIMENSIONS.join(", ")}` }),
  price: decimalField(PRICE_SCALE, "price"),
  vat: opt(decimalField(VAT_SCALE, "vat", 100n * 10n ** BigInt(VAT_SCALE))),
  step_size: z
    .number({ error: "step_size must be a whole number" })
    .int("step_size must be a whole number")
    .min(1, "step_size must be at least 1")
    .default(1),
}).transform(compact);

export const ZRestrictions = z
  .object({
    start_time: opt(hhmm),
    end_time: opt(hhmm),
    start_date: opt(isoDate),
    end_date: opt(isoDate),
    min_kwh: opt(nonNegative("min_kwh")),
    max_kwh: opt(nonNegative("max_kwh")),
    min_current: opt(nonNegative("min_current")),
    max_current: opt(nonNegative("max_current")),
    min_power: opt(nonNegative("min_power")),
    max_power: opt(nonNegative("max_power")),
    min_duration: opt(z.number().int("min_duration must be whole seconds").nonnegative("min_duration must not be negative")),
    max_duration: opt(z.number().int("max_duration must be whole seconds").nonnegative("max_duration must not be negative")),
    day_of_week: opt(z.array(z.enum(DAYS, { error: `day_of_week entries must be one of ${DAYS.join(", ")}` })).min(1, "day_of_week must list at least one day")),
    reservation: z.unknown().optional(),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (r.reservation != null) issue("reservation", "reservation tariffs are not supported");
    if (r.start_time && r.end_time && r.start_time === r.end_time) {
      issue("end_time", "start_time and end_time are equal; leave both out for the whole day");
    }
    if (r.start_date && r.end_date && r.start_date >= r.end_date) issue("end_date", "end_date must be after start_date");
    for (const [lo, hi] of [["min_kwh", "max_kwh"], ["min_current", "max_current"], ["min_power", "max_power"], ["min_duration", "max_duration"]] as const) {
      const a = r[lo];
      const b = r[hi];
      if (a != null && b != null && a >= b) issue(hi, `${hi} must be greater than ${lo}`);
    }
    for (const k of ["min_kwh", "max_kwh"] as const) {
      const v = r[k];
      if (v != null && Math.abs(v * 1000 - Math.round(v * 1000)) > 1e-6) issue(k, `${k} may have at most 3 decimals (whole Wh)`);
    }
    if (r.day_of_week && new Set(r.day_of_week).size !== r.day_of_week.length) issue("day_of_week", "day_of_week lists a day twice");
  })
  .transform(({ reservation: _ignored, ...rest }) => compact(rest));

export const ZTariffElement = z
  .object({
    price_components: z.array(ZPriceComponent).min(1, "each element needs at least one price component"),
    restrictions: opt(ZRestrictions),
  })
  .superRefine((el, ctx) => {
    const seen = new Set<string>();
    el.price_components.forEach((pc, i) => {
      if (seen.has(pc.type)) {
        ctx.addIssue({ code: "custom", path: ["price_components", i, "type"], message: `${pc.type} appears twice in one element` });
      }
      seen.add(pc.type);
    });
  })
  .transform(compact);

export const ZTariff = z
  .object({
    currency: z.string().refine(isKnownCurrency, "currency must be an ISO 4217 code such as EUR"),
    elements: z.array(ZTariffElement).min(1, "a tariff needs at least one element"),
    min_price: opt(z.number().int("min_price must be whole minor units").nonnegative("min_price must not be negative")),
    max_price: opt(z.number().int("max_price must be whole minor units").nonnegative("max_price must not be negative")),
    /** IANA zone for time/date restrictions; defaults to the station's zone. */
    time_zone: opt(z.string().refine(isValidTimeZone, "time_zone must be an IANA zone such as Europe/Berlin")),
  })
  .superRefine((t, ctx) => {
    if (t.min_price != null && t.max_price != null && t.min_price > t.max_price) {
      ctx.addIssue({ code: "custom", path: ["max_price"], message: "max_price must not be below min_price" });
    }
  })
  .transform(compact);

export type TTariff = z.output<typeof ZTariff>;
export type TTariffInput = z.input<typeof ZTariff>;
export type TTariffElement = TTariff["elements"][number];
export type TPriceComponent = TTariffElement["price_components"][number];
export type TRestrictions = NonNullable<TTariffElement["restrictions"]>;

export interface TariffIssue {
  path: string;
  message: string;
}

export class TariffError extends Error {
  override name = "TariffError";
  constructor(message: string, readonly issues: TariffIssue[] = []) {
    super(message);
  }
}

function issuePath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : (i ? "." : "") + String(p))).join("") || "tariff";
}

export function safeParseTariff(input: unknown): { ok: true; tariff: TTariff } | { ok: false; issues: TariffIssue[] } {
  const result = ZTariff.safeParse(input);
  if (result.success) return { ok: true, tariff: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })) };
}

/** Validates and normalises a tariff; throws TariffError listing every problem. */
export function parseTariff(input: unknown): TTariff {
  const r = safeParseTariff(input);
  if (r.ok) return r.tariff;
  throw new TariffError(`invalid tariff: ${r.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, r.issues);
}

/** Builds the tariff from a Prisma Tariff row (elements JSON + min/max columns). */
export function tariffFromRecord(row: {
  currency: string;
  elements: unknown;
  minPriceMinor?: number | null;
  maxPriceMinor?: number | null;
}, timeZone?: string): TTariff {
  return parseTariff({
    currency: row.currency,
    elements: row.elements,
    min_price: row.minPriceMinor ?? undefined,
    max_price: row.maxPriceMinor ?? undefined,
    time_zone: timeZone,
  });
}
