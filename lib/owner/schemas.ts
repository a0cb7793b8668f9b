// Input of every owner form and action. Messages are i18n keys
// ("owner.err.x"); app/(owner)/owner/localize.ts turns them into the caller's language.
import { z } from "zod";
import { isKnownCurrency } from "../tariffs/index.ts";
import { isValidTimeZone } from "../ocpi/time-zone.ts";
import { parseDay, WEEKDAYS, type TWorkingHours } from "./working-hours.ts";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
const text = (max: number) => z.string().trim().max(max, { error: "owner.err.tooLong" });
const bool = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);

export const ZId = z.uuid({ error: "owner.err.notFound" });

const coordinate = (min: number, max: number, error: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
    z.number({ error }).finite({ error }).min(min, { error }).max(max, { error }),
  );

export const CONNECTOR_TYPES = ["TYPE1", "TYPE2", "CCS", "CHADEMO", "GBT", "TESLA", "SCHUKO", "OTHER"] as const;
export const POWER_TYPES = ["AC_1_PHASE", "AC_3_PHASE", "DC"] as const;

export const ZConnector = z
  .object({
    type: z.enum(CONNECTOR_TYPES, { error: "owner.err.plugType" }),
    powerType: z.enum(POWER_TYPES, { error: "owner.err.powerType" }),
    maxPowerKw: z.preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
      z.number({ error: "owner.err.power" }).finite({ error: "owner.err.power" }).min(1, { error: "owner.err.power" }).max(1000, { error: "owner.err.power" }),
    ),
  })
  .superRefine((c, ctx) => {
    // AC above 43 kW does not exist in practice; catches kW typed as W.
    if (c.powerType !== "DC" && c.maxPowerKw > 43) ctx.addIssue({ code: "custom", path: ["maxPowerKw"], message: "owner.err.acPower" });
  });

const ZMoney = optional(z.string().trim().regex(/^\d{1,7}([.,]\d{1,3})?$/, { error: "owner.err.price" }).transform((v) => v.replace(",", ".")));

export const ZTariffInput = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("simple"),
    currency: z.string().trim().toUpperCase().refine(isKnownCurrency, { error: "owner.err.currency" }),
    pricePerKwh: ZMoney,
    pricePerHour: ZMoney,
    vatPercent: optional(z.string().trim().regex(/^\d{1,2}([.,]\d{1,2})?$/, { error: "owner.err.vat" }).transform((v) => v.replace(",", "."))),
  }),
  z.object({ mode: z.literal("ocpi"), json: z.string().trim().min(2, { error: "owner.err.tariffJson" }).max(50_000, { error: "owner.err.tooLong" }) }),
]);
export type TTariffInput = z.infer<typeof ZTariffInput>;

const ZDayText = optional(z.string().max(200, { error: "owner.err.tooLong" }));
const ZHoursText = z.object({ mon: ZDayText, tue: ZDayText, wed: ZDayText, thu: ZDayText, fri: ZDayText, sat: ZDayText, sun: ZDayText });

const ZWebsite = optional(
  z
    .string()
    .trim()
    .max(300, { error: "owner.err.tooLong" })
    .transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
    .pipe(z.url({ protocol: /^https?$/, hostname: /^[^.\s]+(\.[^.\s]+)+$/, error: "owner.err.website" })),
);

export const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()\-/.]{4,24}$/, { error: "owner.err.phone" })
  .refine((v) => v.replace(/\D/g, "").length >= 6, { error: "owner.err.phone" });

export const ZStationFields = z
  .object({
    name: z.string({ error: "owner.err.name" }).trim().min(2, { error: "owner.err.name" }).max(120, { error: "owner.err.tooLong" }),
    description: optional(text(2000)),
    address: z.string({ error: "owner.err.address" }).trim().min(3, { error: "owner.err.address" }).max(200, { error: "owner.err.tooLong" }),
    city: optional(text(100)),
    postalCode: optional(text(20)),
    country: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{2,3}$/, { error: "owner.err.country" })),
    lat: coordinate(-90, 90, "owner.err.lat"),
    lng: coordinate(-180, 180, "owner.err.lng"),
    timeZone: z.string({ error: "owner.err.timeZone" }).trim().refine((v) => v.length > 0 && isValidTimeZone(v), { error: "owner.err.timeZone" }),
    is24x7: bool,
    hours: ZHoursText.optional(),
    phone: optional(ZPhone),
    email: optional(z.string().trim().toLowerCase().pipe(z.email({ error: "owner.err.email" }).max(254, { error: "owner.err.tooLong" }))),
    website: ZWebsite,
    amenities: z.array(z.string().trim().max(50)).max(50).default([]),
    connectors: z.array(ZConnector, { error: "owner.err.connectors" }).min(1, { error: "owner.err.connectors" }).max(24, { error: "owner.err.tooMany" }),
    tariff: ZTariffInput,
  })
  .transform((v, ctx) => {
    const workingHours: TWorkingHours = {};
    let badDays = 0;
    for (const d of WEEKDAYS) {
      const r = parseDay(v.hours?.[d] ?? "");
      if (!r.ok) {
        badDays++;
        if (!v.is24x7) ctx.addIssue({ code: "custom", path: ["hours", d], message: r.error });
      } else if (r.ranges.length) workingHours[d] = r.ranges;
    }
    if (!v.is24x7 && !badDays && Object.keys(workingHours).length === 0) ctx.addIssue({ code: "custom", path: ["hours", "mon"], message: "owner.err.hoursNone" });
    if (v.lat === 0 && v.lng === 0) ctx.addIssue({ code: "custom", path: ["lat"], message: "owner.err.nullIsland" });
    const { hours: _h, ...rest } = v;
    return { ...rest, workingHours: v.is24x7 ? null : workingHours };
  });
export type TStationFields = z.infer<typeof ZStationFields>;

export const ZStationCreate = z.object({ station: ZStationFields });
export const ZStationUpdate = z.object({ stationId: ZId, station: ZStationFields });

/** Owners switch between listed and not listed; SUSPENDED is the admins' word. */
export const ZStationStatus = z.object({ stationId: ZId, status: z.enum(["ACTIVE", "INACTIVE"], { error: "owner.err.status" }) });

export const ZStationRef = z.object({ stationId: ZId });

export const ZReply = z.object({
  reviewId: ZId,
  reply: z.string({ error: "owner.err.reply" }).trim().min(2, { error: "owner.err.reply" }).max(2000, { error: "owner.err.tooLong" }),
});

export const ZPhotoDelete = z.object({ stationId: ZId, mediaId: ZId });

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "owner.err.month" });
export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "owner.err.date" }).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: "owner.err.date" });

export { bool as ZBool, optional as optionalField };
