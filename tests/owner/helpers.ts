// Owner fixtures on a real database: owners, stations listed through the
// owner's own createStation, and sessions, payments and refunds as the OCPP
// server and the payment code leave them.
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import type { TOwnerUser } from "../../lib/owner/context.ts";
import { ZStationFields, type TStationFields } from "../../lib/owner/schemas.ts";
import { createStation } from "../../lib/owner/stations.ts";

export const META = { ip: "127.0.0.1", userAgent: "owner-test" };

export async function makeUser(db: Db, role: "OWNER" | "DRIVER" | "ADMIN" = "OWNER"): Promise<TOwnerUser & { email: string; name: string }> {
  const tag = randomUUID().slice(0, 8);
  const u = await db.user.create({ data: { email: `${role.toLowerCase()}-${tag}@test.local`, name: `User ${tag}`, role, passwordHash: "x", referralCode: `R${tag}` } });
  return { id: u.id, role: u.role, email: u.email, name: u.name };
}

export function stationInput(over: Record<string, unknown> = {}): TStationFields {
  return ZStationFields.parse({
    name: `Station ${randomUUID().slice(0, 6)}`, address: "Alexanderplatz 1", city: "Berlin", country: "DEU", lat: "52.5219", lng: "13.4132",
    timeZone: "Europe/Berlin", is24x7: true, connectors: [{ type: "CCS", powerType: "DC", maxPowerKw: "150" }, { type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: "22" }],
    tariff: { mode: "simple", currency: "EUR", pricePerKwh: "0.39", pricePerHour: "" },
    ...over,
  });
}

export async function makeStation(db: Db, owner: TOwnerUser, over: Record<string, unknown> = {}) {
  const s = await createStation(db, owner, stationInput(over), META);
  return db.station.findUniqueOrThrow({ where: { id: s!.id }, include: { connectors: true } });
}

/** A charged session, and (unless paid is null) its captured payment. */
export async function makeSession(
  db: Db,
  o: { stationId: string; driverId: string; startedAt: Date; minutes?: number; energyWh: number; connector?: number; status?: "COMPLETED" | "FAILED" | "ACTIVE"; paid?: number | null; fee?: number; currency?: string },
) {
  const active = o.status === "ACTIVE";
  const session = await db.chargingSession.create({
    data: {
      stationId: o.stationId, connectorNumber: o.connector ?? 1, userId: o.driverId, status: o.status ?? "COMPLETED", startedAt: o.startedAt,
      endedAt: active ? null : new Date(o.startedAt.getTime() + (o.minutes ?? 60) * 60_000),
      meterStartWh: 1000n, meterStopWh: active ? null : BigInt(1000 + o.energyWh), energyWh: o.energyWh, costMinor: o.paid ?? null, currency: o.currency ?? "EUR",
    },
  });
  const payment = o.paid == null ? null : await db.payment.create({
    data: {
      userId: o.driverId, purpose: "SESSION", provider: "DEMO", status: "CAPTURED", currency: o.currency ?? "EUR", authorizedMinor: o.paid, capturedMinor: o.paid,
      platformFeeMinor: o.fee ?? 0, sessionId: session.id, processedAt: session.endedAt ?? o.startedAt,
    },
  });
  return { session, payment };
}

export async function makeRefund(db: Db, paymentId: string, amountMinor: number, processedAt: Date) {
  await db.payment.update({ where: { id: paymentId }, data: { refundedMinor: { increment: amountMinor }, status: "PARTIALLY_REFUNDED" } });
  return db.refund.create({ data: { paymentId, amountMinor, reason: "test", status: "PROCESSED", processedAt } });
}

export async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error("expected an AppError, but the call succeeded");
}

export async function errorOf(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError, but the call succeeded");
}
