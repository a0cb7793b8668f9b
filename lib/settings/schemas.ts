// Seed 004 USER_SETTINGS as the driver edits them: language, currency,
// notification preferences per type and channel, saved map filters.
import { z } from "zod";
import { NotificationChannel, NotificationType } from "../db/generated/enums.ts";
import { searchParamsToObject, ZMapQuery, type TMapFilters } from "../map/filters.ts";

export const LANGUAGES = ["en", "ru"] as const;
export const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "PLN", "SEK", "NOK", "DKK", "CZK", "RUB"] as const;
export const NOTIFICATION_TYPES = Object.values(NotificationType) as NotificationType[];
export const CHANNELS = Object.values(NotificationChannel) as NotificationChannel[];
/** Security and payment messages always reach the app inbox: a driver must not miss a failed payment. */
export const ALWAYS_IN_APP: ReadonlySet<NotificationType> = new Set(["SECURITY", "PAYMENT"]);

export type TChannelPrefs = Record<NotificationChannel, boolean>;
export type TNotificationPrefs = Record<NotificationType, TChannelPrefs>;

const ZChannelPrefs = z.object(
  Object.fromEntries(CHANNELS.map((c) => [c, z.boolean()])) as Record<NotificationChannel, z.ZodBoolean>,
).strict();

export const ZNotificationPrefs = z
  .object(Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, ZChannelPrefs])) as Record<NotificationType, typeof ZChannelPrefs>)
  .strict()
  .superRefine((prefs, ctx) => {
    for (const t of ALWAYS_IN_APP) {
      if (!prefs[t].IN_APP) ctx.addIssue({ code: "custom", path: [t, "IN_APP"], message: `${t} messages always go to the in-app inbox.` });
    }
  });

export const ZSettingsInput = z.object({
  language: z.enum(LANGUAGES, { error: "Choose English or Russian." }),
  currency: z.enum(CURRENCIES, { error: `Choose one of ${CURRENCIES.join(", ")}.` }),
  notifications: ZNotificationPrefs,
});
export type TSettingsInput = z.infer<typeof ZSettingsInput>;

/** Map filters without the viewport: what a driver saves as their default view. */
export const ZSavedFilters = ZMapQuery.omit({ bbox: true, zoom: true });

/** A query string or params object -> validated filters (throws a ZodError naming bad parameters). */
export function parseSavedFilters(params: string | URLSearchParams | Record<string, string | string[] | undefined>): TMapFilters {
  const p = typeof params === "string" ? new URLSearchParams(params.replace(/^\?/, "")) : params;
  const obj = searchParamsToObject(p);
  delete obj.bbox;
  delete obj.zoom;
  return ZSavedFilters.parse(obj);
}

export function hasAnyFilter(f: TMapFilters): boolean {
  return (
    f.connectors.length > 0 || f.minPowerKw !== undefined || f.availableNow || f.openNow || f.maxPricePerKwhMinor !== undefined ||
    f.amenities.length > 0 || f.operators.length > 0 || !!f.q
  );
}
