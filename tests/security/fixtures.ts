// Rows for the security tests, written directly (as the OCPP server, the
// payment code and the consoles leave them), so each test can set up two
// parties and check that one never reaches the other's data.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Db } from "../../lib/db/client.ts";
import type { UserRole } from "../../lib/db/generated/enums.ts";
import { AppError } from "../../lib/errors/app-error.ts";

export type TUser = { id: string; role: UserRole; email: string; name: string };

const tag = () => randomUUID().slice(0, 8);

/** A user with a real bcrypt hash, so a leak of it would be recognisable. */
export async function makeUser(db: Db, role: UserRole): Promise<TUser> {
  const t = tag();
  const u = await db.user.create({
    data: { email: `${role.toLowerCase()}-${t}@sec.test`, name: `Sec ${role} ${t}`, role, passwordHash: bcrypt.hashSync("secret-pass", 4), referralCode: `S${t}` },
  });
  return { id: u.id, role: u.role, email: u.email, name: u.name };
}

/** A published, active owner station with one connector and a charger password. */
export async function publicStation(db: Db, ownerId: string | null = null) {
  return db.station.create({
    data: {
      name: `Public ${tag()}`, ownerId, status: "ACTIVE", publish: true, lat: 52.52, lng: 13.4, currency: "EUR", pricePerKwhMinor: 39,
      ocppIdentity: `PUB-${tag()}`, ocppPasswordHash: bcrypt.hashSync("charger-pass-1", 4), isOnline: true,
      connectors: { create: { connectorId: 1, type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 22, status: "AVAILABLE" } },
    },
    include: { connectors: true },
  });
}

/** A garage with its admin, a renter and one private (unpublished) charger. */
export async function garage(db: Db, adminId: string) {
  const site = await db.site.create({ data: { name: `Garage ${tag()}`, energyPricePerKwhMinor: 30, admins: { create: { userId: adminId } } } });
  const renter = await db.renter.create({ data: { siteId: site.id, name: `Renter ${tag()}`, contactEmail: `r-${tag()}@sec.test` } });
  const station = await db.station.create({
    data: {
      name: `Garage spot ${tag()}`, siteId: site.id, status: "ACTIVE", publish: false, lat: 52.5, lng: 13.38, currency: "EUR", pricePerKwhMinor: 30,
      ocppIdentity: `GAR-${tag()}`, ocppPasswordHash: bcrypt.hashSync("charger-pass-2", 4), isOnline: true,
      connectors: { create: { connectorId: 1, type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 11, status: "AVAILABLE" } },
    },
    include: { connectors: true },
  });
  return { site, renter, station };
}

export async function session(db: Db, o: { stationId: string; userId: string | null; status?: "ACTIVE" | "COMPLETED" | "PENDING"; renterId?: string; energyWh?: number }) {
  const status = o.status ?? "COMPLETED";
  const startedAt = new Date(Date.now() - 2 * 3600_000);
  return db.chargingSession.create({
    data: {
      stationId: o.stationId, connectorNumber: 1, userId: o.userId, renterId: o.renterId, status, currency: "EUR",
      idTag: `APP${tag()}`,
      startedAt: status === "PENDING" ? null : startedAt, endedAt: status === "COMPLETED" ? new Date(startedAt.getTime() + 3600_000) : null,
      meterStartWh: 1000n, meterStopWh: status === "COMPLETED" ? BigInt(1000 + (o.energyWh ?? 7000)) : null,
      energyWh: status === "COMPLETED" ? (o.energyWh ?? 7000) : null, costMinor: status === "COMPLETED" ? 273 : null,
    },
  });
}

/** A mobile service of the provider and one request of the driver for it. */
export async function mobileRequest(db: Db, providerId: string, driverId: string) {
  const service = await db.mobileService.create({
    data: {
      providerId, companyName: `Van ${tag()}`, serviceName: "Fast van", centerLat: 52.5, centerLng: 13.4, radiusKm: 20, pricePerHourMinor: 1000,
      pricePerKwhMinor: 50, maxDistanceKm: 30, responseTimeMinutes: 30, status: "ACTIVE",
    },
  });
  const upload = await db.mediaUpload.create({
    data: { uploadedById: providerId, fileType: "PROVIDER_DOCUMENT", mimeType: "application/pdf", originalName: "licence.pdf", fileSize: 9, data: Buffer.from("%PDF-1.4\n") },
  });
  const document = await db.providerDocument.create({ data: { serviceId: service.id, kind: "BUSINESS_LICENSE", mediaUploadId: upload.id } });
  const request = await db.mobileRequest.create({
    data: {
      userId: driverId, serviceId: service.id, lat: 52.51, lng: 13.41, plugType: "TYPE2", distanceKm: 2, currency: "EUR",
      basePriceMinor: 1000, travelFeeMinor: 100, totalMinor: 1100, contactPhone: "+49 30 1234567", status: "PENDING",
    },
  });
  return { service, document, request };
}

/** The error code a call ends with ("OK" if it succeeds). */
export async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "OK";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

/** JSON of anything Prisma returns (BigInt and Buffer included), to search for secrets in. */
export function text(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
}

/** What a bcrypt hash looks like anywhere in a text. */
export const BCRYPT = /\$2[aby]\$\d\d\$/;
