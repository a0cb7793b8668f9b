// The provider's service form as one zod schema. The browser sends strings
// (prices in major units, "08:00-20:00" hours per day); this turns them into
// the stored shape: integer minor units, { mon: [["08:00","20:00"]], ... }.
// Messages are message keys (provider.err.*), translated by the caller.
import { z } from "zod";
import { Prisma, type MobileService } from "../db/generated/client.ts";
import { currencyExponent } from "../format.ts";
import { CHARGING_TYPES, CURRENCIES, PLUG_TYPES, WEEK_DAYS } from "./constants.ts";

const money = z.string().trim().regex(/^\d{1,6}([.,]\d{1,3})?$/, "provider.err.money");
const num = (min: number, max: number, msg: string) => z.coerce.number({ message: msg }).min(min, msg).max(max, msg);
const text = (max: number) => z.string().trim().max(max, "provider.err.tooLong");
const optText = (max: number) => text(max).optional().transform((v) => v || undefined);
// "08:00-12:00, 13:00-20:00"; empty = closed that day.
const dayHours = z
  .string()
  .trim()
  .regex(/^$|^([01]\d|2[0-3]):[0-5]\d\s*-\s*([01]\d|2[0-4]):[0-5]\d(\s*,\s*([01]\d|2[0-3]):[0-5]\d\s*-\s*([01]\d|2[0-4]):[0-5]\d)*$/, "provider.err.hours")
  .default("");

export const ZServiceForm = z
  .object({
    companyName: text(120).min(2, "provider.err.companyName"),
    serviceName: text(120).min(2, "provider.err.serviceName"),
    description: optText(2000),
    centerLat: num(-90, 90, "provider.err.lat"),
    centerLng: num(-180, 180, "provider.err.lng"),
    radiusKm: num(0.5, 300, "provider.err.radius"),
    chargingTypes: z.array(z.enum(CHARGING_TYPES)).default([]),
    plugTypes: z.array(z.enum(PLUG_TYPES)).min(1, "provider.err.plugTypes"),
    currency: z.enum(CURRENCIES).default("EUR"),
    pricePerHour: money,
    pricePerKwh: money,
    minimumCharge: money.default("0"),
    travelFeeType: z.enum(["FLAT", "PER_KM"]),
    travelFee: money.default("0"),
    maxDistanceKm: num(0.5, 500, "provider.err.maxDistance"),
    responseTimeMinutes: num(1, 24 * 60, "provider.err.responseTime").int("provider.err.responseTime"),
    is24x7: z.union([z.boolean(), z.enum(["true", "false", "on", ""])]).transform((v) => v === true || v === "true" || v === "on"),
    hours: z.object(Object.fromEntries(WEEK_DAYS.map((d) => [d, dayHours])) as Record<(typeof WEEK_DAYS)[number], typeof dayHours>).partial().default({}),
    timeZone: z.string().trim().default("Europe/Berlin").refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "provider.err.timeZone"),
    contactPhone: z.string().trim().regex(/^\+?[0-9 ()-]{6,}$/, "provider.err.phone"),
    contactEmail: z.string().trim().email("provider.err.email").optional().or(z.literal("").transform(() => undefined)),
    contactWhatsapp: optText(40),
    contactWebsite: z.string().trim().url("provider.err.website").optional().or(z.literal("").transform(() => undefined)),
    vehicleType: optText(80),
    vehiclePlate: optText(20),
    vehicleCapacityKwh: z.union([z.literal("").transform(() => undefined), num(1, 2000, "provider.err.capacity")]).optional(),
  })
  .refine((v) => v.is24x7 || WEEK_DAYS.some((d) => v.hours[d]), { message: "provider.err.noHours", path: ["hours.mon"] });

export type TServiceForm = z.infer<typeof ZServiceForm>;

export function toMinor(major: string, currency: string): number {
  const exp = currencyExponent(currency);
  const [whole, frac = ""] = major.replace(",", ".").split(".");
  return Number(whole) * 10 ** exp + Number((frac + "000").slice(0, exp) || 0);
}

export function toMajor(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  return exp === 0 ? String(minor) : (minor / 10 ** exp).toFixed(exp);
}

function workingHours(f: TServiceForm) {
  const out: Record<string, unknown> = { timeZone: f.timeZone };
  for (const d of WEEK_DAYS) {
    const v = f.hours[d];
    out[d] = v ? v.split(",").map((r) => r.split("-").map((x) => x.trim())) : [];
  }
  return out;
}

/** The columns of MobileService that the form sets. */
export function serviceColumns(f: TServiceForm) {
  return {
    companyName: f.companyName, serviceName: f.serviceName, description: f.description ?? null,
    centerLat: f.centerLat, centerLng: f.centerLng, radiusKm: f.radiusKm,
    chargingTypes: f.chargingTypes, plugTypes: f.plugTypes, currency: f.currency,
    pricePerHourMinor: toMinor(f.pricePerHour, f.currency), pricePerKwhMinor: toMinor(f.pricePerKwh, f.currency),
    minimumChargeMinor: toMinor(f.minimumCharge, f.currency), travelFeeType: f.travelFeeType, travelFeeMinor: toMinor(f.travelFee, f.currency),
    maxDistanceKm: f.maxDistanceKm, responseTimeMinutes: f.responseTimeMinutes,
    is24x7: f.is24x7, workingHours: f.is24x7 ? Prisma.DbNull : (workingHours(f) as Prisma.InputJsonObject),
    contactInfo: { phone: f.contactPhone, email: f.contactEmail ?? null, whatsapp: f.contactWhatsapp ?? null, website: f.contactWebsite ?? null },
    vehicleInfo: { type: f.vehicleType ?? null, plate: f.vehiclePlate ?? null, capacityKwh: f.vehicleCapacityKwh ?? null },
  };
}

/** A stored service back into the form's strings, for editing. */
export function serviceToForm(s: MobileService) {
  const wh = (s.workingHours ?? {}) as Record<string, [string, string][] | string>;
  const c = (s.contactInfo ?? {}) as Record<string, string | null>;
  const v = (s.vehicleInfo ?? {}) as Record<string, string | number | null>;
  return {
    companyName: s.companyName, serviceName: s.serviceName, description: s.description ?? "",
    centerLat: String(s.centerLat), centerLng: String(s.centerLng), radiusKm: String(s.radiusKm),
    chargingTypes: [...s.chargingTypes], plugTypes: [...s.plugTypes], currency: s.currency,
    pricePerHour: toMajor(s.pricePerHourMinor, s.currency), pricePerKwh: toMajor(s.pricePerKwhMinor, s.currency),
    minimumCharge: toMajor(s.minimumChargeMinor, s.currency), travelFeeType: s.travelFeeType, travelFee: toMajor(s.travelFeeMinor, s.currency),
    maxDistanceKm: String(s.maxDistanceKm), responseTimeMinutes: String(s.responseTimeMinutes), is24x7: s.is24x7,
    hours: Object.fromEntries(WEEK_DAYS.map((d) => [d, Array.isArray(wh[d]) ? (wh[d] as [string, string][]).map((r) => r.join("-")).join(", ") : ""])) as Record<(typeof WEEK_DAYS)[number], string>,
    timeZone: typeof wh.timeZone === "string" ? wh.timeZone : "Europe/Berlin",
    contactPhone: c.phone ?? "", contactEmail: c.email ?? "", contactWhatsapp: c.whatsapp ?? "", contactWebsite: c.website ?? "",
    vehicleType: String(v.type ?? ""), vehiclePlate: String(v.plate ?? ""), vehicleCapacityKwh: v.capacityKwh == null ? "" : String(v.capacityKwh),
  };
}
export type TServiceFormValues = ReturnType<typeof serviceToForm>;
