// Reading and writing a driver's settings. Missing or outdated stored JSON
// never breaks a page: it falls back to defaults (the platform's rules).
import type { Db } from "../db/client.ts";
import type { NotificationChannel, NotificationType } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error.ts";
import { mapQueryToSearchParams, type TMapFilters } from "../map/filters.ts";
import {
  CHANNELS, CURRENCIES, hasAnyFilter, LANGUAGES, NOTIFICATION_TYPES, parseSavedFilters, ZNotificationPrefs, ZSettingsInput,
  type TNotificationPrefs,
} from "./schemas.ts";

const RULE_CHANNEL: Record<NotificationChannel, "sendInApp" | "sendPush" | "sendSms" | "sendEmail"> = {
  IN_APP: "sendInApp", PUSH: "sendPush", SMS: "sendSms", EMAIL: "sendEmail",
};

/** The platform's rules as the starting point of every driver's preferences. */
async function defaultPrefs(db: Db): Promise<TNotificationPrefs> {
  const rules = new Map((await db.notificationRule.findMany()).map((r) => [r.type, r]));
  return Object.fromEntries(
    NOTIFICATION_TYPES.map((t) => {
      const rule = rules.get(t);
      return [t, Object.fromEntries(CHANNELS.map((c) => [c, rule ? rule[RULE_CHANNEL[c]] : c === "IN_APP"]))];
    }),
  ) as TNotificationPrefs;
}

function storedFilters(json: unknown): TMapFilters | null {
  if (!json || typeof json !== "object" || Object.keys(json).length === 0) return null;
  try {
    const params = Object.fromEntries(
      Object.entries(json as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]),
    );
    const f = parseSavedFilters(params);
    return hasAnyFilter(f) ? f : null;
  } catch {
    return null;
  }
}

export async function getSettings(db: Db, userId: string) {
  const [row, defaults] = await Promise.all([db.userSettings.findUnique({ where: { userId } }), defaultPrefs(db)]);
  const stored = row?.notificationPreferences && typeof row.notificationPreferences === "object" ? (row.notificationPreferences as Record<string, Record<string, unknown>>) : {};
  const notifications = Object.fromEntries(
    NOTIFICATION_TYPES.map((t) => [
      t,
      Object.fromEntries(CHANNELS.map((c) => [c, typeof stored[t]?.[c] === "boolean" ? (stored[t][c] as boolean) : defaults[t][c]])),
    ]),
  ) as TNotificationPrefs;
  const language = (LANGUAGES as readonly string[]).includes(row?.preferredLanguage ?? "") ? (row!.preferredLanguage as "en" | "ru") : "en";
  const currency = (CURRENCIES as readonly string[]).includes(row?.preferredCurrency ?? "") ? row!.preferredCurrency : "EUR";
  return { language, currency, notifications: ZNotificationPrefs.safeParse(notifications).success ? notifications : defaults, searchFilters: storedFilters(row?.searchFilters) };
}

export async function updateSettings(db: Db, userId: string, raw: unknown) {
  const input = ZSettingsInput.parse(raw);
  const data = { preferredLanguage: input.language, preferredCurrency: input.currency, notificationPreferences: input.notifications };
  await db.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return input;
}

/** Saves the map's current filters (a query string) as the driver's default view. */
export async function saveSearchFilters(db: Db, userId: string, query: string): Promise<TMapFilters> {
  let filters: TMapFilters;
  try {
    filters = parseSavedFilters(query);
  } catch (err) {
    const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
    const fieldErrors: Record<string, string[]> = {};
    for (const i of issues) (fieldErrors[String(i.path[0] ?? "filters")] ??= []).push(i.message);
    throw new AppError("INVALID_INPUT", "These filters cannot be saved: " + Object.entries(fieldErrors).map(([k, v]) => `${k} ${v.join("; ")}`).join(". "), fieldErrors);
  }
  if (!hasAnyFilter(filters)) throw new AppError("INVALID_INPUT", "Choose at least one filter before saving it as your default.");
  // Stored in the URL's shape, so it reads back through the same parser.
  const searchFilters = Object.fromEntries(mapQueryToSearchParams(filters));
  await db.userSettings.upsert({ where: { userId }, create: { userId, searchFilters }, update: { searchFilters } });
  return filters;
}

export async function clearSearchFilters(db: Db, userId: string): Promise<void> {
  await db.userSettings.upsert({ where: { userId }, create: { userId }, update: { searchFilters: {} } });
}

/** For the notification sender: does this driver want this type on this channel? */
export function wantsNotification(prefs: TNotificationPrefs, type: NotificationType, channel: NotificationChannel): boolean {
  return prefs[type]?.[channel] ?? channel === "IN_APP";
}
