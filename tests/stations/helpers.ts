// Test data for the driver-facing integration tests (favourites, reviews, settings, stations).
import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";

export async function makeDriver(db: Db) {
  const tag = randomBytes(4).toString("hex");
  return db.user.create({
    data: { email: `driver-${tag}@test.example`, name: `Dana ${tag}`, passwordHash: "x", referralCode: `D${tag}` },
  });
}

export async function makeStation(db: Db, extra: Partial<{ name: string; publish: boolean; status: "ACTIVE" | "SUSPENDED" | "MAINTENANCE" | "PENDING_APPROVAL" }> = {}) {
  return db.station.create({
    data: {
      name: extra.name ?? `Station ${randomBytes(3).toString("hex")}`, lat: 52.5, lng: 13.4, publish: extra.publish ?? true, status: extra.status ?? "ACTIVE",
      connectors: { create: { connectorId: 1, type: "CCS", powerType: "DC", maxPowerKw: 150, status: "AVAILABLE" } },
    },
  });
}

export async function makeSession(db: Db, userId: string, stationId: string, status: "COMPLETED" | "ACTIVE" | "FAILED" | "CANCELLED" = "COMPLETED", startedAt = new Date()) {
  return db.chargingSession.create({
    data: { userId, stationId, connectorNumber: 1, status, startedAt, endedAt: status === "COMPLETED" ? new Date(startedAt.getTime() + 3600_000) : null, energyWh: 12_345, costMinor: 567, currency: "EUR" },
  });
}
