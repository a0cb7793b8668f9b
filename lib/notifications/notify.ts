// In-app notifications (seed 003): one Notification row per event and user,
// written only when the type's NotificationRule allows in-app delivery.
// Other channels (push, SMS, e-mail) cannot be reached from here, so they are
// queued as NotificationDelivery rows (PENDING) for a channel adapter to send.
import type { Db } from "../db/client.ts";
import type { NotificationType } from "../db/generated/enums.ts";
import { renderTemplate, type Locale, type LocalizedText } from "./render.ts";

/** The client or an interactive transaction: notify inside the change's transaction. */
export type NotifyDb = Pick<Db, "notification" | "notificationRule" | "notificationTemplate" | "notificationDelivery" | "user">;

export type NotifyInput = {
  userId: string;
  type: NotificationType;
  /** A NotificationTemplate slug; its {en, ru} title and message are rendered in the user's language. */
  template?: string;
  /** Placeholder values, or a function of the user's language (for words that need translating). */
  vars?: Record<string, string | number> | ((locale: Locale) => Record<string, string | number>);
  /** Used when there is no (active) template: a string, or { en, ru }. */
  title?: LocalizedText;
  message?: LocalizedText;
  data?: Record<string, unknown>;
  /** The same key never notifies twice (e.g. "issue:<id>:status:RESOLVED"). */
  dedupeKey?: string;
  /** The language to use when the user has saved none (e.g. that of the request that caused the notice). */
  fallbackLocale?: Locale | null;
};

export type NotifyResult =
  | { delivered: true; notificationId: string; queued: ("PUSH" | "SMS" | "EMAIL")[] }
  | { delivered: false; reason: "DUPLICATE" | "IN_APP_DISABLED" | "NO_USER"; queued: ("PUSH" | "SMS" | "EMAIL")[] };

export async function notify(db: NotifyDb, input: NotifyInput): Promise<NotifyResult> {
  if (input.dedupeKey && (await db.notification.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } }))) {
    return { delivered: false, reason: "DUPLICATE", queued: [] };
  }
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { email: true, phone: true, settings: { select: { preferredLanguage: true, notificationPreferences: true } } },
  });
  if (!user) return { delivered: false, reason: "NO_USER", queued: [] };
  const saved = user.settings?.preferredLanguage;
  const locale: Locale = (saved ?? input.fallbackLocale) === "ru" ? "ru" : "en";
  // No rule for a type = in-app only: a missing row must not silence everything.
  const platformRule = (await db.notificationRule.findUnique({ where: { type: input.type } })) ?? {
    sendInApp: true, sendPush: false, sendSms: false, sendEmail: false, isCritical: false,
  };
  // The user's own choices (settings page) narrow the platform's rule, except
  // for critical notices (security, failed payments), which always go out.
  const prefs = (user.settings?.notificationPreferences ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const wants = (channel: string) => platformRule.isCritical || prefs[input.type]?.[channel] !== false;
  const rule = {
    sendInApp: platformRule.sendInApp && wants("IN_APP"),
    sendPush: platformRule.sendPush && wants("PUSH"),
    sendSms: platformRule.sendSms && wants("SMS"),
    sendEmail: platformRule.sendEmail && wants("EMAIL"),
  };
  const template = input.template
    ? await db.notificationTemplate.findFirst({ where: { slug: input.template, isActive: true } })
    : null;
  const vars = typeof input.vars === "function" ? input.vars(locale) : (input.vars ?? {});
  const title = template ? renderTemplate(template.titleTemplate, locale, vars) : renderTemplate(input.title ?? "", locale, vars);
  const message = template ? renderTemplate(template.messageTemplate, locale, vars) : renderTemplate(input.message ?? "", locale, vars);
  if (!title) throw new Error(`notify: no title for a ${input.type} notification (template ${input.template ?? "none"})`);

  let notificationId: string | null = null;
  if (rule.sendInApp) {
    // ON CONFLICT DO NOTHING: a concurrent duplicate must not abort the caller's transaction.
    await db.notification.createMany({
      data: [{ userId: input.userId, templateId: template?.id, type: input.type, title, message, data: (input.data ?? undefined) as object | undefined, dedupeKey: input.dedupeKey }],
      skipDuplicates: true,
    });
    const row = input.dedupeKey
      ? await db.notification.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } })
      : await db.notification.findFirst({ where: { userId: input.userId, title, message }, orderBy: { createdAt: "desc" }, select: { id: true } });
    notificationId = row?.id ?? null;
  }

  const queued: ("PUSH" | "SMS" | "EMAIL")[] = [];
  const channels = [
    ["PUSH", rule.sendPush, "device"],
    ["SMS", rule.sendSms, user.phone],
    ["EMAIL", rule.sendEmail, user.email],
  ] as const;
  for (const [channel, enabled, recipient] of channels) {
    if (!enabled || !recipient) continue;
    await db.notificationDelivery.create({ data: { notificationId, userId: input.userId, channel, recipient, title, message } });
    queued.push(channel);
  }
  return notificationId
    ? { delivered: true, notificationId, queued }
    : { delivered: false, reason: "IN_APP_DISABLED", queued };
}
