// Owners list and edit their stations. Every query names the owner, so another
// owner's station is "not found"; every change is audited in the same transaction.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, isUniqueViolation, notFoundError } from "../errors/app-error.ts";
import { actorOf, ownedBy, type TOwnerUser, type TRequestMeta } from "./context.ts";
import { offerOf } from "./connectors.ts";
import type { TStationFields } from "./schemas.ts";
import { pricingFrom, tariffRow } from "./tariff.ts";

type Tx = Prisma.TransactionClient;

/** New listings go live at once unless the platform asks admins to approve them first. */
export async function initialStatus(db: Db | Tx): Promise<"ACTIVE" | "PENDING_APPROVAL"> {
  const row = await db.appConfig.findUnique({ where: { key: "owner_station_approval" }, select: { value: true, isActive: true } });
  return row?.isActive && row.value.trim().toLowerCase() === "true" ? "PENDING_APPROVAL" : "ACTIVE";
}

async function amenityIds(db: Db | Tx, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (!unique.length) return [];
  const rows = await db.amenity.findMany({ where: { code: { in: unique }, isActive: true }, select: { id: true } });
  if (rows.length !== unique.length) throw new AppError("INVALID_INPUT", "owner.err.invalid", { amenities: ["owner.err.amenity"] });
  return rows.map((r) => r.id);
}

function columns(f: TStationFields) {
  const offer = offerOf(f.connectors);
  return {
    name: f.name, description: f.description ?? null, address: f.address, city: f.city ?? null, postalCode: f.postalCode ?? null,
    country: f.country ?? null, lat: f.lat, lng: f.lng, timeZone: f.timeZone, is24x7: f.is24x7,
    workingHours: (f.workingHours ?? undefined) as Prisma.InputJsonValue | undefined,
    contactInfo: { phone: f.phone ?? null, email: f.email ?? null, website: f.website ?? null },
    ...offer,
  };
}

function nameTaken(err: unknown): never {
  if (isUniqueViolation(err, "name")) throw new AppError("CONFLICT", "owner.err.nameTaken", { name: ["owner.err.nameTaken"] });
  throw err;
}

export async function createStation(db: Db, user: TOwnerUser, f: TStationFields, meta: TRequestMeta) {
  const pricing = pricingFrom(f.tariff);
  try {
    return await db.$transaction(async (tx) => {
      const amenities = await amenityIds(tx, f.amenities);
      const tariff = await tx.tariff.create({ data: { name: `${f.name} tariff`, ownerId: user.id, ...tariffRow(pricing.tariff) } });
      const { workingHours, ...cols } = columns(f);
      const station = await tx.station.create({
        data: {
          ...cols, ...(workingHours ? { workingHours } : {}), ownerId: user.id, status: await initialStatus(tx), publish: true,
          tariffId: tariff.id, currency: pricing.tariff.currency, pricePerKwhMinor: pricing.pricePerKwhMinor, pricePerHourMinor: pricing.pricePerHourMinor,
          connectors: { create: f.connectors.map((c, i) => ({ connectorId: i + 1, type: c.type, powerType: c.powerType, maxPowerKw: c.maxPowerKw })) },
          amenities: { create: amenities.map((amenityId) => ({ amenityId })) },
        },
        select: { id: true, name: true, status: true },
      });
      await recordAudit(tx, { actor: actorOf(user), action: "STATION_CREATED", entityType: "Station", entityId: station.id, after: { ...f, status: station.status }, ...meta });
      return station;
    });
  } catch (err) {
    nameTaken(err);
  }
}

export async function updateStation(db: Db, user: TOwnerUser, stationId: string, f: TStationFields, meta: TRequestMeta) {
  const pricing = pricingFrom(f.tariff);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.station.findFirst({
        where: { id: stationId, ...ownedBy(user) },
        include: { connectors: { orderBy: { connectorId: "asc" } }, amenities: { select: { amenity: { select: { code: true } } } }, tariff: true },
      });
      if (!before) throw notFoundError("This station");
      const amenities = await amenityIds(tx, f.amenities);
      const row = tariffRow(pricing.tariff);
      const tariffId = before.tariff && before.tariff.ownerId === user.id
        ? (await tx.tariff.update({ where: { id: before.tariff.id }, data: { ...row, name: `${f.name} tariff` } })).id
        : (await tx.tariff.create({ data: { name: `${f.name} tariff`, ownerId: user.id, ...row } })).id;
      const { workingHours, ...cols } = columns(f);
      await tx.station.update({
        where: { id: before.id },
        data: {
          ...cols, workingHours: workingHours ?? (null as unknown as Prisma.InputJsonValue), tariffId, currency: pricing.tariff.currency,
          pricePerKwhMinor: pricing.pricePerKwhMinor, pricePerHourMinor: pricing.pricePerHourMinor,
        },
      });
      // Connectors keep their OCPP numbers; ones no longer listed are marked removed,
      // not deleted, because past sessions and bookings point at them.
      for (const [i, c] of f.connectors.entries()) {
        await tx.connector.upsert({
          where: { stationId_connectorId: { stationId: before.id, connectorId: i + 1 } },
          create: { stationId: before.id, connectorId: i + 1, type: c.type, powerType: c.powerType, maxPowerKw: c.maxPowerKw },
          update: { type: c.type, powerType: c.powerType, maxPowerKw: c.maxPowerKw, removed: false },
        });
      }
      await tx.connector.updateMany({ where: { stationId: before.id, connectorId: { gt: f.connectors.length } }, data: { removed: true } });
      await tx.stationAmenity.deleteMany({ where: { stationId: before.id } });
      if (amenities.length) await tx.stationAmenity.createMany({ data: amenities.map((amenityId) => ({ stationId: before.id, amenityId })) });
      await recordAudit(tx, {
        actor: actorOf(user), action: "STATION_UPDATED", entityType: "Station", entityId: before.id,
        before: {
          name: before.name, address: before.address, lat: before.lat, lng: before.lng, timeZone: before.timeZone, is24x7: before.is24x7,
          workingHours: before.workingHours, contactInfo: before.contactInfo, amenities: before.amenities.map((a) => a.amenity.code),
          connectors: before.connectors.filter((c) => !c.removed).map((c) => ({ type: c.type, powerType: c.powerType, maxPowerKw: c.maxPowerKw })),
          tariff: before.tariff?.elements, currency: before.currency,
        },
        after: f, ...meta,
      });
      return { id: before.id };
    });
  } catch (err) {
    nameTaken(err);
  }
}

const OWNER_SETTABLE_FROM = ["ACTIVE", "INACTIVE", "MAINTENANCE"] as const;

/** Active or inactive. A suspended (or not yet approved) station stays as the admins left it. */
export async function setStationStatus(db: Db, user: TOwnerUser, input: { stationId: string; status: "ACTIVE" | "INACTIVE" }, meta: TRequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.station.findFirst({ where: { id: input.stationId, ...ownedBy(user) }, select: { id: true, status: true } });
    if (!before) throw notFoundError("This station");
    if (!(OWNER_SETTABLE_FROM as readonly string[]).includes(before.status)) {
      throw new AppError("PRECONDITION", before.status === "SUSPENDED" ? "owner.err.suspended" : "owner.err.pendingApproval");
    }
    // Conditional on the status just read, so an admin's suspension in between wins.
    const changed = await tx.station.updateMany({ where: { id: before.id, status: before.status }, data: { status: input.status } });
    if (changed.count !== 1) throw new AppError("CONFLICT", "owner.err.changedMeanwhile");
    await recordAudit(tx, { actor: actorOf(user), action: "STATION_STATUS_CHANGED", entityType: "Station", entityId: before.id, before: { status: before.status }, after: { status: input.status }, ...meta });
    return { status: input.status };
  });
}
