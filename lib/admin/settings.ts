// Platform settings (seed 003 AppConfig): typed values, validated by their
// data type and, for the settings the platform knows, by their own rule.
// A save validates every value first and changes nothing if one is wrong.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { ConfigType } from "../db/generated/enums.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors/app-error.ts";
import { auditFrom, type AdminActor } from "./actor.ts";

const nonNegativeInt = (what: string) =>
  z.string().trim().regex(/^\d+$/, `${what} must be a whole number, 0 or more.`).refine((v) => Number(v) <= 1_000_000_000, `${what} is too large.`);

const currencies = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : []);
const unknownChargers = z.string().trim().toLowerCase().pipe(z.enum(["reject", "pending", "auto"], { message: "Choose reject, pending or auto." }));

/** Rules for the settings the platform reads; the value is checked as text and stored normalised. */
export const SETTING_RULES: Record<string, z.ZodType<string, string>> = {
  platform_fee_percent: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, "A percentage like 10 or 12.5.")
    .refine((v) => Number(v) >= 0 && Number(v) <= 50, "The platform fee is between 0 and 50 percent.")
    .transform((v) => String(Number(v))),
  default_currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "A three-letter ISO 4217 code, e.g. EUR.")
    .refine((v) => !currencies.size || currencies.has(v), "Not an ISO 4217 currency code."),
  booking_reservation_fee_minor: nonNegativeInt("The reservation fee"),
  booking_no_show_fee_minor: nonNegativeInt("The no-show fee"),
  booking_grace_minutes: nonNegativeInt("The grace period").refine((v) => Number(v) <= 24 * 60, "At most 1440 minutes."),
  booking_free_cancel_minutes: nonNegativeInt("The free cancellation period").refine((v) => Number(v) <= 7 * 24 * 60, "At most a week."),
  referral_points_referrer: nonNegativeInt("Points"),
  referral_points_referred: nonNegativeInt("Points"),
  ocpp_unknown_chargers: unknownChargers,
  OCPP_UNKNOWN_CHARGERS: unknownChargers,
};

const BY_TYPE: Record<ConfigType, z.ZodType<string, string>> = {
  STRING: z.string().max(2000, "At most 2000 characters."),
  INTEGER: z.string().trim().regex(/^-?\d+$/, "A whole number."),
  DECIMAL: z.string().trim().regex(/^-?\d+(\.\d+)?$/, "A number like 12.5."),
  BOOLEAN: z.string().trim().toLowerCase().pipe(z.enum(["true", "false"], { message: "true or false." })),
  JSON: z.string().refine((v) => {
    try {
      JSON.parse(v);
      return true;
    } catch {
      return false;
    }
  }, "Valid JSON.").transform((v) => JSON.stringify(JSON.parse(v))),
};

export function validateSetting(key: string, dataType: ConfigType, raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const typed = BY_TYPE[dataType].safeParse(raw);
  if (!typed.success) return { ok: false, error: typed.error.issues[0].message };
  const rule = SETTING_RULES[key];
  if (!rule) return { ok: true, value: typed.data };
  const checked = rule.safeParse(typed.data);
  return checked.success ? { ok: true, value: checked.data } : { ok: false, error: checked.error.issues[0].message };
}

export function listSettings(db: Db) {
  return db.appConfig.findMany({
    orderBy: { key: "asc" },
    select: { key: true, value: true, dataType: true, description: true, isActive: true, updatedAt: true, updatedBy: { select: { email: true } } },
  });
}

/** { key: value } from the form; only keys that exist, only values that changed are written. */
export const ZUpdateSettings = z.record(z.string().max(100), z.string().max(10_000));

export async function updateSettings(db: Db, actor: AdminActor, values: Record<string, string>) {
  return db.$transaction(async (tx) => {
    const rows = await tx.appConfig.findMany({ where: { key: { in: Object.keys(values) } } });
    const known = new Map(rows.map((r) => [r.key, r]));
    const fieldErrors: Record<string, string[]> = {};
    const changes: { key: string; before: string; after: string }[] = [];
    for (const [key, raw] of Object.entries(values)) {
      const row = known.get(key);
      if (!row) {
        fieldErrors[key] = ["Unknown setting."];
        continue;
      }
      const v = validateSetting(key, row.dataType, raw);
      if (!v.ok) fieldErrors[key] = [v.error];
      else if (v.value !== row.value) changes.push({ key, before: row.value, after: v.value });
    }
    if (Object.keys(fieldErrors).length) throw new AppError("INVALID_INPUT", "Some settings are not valid; nothing was saved.", fieldErrors);
    for (const c of changes) {
      await tx.appConfig.update({ where: { key: c.key }, data: { value: c.after, updatedById: actor.id } });
      await recordAudit(tx, { ...auditFrom(actor), action: "SETTING_CHANGED", entityType: "AppConfig", entityId: c.key, before: { value: c.before }, after: { value: c.after } });
    }
    return { changed: changes.map((c) => c.key) };
  });
}
