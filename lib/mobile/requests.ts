// Mobile charging requests: created by drivers, moved along by providers.
// Every function authorises inside its query: a request that is not the
// caller's (as driver, or as provider of its service) is "not found".
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { MobileRequest, Prisma } from "../db/generated/client.ts";
import type { MobileRequestStatus } from "../db/generated/enums.ts";
import { AppError, notFoundError } from "../errors/app-error.ts";
import { notify } from "../notifications/notify.ts";
import { authorize, capture, release, type TPaymentSource } from "../payments/index.ts";
import { publish } from "../realtime/publish.ts";
import { currencyExponent } from "../format.ts";
import { estimateMobileCharge, finalMobilePrice } from "./estimate.ts";
import { findServices } from "./find-services.ts";
import { distanceKm, etaMinutes } from "./geo.ts";
import { driverCancellationFee, holdFor, NEXT_STATUS } from "./request-rules.ts";

type Actor = { id: string; role: string };

const plug = z.enum(["TYPE1", "TYPE2", "CCS", "CHADEMO", "GBT", "TESLA", "SCHUKO", "OTHER"]);

export const ZMobileRequest = z
  .object({
    serviceId: z.string().uuid("Choose a service."),
    lat: z.coerce.number().min(-90).max(90),
    lng: z.coerce.number().min(-180).max(180),
    address: z.string().trim().max(300).optional(),
    vehicleType: z.string().trim().max(80).optional(),
    vehiclePlate: z.string().trim().max(20).optional(),
    batteryLevel: z.coerce.number().int().min(0, "Battery level is 0–100 %.").max(100, "Battery level is 0–100 %.").optional(),
    plugType: plug,
    energyKwh: z.coerce.number().positive("Enter the energy you need.").max(200).optional(),
    durationMinutes: z.coerce.number().int().positive().max(600).optional(),
    urgency: z.enum(["LOW", "MEDIUM", "HIGH", "EMERGENCY"]).default("MEDIUM"),
    scheduledAt: z.coerce.date().optional(),
    contactPhone: z.string().trim().regex(/^\+?[0-9 ()-]{6,}$/, "Enter a phone number like +49 30 1234567."),
    contactEmail: z.string().trim().email().optional().or(z.literal("").transform(() => undefined)),
    notes: z.string().trim().max(1000).optional(),
    card: z.union([
      z.literal("wallet"),
      z.object({ number: z.string(), expMonth: z.coerce.number(), expYear: z.coerce.number(), cvc: z.string() }),
    ]),
  })
  .refine((v) => v.energyKwh || v.durationMinutes, { message: "Say how much energy or how long a charge you need.", path: ["energyKwh"] })
  .refine((v) => !v.scheduledAt || v.scheduledAt.getTime() > Date.now() - 60_000, { message: "Pick a time in the future.", path: ["scheduledAt"] });

export type TMobileRequestInput = z.infer<typeof ZMobileRequest>;

const publishState = (db: Db, r: Pick<MobileRequest, "id" | "status" | "providerLat" | "providerLng" | "etaMinutes">) =>
  publish(db, { type: "mobile", requestId: r.id, status: r.status, lat: r.providerLat, lng: r.providerLng, etaMinutes: r.etaMinutes }).catch(() => {});

export async function createMobileRequest(db: Db, driver: Actor, input: TMobileRequestInput): Promise<MobileRequest> {
  const energyWh = input.energyKwh ? Math.round(input.energyKwh * 1000) : undefined;
  // The chosen service must still be one the driver is offered here and now.
  const offers = await findServices(db, { lat: input.lat, lng: input.lng, plugType: input.plugType, at: input.scheduledAt, energyWh, durationMinutes: input.durationMinutes });
  const offer = offers.find((o) => o.id === input.serviceId);
  if (!offer) throw new AppError("PRECONDITION", "This service cannot come to this place (or does not serve this plug) right now. Choose another.");
  const e = offer.estimate;

  const request = await db.mobileRequest.create({
    data: {
      userId: driver.id, serviceId: input.serviceId, lat: input.lat, lng: input.lng, address: input.address,
      vehicleType: input.vehicleType, vehiclePlate: input.vehiclePlate, batteryLevel: input.batteryLevel,
      plugType: input.plugType, energyWantedWh: energyWh, durationMinutes: input.durationMinutes, urgency: input.urgency,
      scheduledAt: input.scheduledAt, distanceKm: e.distanceKm, currency: e.currency, basePriceMinor: e.baseMinor,
      travelFeeMinor: e.travelFeeMinor, totalMinor: e.totalMinor, etaMinutes: e.etaMinutes,
      contactPhone: input.contactPhone, contactEmail: input.contactEmail, notes: input.notes,
    },
  });
  try {
    await authorize(db, {
      userId: driver.id, purpose: "MOBILE_REQUEST", currency: e.currency, mobileRequestId: request.id,
      amountMinor: holdFor(e.totalMinor, currencyExponent(e.currency)), card: input.card as TPaymentSource,
      description: `Mobile charge by ${offer.companyName}`,
    });
  } catch (err) {
    // No payment, no request: the provider never sees it. The row stays,
    // cancelled, beside the failed payment it explains.
    await db.mobileRequest.update({
      where: { id: request.id },
      data: { status: "CANCELLED", cancelledAt: new Date(), cancelledById: driver.id, cancelReason: `Payment failed: ${(err as Error).message}` },
    });
    throw err;
  }
  const provider = await db.mobileService.findUniqueOrThrow({ where: { id: input.serviceId }, select: { providerId: true } });
  await notify(db, {
    userId: provider.providerId, type: "MOBILE", dedupeKey: `mobile:${request.id}:new`,
    title: { en: "New charging request", ru: "Новая заявка на зарядку" },
    message: { en: `${input.urgency} · ${input.address ?? `${input.lat.toFixed(4)}, ${input.lng.toFixed(4)}`}`, ru: `${input.urgency} · ${input.address ?? `${input.lat.toFixed(4)}, ${input.lng.toFixed(4)}`}` },
    data: { requestId: request.id },
  });
  return request;
}

const asDriver = (id: string, driverId: string): Prisma.MobileRequestWhereInput => ({ id, userId: driverId });
const asProvider = (id: string, providerId: string): Prisma.MobileRequestWhereInput => ({ id, service: { providerId } });

async function advance(db: Db, provider: Actor, id: string, from: MobileRequestStatus, data: Prisma.MobileRequestUpdateManyMutationInput, opts: { publish?: boolean } = {}) {
  const to = NEXT_STATUS[from]!;
  // Conditional update: two clicks, or a driver cancelling meanwhile, cannot both win.
  const r = await db.mobileRequest.updateMany({ where: { ...asProvider(id, provider.id), status: from }, data: { ...data, status: to } });
  if (r.count === 0) {
    const exists = await db.mobileRequest.findFirst({ where: asProvider(id, provider.id), select: { status: true } });
    if (!exists) throw notFoundError("This request");
    throw new AppError("CONFLICT", `This request is ${exists.status.toLowerCase().replace("_", " ")}, so it cannot move to ${to.toLowerCase().replace("_", " ")}.`);
  }
  const updated = await db.mobileRequest.findUniqueOrThrow({ where: { id } });
  if (opts.publish !== false) await publishState(db, updated);
  const words: Record<string, { en: string; ru: string }> = {
    CONFIRMED: { en: "Your mobile charge is confirmed", ru: "Мобильная зарядка подтверждена" },
    EN_ROUTE: { en: "The van is on its way", ru: "Машина выехала к вам" },
    CHARGING: { en: "Charging has started", ru: "Зарядка началась" },
    COMPLETED: { en: "Mobile charge completed", ru: "Мобильная зарядка завершена" },
  };
  if (words[to]) {
    await notify(db, { userId: updated.userId, type: "MOBILE", dedupeKey: `mobile:${id}:${to}`, title: words[to], message: words[to], data: { requestId: id } });
  }
  return updated;
}

export const acceptRequest = (db: Db, provider: Actor, id: string) => advance(db, provider, id, "PENDING", { confirmedAt: new Date() });

export async function startTrip(db: Db, provider: Actor, id: string, from?: { lat: number; lng: number }) {
  const r = await advance(db, provider, id, "CONFIRMED", {});
  return from ? updateProviderLocation(db, provider, id, from) : r;
}

export const startCharging = (db: Db, provider: Actor, id: string) => advance(db, provider, id, "EN_ROUTE", { startedAt: new Date() });

/** The van's position while on the way: kept as a track, ETA recomputed, the driver's page updated live. */
export async function updateProviderLocation(db: Db, provider: Actor, id: string, p: { lat: number; lng: number; accuracy?: number }) {
  const z = z_latlng.safeParse(p);
  if (!z.success) throw new AppError("INVALID_INPUT", "That is not a valid position.");
  const r = await db.mobileRequest.findFirst({ where: asProvider(id, provider.id) });
  if (!r) throw notFoundError("This request");
  if (r.status !== "EN_ROUTE" && r.status !== "CONFIRMED") throw new AppError("CONFLICT", "Positions are only shared while on the way.");
  const eta = etaMinutes(p, r);
  const [updated] = await db.$transaction([
    db.mobileRequest.update({ where: { id }, data: { providerLat: p.lat, providerLng: p.lng, etaMinutes: eta, trackingUpdatedAt: new Date() } }),
    db.mobileRequestLocation.create({ data: { requestId: id, lat: p.lat, lng: p.lng, accuracy: p.accuracy } }),
  ]);
  await publishState(db, updated);
  return updated;
}
const z_latlng = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), accuracy: z.number().nonnegative().optional() });

export const ZComplete = z.object({
  energyKwh: z.coerce.number().min(0, "Energy cannot be negative.").max(500),
  durationMinutes: z.coerce.number().int().min(0).max(1440).optional(),
});

/** Records what was delivered, prices it, captures the payment (never more than was held). */
export async function completeRequest(db: Db, provider: Actor, id: string, input: z.infer<typeof ZComplete>) {
  const r = await db.mobileRequest.findFirst({ where: asProvider(id, provider.id), include: { service: true, payments: true } });
  if (!r) throw notFoundError("This request");
  const energyWh = Math.round(input.energyKwh * 1000);
  const price = finalMobilePrice(r.service, r.distanceKm, { energyWh, durationMinutes: input.durationMinutes });
  // Published once the money is captured, so the driver's page shows the charged amount with the new status.
  const updated = await advance(db, provider, id, "CHARGING", { completedAt: new Date(), finalEnergyWh: energyWh, finalPriceMinor: price }, { publish: false });
  const payment = r.payments.find((p) => p.status === "AUTHORIZED");
  let charged = 0;
  if (payment) charged = (await capture(db, payment.id, Math.min(price, payment.authorizedMinor))).capturedMinor;
  await db.mobileService.update({
    where: { id: r.serviceId },
    data: { totalServices: { increment: 1 }, totalEarningsMinor: { increment: charged } },
  });
  await publishState(db, updated);
  return { ...updated, chargedMinor: charged };
}

export const ZCancel = z.object({ reason: z.string().trim().min(3, "Say why you cancel.").max(500) });

export async function cancelRequest(db: Db, actor: Actor, id: string, reason: string, now = new Date()) {
  const r = await db.mobileRequest.findFirst({
    where: { id, OR: [{ userId: actor.id }, { service: { providerId: actor.id } }] },
    include: { payments: true },
  });
  if (!r) throw notFoundError("This request");
  const byDriver = r.userId === actor.id;
  const rule = byDriver ? driverCancellationFee(r, now) : { allowed: r.status !== "COMPLETED" && r.status !== "CANCELLED", feeMinor: 0 };
  if (!rule.allowed) throw new AppError("CONFLICT", r.status === "CHARGING" ? "Charging is under way: it can only be completed." : "This request can no longer be cancelled.");
  const done = await db.mobileRequest.updateMany({
    where: { id, status: r.status },
    data: { status: "CANCELLED", cancelledAt: now, cancelledById: actor.id, cancelReason: reason, refundStatus: rule.feeMinor ? `Cancellation fee ${rule.feeMinor}` : "Released in full" },
  });
  if (!done.count) throw new AppError("CONFLICT", "The request changed meanwhile; reload and try again.");
  const payment = r.payments.find((p) => p.status === "AUTHORIZED");
  if (payment) {
    if (rule.feeMinor > 0) await capture(db, payment.id, Math.min(rule.feeMinor, payment.authorizedMinor));
    else await release(db, payment.id, "Mobile request cancelled");
  }
  const updated = await db.mobileRequest.findUniqueOrThrow({ where: { id } });
  await publishState(db, updated);
  const other = byDriver ? (await db.mobileService.findUniqueOrThrow({ where: { id: r.serviceId } })).providerId : r.userId;
  await notify(db, {
    userId: other, type: "MOBILE", dedupeKey: `mobile:${id}:cancelled`,
    title: { en: "Mobile charge cancelled", ru: "Мобильная зарядка отменена" }, message: { en: reason, ru: reason }, data: { requestId: id },
  });
  return { ...updated, feeMinor: rule.feeMinor };
}

export const ZRate = z.object({
  rating: z.coerce.number().int().min(1, "Rate from 1 to 5 stars.").max(5, "Rate from 1 to 5 stars."),
  comment: z.string().trim().max(1000).optional(),
});

/** The driver rates a completed request once; the service's average and count follow. */
export async function rateRequest(db: Db, driver: Actor, id: string, input: z.infer<typeof ZRate>) {
  return db.$transaction(async (tx) => {
    const r = await tx.mobileRequest.updateMany({
      where: { ...asDriver(id, driver.id), status: "COMPLETED", rating: null },
      data: { rating: input.rating, ratingComment: input.comment, ratedAt: new Date() },
    });
    if (!r.count) {
      const exists = await tx.mobileRequest.findFirst({ where: asDriver(id, driver.id), select: { status: true, rating: true } });
      if (!exists) throw notFoundError("This request");
      throw new AppError("CONFLICT", exists.rating ? "You have already rated this charge." : "You can rate once the charge is completed.");
    }
    const req = await tx.mobileRequest.findUniqueOrThrow({ where: { id }, select: { serviceId: true } });
    // Lock the service row so concurrent ratings cannot lose an update.
    await tx.$executeRaw`SELECT 1 FROM mobile_services WHERE id = ${req.serviceId}::uuid FOR UPDATE`;
    const agg = await tx.mobileRequest.aggregate({ where: { serviceId: req.serviceId, rating: { not: null } }, _avg: { rating: true }, _count: { rating: true } });
    return tx.mobileService.update({
      where: { id: req.serviceId },
      data: { ratingAvg: Math.round((agg._avg.rating ?? 0) * 100) / 100, ratingCount: agg._count.rating },
      select: { ratingAvg: true, ratingCount: true },
    });
  });
}

export function getRequestForDriver(db: Db, driverId: string, id: string) {
  return db.mobileRequest.findFirst({ where: asDriver(id, driverId), include: { service: { select: { companyName: true, serviceName: true, contactInfo: true, vehicleInfo: true, currency: true } }, payments: true } });
}

export function getRequestForProvider(db: Db, providerId: string, id: string) {
  return db.mobileRequest.findFirst({ where: asProvider(id, providerId), include: { service: { select: { companyName: true, serviceName: true, currency: true } }, user: { select: { name: true } }, payments: true } });
}

export function estimateFor(service: Parameters<typeof estimateMobileCharge>[0] & { centerLat: number; centerLng: number }, at: { lat: number; lng: number }, wanted: { energyWh?: number; durationMinutes?: number }) {
  return estimateMobileCharge(service, distanceKm(at, { lat: service.centerLat, lng: service.centerLng }), wanted);
}
