// Stations in the integrator API: our own OCPP chargers (rows with an OCPP
// identity). Secrets (the OCPP password hash) never leave this module.
import { z } from "zod";
import type { Db, Prisma } from "../db/client.ts";
import { hashPassword } from "../auth/password.ts";
import { isUniqueViolation } from "../errors/app-error.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { ApiError, notFound, parseOr400 } from "./errors.ts";
import { afterCreatedAt, pageOf, ZPage } from "./pagination.ts";

const CONNECTOR_TYPES = ["TYPE1", "TYPE2", "CCS", "CHADEMO", "GBT", "TESLA", "SCHUKO", "OTHER"] as const;
const POWER_TYPES = ["AC_1_PHASE", "AC_3_PHASE", "DC"] as const;
const STATION_STATUSES = ["PENDING_APPROVAL", "ACTIVE", "INACTIVE", "MAINTENANCE", "SUSPENDED", "REMOVED"] as const;
const REGISTRATION = ["ACCEPTED", "PENDING", "REJECTED"] as const;
const AVAILABILITY = ["AVAILABLE", "BUSY", "OUT_OF_ORDER", "OFFLINE", "UNKNOWN"] as const;

export const stationSelect = {
  id: true, name: true, ocppIdentity: true, status: true, availability: true, registrationStatus: true, publish: true,
  isOnline: true, connectedAt: true, lastHeartbeatAt: true, lastBootAt: true, chargerStatus: true, chargerErrorCode: true,
  firmwareStatus: true, diagnosticsStatus: true, vendor: true, model: true, firmwareVersion: true, serialNumber: true,
  chargeBoxSerial: true, meterType: true, meterSerialNumber: true, address: true, city: true, postalCode: true, country: true,
  lat: true, lng: true, timeZone: true, siteId: true, ownerId: true, maxPowerKw: true, plugTypes: true, localListVersion: true,
  ocppPasswordHash: true, createdAt: true, updatedAt: true,
} as const satisfies Prisma.StationSelect;

type TStationRow = Prisma.StationGetPayload<{ select: typeof stationSelect }>;

export function stationDto(row: TStationRow) {
  const { ocppPasswordHash, ...rest } = row;
  return { ...rest, hasOcppPassword: !!ocppPasswordHash };
}

// OCPP 1.6 puts the identity in the URL path: keep it to URL-safe characters.
const ZIdentity = z.string().trim().min(1).max(48).regex(/^[A-Za-z0-9._:\-]+$/, "Use letters, digits, '.', '_', ':' or '-'");
const ZPassword = z.string().min(8, "At least 8 characters").max(40, "At most 40 characters (OCPP 1.6 security profile 1)");

const ZConnectorInput = z.object({
  connectorId: z.number().int().min(1).max(99),
  type: z.enum(CONNECTOR_TYPES),
  powerType: z.enum(POWER_TYPES).default("AC_3_PHASE"),
  maxPowerKw: z.number().positive().max(1000),
});

const place = {
  name: z.string().trim().min(1).max(120),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  address: z.string().trim().max(300).nullish(),
  city: z.string().trim().max(120).nullish(),
  postalCode: z.string().trim().max(20).nullish(),
  country: z.string().trim().length(2, "ISO 3166-1 alpha-2 code").toUpperCase().nullish(),
  timeZone: z.string().refine((tz) => { try { new Intl.DateTimeFormat("en", { timeZone: tz }); return true; } catch { return false; } }, "Unknown IANA time zone"),
  siteId: z.string().uuid().nullish(),
  ownerId: z.string().uuid().nullish(),
  publish: z.boolean(),
};

export const ZCreateStation = z.object({
  ocppIdentity: ZIdentity,
  ...place,
  timeZone: place.timeZone.default("UTC"),
  publish: z.boolean().default(true),
  registrationStatus: z.enum(REGISTRATION).default("ACCEPTED"),
  password: ZPassword.optional(),
  connectors: z.array(ZConnectorInput).max(50).default([]).refine((cs) => new Set(cs.map((c) => c.connectorId)).size === cs.length, "connectorId values must be unique"),
}).strict();

export const ZUpdateStation = z.object({
  ...place,
  status: z.enum(STATION_STATUSES),
  registrationStatus: z.enum(REGISTRATION),
}).partial().strict().refine((v) => Object.keys(v).length > 0, "Send at least one field to change");

export const ZStationFilters = ZPage.extend({
  ocppIdentity: z.string().max(48).optional(),
  status: z.enum(STATION_STATUSES).optional(),
  availability: z.enum(AVAILABILITY).optional(),
  registrationStatus: z.enum(REGISTRATION).optional(),
  isOnline: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  siteId: z.string().uuid().optional(),
}).strict();

const speedOf = (kw: number) => (kw >= 150 ? "SUPERFAST" : kw >= 43 ? "FAST" : "SLOW") as "SLOW" | "FAST" | "SUPERFAST";

const ocppOnly = { ocppIdentity: { not: null } } satisfies Prisma.StationWhereInput;

export async function listStations(db: Db, query: unknown) {
  const f = parseOr400(ZStationFilters, query, "Invalid filters");
  const rows = await db.station.findMany({
    where: {
      AND: [
        ocppOnly,
        f.ocppIdentity ? { ocppIdentity: f.ocppIdentity } : {},
        f.status ? { status: f.status } : {},
        f.availability ? { availability: f.availability } : {},
        f.registrationStatus ? { registrationStatus: f.registrationStatus } : {},
        f.isOnline !== undefined ? { isOnline: f.isOnline } : {},
        f.siteId ? { siteId: f.siteId } : {},
        afterCreatedAt(f.cursor),
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: f.limit + 1,
    select: stationSelect,
  });
  const page = pageOf(rows, f.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: page.data.map(stationDto), nextCursor: page.nextCursor };
}

const ZId = z.string().uuid();

/** The station row (OCPP chargers only) or a 404. */
export async function getStationRow(db: Db, id: string) {
  const row = ZId.safeParse(id).success ? await db.station.findFirst({ where: { id, ...ocppOnly }, select: stationSelect }) : null;
  if (!row) throw notFound("Station", id);
  return row;
}

export async function getStation(db: Db, id: string) {
  return { data: stationDto(await getStationRow(db, id)) };
}

export async function createStation(db: Db, body: unknown, actorId?: string) {
  const input = parseOr400(ZCreateStation, body);
  const ocppPasswordHash = input.password ? await hashPassword(input.password) : null;
  const kws = input.connectors.map((c) => c.maxPowerKw);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.station.create({
        data: {
          ocppIdentity: input.ocppIdentity, name: input.name, lat: input.lat, lng: input.lng, address: input.address, city: input.city,
          postalCode: input.postalCode, country: input.country, timeZone: input.timeZone, siteId: input.siteId, ownerId: input.ownerId,
          publish: input.publish, registrationStatus: input.registrationStatus, ocppPasswordHash, availability: "OFFLINE",
          status: input.registrationStatus === "ACCEPTED" ? "ACTIVE" : "PENDING_APPROVAL",
          plugTypes: [...new Set(input.connectors.map((c) => c.type))],
          chargingTypes: [...new Set(kws.map(speedOf))],
          maxPowerKw: kws.length ? Math.max(...kws) : 0,
          connectors: { create: input.connectors.map((c) => ({ connectorId: c.connectorId, type: c.type, powerType: c.powerType, maxPowerKw: c.maxPowerKw })) },
        },
        select: stationSelect,
      });
      await recordAudit(tx, { actor: null, action: "api.station.create", entityType: "Station", entityId: created.id, after: { ...stationDto(created), viaApiKeyOf: actorId } });
      return created;
    });
    return { data: stationDto(row) };
  } catch (err) {
    throw conflictOrRethrow(err);
  }
}

export async function updateStation(db: Db, id: string, body: unknown, actorId?: string) {
  const before = await getStationRow(db, id);
  const input = parseOr400(ZUpdateStation, body);
  try {
    const row = await db.$transaction(async (tx) => {
      const updated = await tx.station.update({ where: { id: before.id }, data: input, select: stationSelect });
      await recordAudit(tx, { actor: null, action: "api.station.update", entityType: "Station", entityId: id, before: stationDto(before), after: { ...input, viaApiKeyOf: actorId } });
      return updated;
    });
    return { data: stationDto(row) };
  } catch (err) {
    throw conflictOrRethrow(err);
  }
}

export const ZSetOcppPassword = z.object({ password: ZPassword }).strict();

/** Sets (or replaces) the charger's Basic-auth password; the charger must use it from its next connection. */
export async function setOcppPassword(db: Db, id: string, body: unknown, actorId?: string) {
  const station = await getStationRow(db, id);
  const { password } = parseOr400(ZSetOcppPassword, body);
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.station.update({ where: { id: station.id }, data: { ocppPasswordHash: hash } });
    await recordAudit(tx, { actor: null, action: "api.station.set_ocpp_password", entityType: "Station", entityId: id, after: { viaApiKeyOf: actorId } });
  });
  return { data: { stationId: station.id, hasOcppPassword: true } };
}

function conflictOrRethrow(err: unknown): unknown {
  if (isUniqueViolation(err, "ocpp_identity") || isUniqueViolation(err, "ocppIdentity")) {
    return new ApiError(409, "A station with this ocppIdentity already exists", { ocppIdentity: ["Already in use"] });
  }
  if (isUniqueViolation(err, "name")) return new ApiError(409, "This owner already has a station with this name", { name: ["Already in use"] });
  if ((err as { code?: string })?.code === "P2003") return new ApiError(400, "siteId or ownerId names nothing we know", { siteId: ["Check siteId and ownerId"] });
  return err;
}
