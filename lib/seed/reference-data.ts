// Reference rows every installation needs (not demo data): amenities,
// platform settings, notification rules and templates, payment gateways.
// Upserts, so it is safe on every start and never overwrites an admin's edits.
import type { Db } from "../db/client.ts";

export const AMENITIES = [
  { code: "wifi", name: "Wi-Fi", icon: "wifi" },
  { code: "restroom", name: "Restroom", icon: "restroom" },
  { code: "parking", name: "Parking", icon: "parking" },
  { code: "cafe", name: "Café", icon: "coffee" },
  { code: "shopping", name: "Shopping", icon: "shopping-bag" },
  { code: "atm", name: "ATM", icon: "atm" },
  { code: "covered", name: "Covered", icon: "umbrella" },
  { code: "accessible", name: "Wheelchair accessible", icon: "accessible" },
];

export const APP_CONFIG = [
  { key: "platform_fee_percent", value: "10", dataType: "DECIMAL", description: "Platform's share of owner-listed station revenue, percent" },
  { key: "default_currency", value: "EUR", dataType: "STRING", description: "Currency for new wallets and listings" },
  { key: "booking_reservation_fee_minor", value: "200", dataType: "INTEGER", description: "Fee to reserve a connector, minor units" },
  { key: "booking_no_show_fee_minor", value: "500", dataType: "INTEGER", description: "Fee when a booking expires unused, minor units" },
  { key: "booking_grace_minutes", value: "15", dataType: "INTEGER", description: "Minutes after the slot start before a booking expires" },
  { key: "booking_free_cancel_minutes", value: "60", dataType: "INTEGER", description: "Free cancellation until this many minutes before the start" },
  { key: "ocpp_unknown_chargers", value: "pending", dataType: "STRING", description: "reject | pending | auto: what to do with a charger we do not know" },
  { key: "referral_points_referrer", value: "100", dataType: "INTEGER", description: "Points for the referrer on the referred driver's first session" },
  { key: "referral_points_referred", value: "50", dataType: "INTEGER", description: "Points for the referred driver on their first session" },
] as const;

const RULES = [
  { type: "BOOKING", sendInApp: true, sendPush: true, sendEmail: true, isCritical: false },
  { type: "SESSION", sendInApp: true, sendPush: true, sendEmail: false, isCritical: false },
  { type: "PAYMENT", sendInApp: true, sendPush: true, sendEmail: true, isCritical: true },
  { type: "ISSUE", sendInApp: true, sendPush: false, sendEmail: true, isCritical: false },
  { type: "MOBILE", sendInApp: true, sendPush: true, sendEmail: false, isCritical: false },
  { type: "PROMOTION", sendInApp: true, sendPush: false, sendEmail: false, isCritical: false },
  { type: "SYSTEM", sendInApp: true, sendPush: false, sendEmail: false, isCritical: false },
  { type: "SECURITY", sendInApp: true, sendPush: true, sendEmail: true, isCritical: true },
] as const;

const TEMPLATES = [
  { slug: "booking-confirmed", type: "BOOKING", title: { en: "Booking confirmed", ru: "Бронирование подтверждено" }, message: { en: "{station}, {start}–{end}", ru: "{station}, {start}–{end}" } },
  { slug: "booking-ending-15min", type: "BOOKING", title: { en: "Your booking ends in 15 minutes", ru: "Бронирование закончится через 15 минут" }, message: { en: "{station}", ru: "{station}" } },
  { slug: "session-finished", type: "SESSION", title: { en: "Charging finished", ru: "Зарядка завершена" }, message: { en: "{energy} at {station}, {total}", ru: "{energy} на станции {station}, {total}" } },
  { slug: "idle-fee-soon", type: "SESSION", title: { en: "Idle fee starts soon", ru: "Скоро начнётся плата за простой" }, message: { en: "Please move your car from {station}", ru: "Пожалуйста, освободите место на станции {station}" } },
  { slug: "payment-failed", type: "PAYMENT", title: { en: "Payment failed", ru: "Платёж не прошёл" }, message: { en: "{reason}", ru: "{reason}" } },
  { slug: "issue-updated", type: "ISSUE", title: { en: "Your report was updated", ru: "Ваше обращение обновлено" }, message: { en: "{station}: {status}", ru: "{station}: {status}" } },
] as const;

export async function ensureReferenceData(db: Db) {
  for (const a of AMENITIES) {
    await db.amenity.upsert({ where: { code: a.code }, create: a, update: {} });
  }
  for (const c of APP_CONFIG) {
    await db.appConfig.upsert({ where: { key: c.key }, create: { ...c }, update: {} });
  }
  for (const r of RULES) {
    await db.notificationRule.upsert({ where: { type: r.type }, create: { ...r }, update: {} });
  }
  for (const tpl of TEMPLATES) {
    await db.notificationTemplate.upsert({
      where: { slug: tpl.slug },
      create: { name: tpl.slug, slug: tpl.slug, type: tpl.type, titleTemplate: tpl.title, messageTemplate: tpl.message },
      update: {},
    });
  }
  for (const g of [
    { name: "Demo card processor", gateway: "DEMO" as const, supportedCurrencies: ["EUR", "USD", "GBP", "RUB"] },
    { name: "Stripe", gateway: "STRIPE" as const, supportedCurrencies: ["EUR", "USD", "GBP"] },
    { name: "Wallet", gateway: "WALLET" as const, supportedCurrencies: ["EUR"] },
  ]) {
    await db.paymentGateway.upsert({ where: { name: g.name }, create: g, update: {} });
  }
}
