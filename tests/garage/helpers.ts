// Garage fixtures on a real database: a garage with its admin, chargers and
// spots; renters and sessions as a charger would have left them.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Db } from "../../lib/db/client.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import type { TGarageUser } from "../../lib/garage/context.ts";

export const CHARGER_PASSWORD = "garage-charger-pass";
const chargerHash = bcrypt.hashSync(CHARGER_PASSWORD, 4);

export async function makeUser(db: Db, role: "GARAGE_ADMIN" | "ADMIN" | "DRIVER" = "GARAGE_ADMIN"): Promise<TGarageUser & { email: string }> {
  const tag = randomUUID().slice(0, 8);
  const u = await db.user.create({ data: { email: `${role.toLowerCase()}-${tag}@test.local`, name: `User ${tag}`, role, passwordHash: "x", referralCode: `R${tag}` } });
  return { id: u.id, role: u.role, email: u.email };
}

export async function makeGarage(db: Db, name: string, chargers = 2, price = 30) {
  const admin = await makeUser(db);
  const site = await db.site.create({
    data: { name, kind: "GARAGE", timeZone: "Europe/Berlin", energyPricePerKwhMinor: price, currency: "EUR", admins: { create: { userId: admin.id } } },
  });
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const stations = [];
  for (let i = 1; i <= chargers; i++) {
    stations.push(
      await db.station.create({
        data: {
          name: `${name} ${i}`, siteId: site.id, lat: 52.5, lng: 13.4, ocppIdentity: `${tag}-${i}`, ocppPasswordHash: chargerHash, publish: false,
          connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 11 } },
        },
      }),
    );
  }
  return { admin, site, stations };
}

export async function makeRenter(db: Db, siteId: string, name = "Rita Renter") {
  return db.renter.create({ data: { siteId, name, contactEmail: `${randomUUID().slice(0, 6)}@example.com` } });
}

/** A finished session as the OCPP server records it. */
export async function makeSession(
  db: Db,
  o: { stationId: string; renterId?: string; tokenId?: string; idTag?: string; spotId?: string; startedAt: Date; minutes?: number; meterStart?: number; energyWh: number; status?: "COMPLETED" | "ACTIVE" },
) {
  const start = o.meterStart ?? 1000;
  const active = o.status === "ACTIVE";
  return db.chargingSession.create({
    data: {
      stationId: o.stationId, connectorNumber: 1, renterId: o.renterId, tokenId: o.tokenId, idTag: o.idTag, parkingSpotId: o.spotId,
      status: o.status ?? "COMPLETED", startedAt: o.startedAt, endedAt: active ? null : new Date(o.startedAt.getTime() + (o.minutes ?? 60) * 60_000),
      meterStartWh: BigInt(start), meterStopWh: active ? null : BigInt(start + o.energyWh), energyWh: o.energyWh, authStatus: "ACCEPTED",
    },
  });
}

/** Runs fn and returns the AppError code it threw (fails if it did not throw one). */
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

/** Row counts and contents that must not change when a change is refused. */
export async function snapshot(db: Db) {
  const [renters, spots, cards, audit] = await Promise.all([
    db.renter.findMany({ orderBy: { id: "asc" } }),
    db.parkingSpot.findMany({ orderBy: { id: "asc" } }),
    db.authToken.findMany({ orderBy: { id: "asc" } }),
    db.auditLog.count(),
  ]);
  return JSON.stringify({ renters, spots, cards, audit }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}
