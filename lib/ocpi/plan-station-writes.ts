// Plans the writes for one location against what is stored: a new station
// with its connectors, or the changed fields of an existing one (connectors
// matched by EVSE uid + connector id, new ones numbered after the highest).
// Each plan carries both Prisma operations (per-station fallback) and whole
// rows (bulk path). No plan means nothing changed.
import { randomUUID } from "node:crypto";
import { Prisma, type Db } from "../db/client.ts";
import type { ConnectorUpdateRow, NewStationRow, StationUpdateRow } from "./bulk-write.ts";
import type { NormalisedLocation } from "./normalise-location.ts";
import {
  changedFields, connectorContent, stationContent, type ConnectorContent, type KnownTariff, type StationContent,
} from "./station-content.ts";

export type Write = {
  externalId: string;
  kind: "created" | "updated";
  ops: (db: Db) => Prisma.PrismaPromise<unknown>[];
  /** The same change as whole rows, for the bulk path (bulk-write.ts). */
  rows?: { station: NewStationRow; connectors: Prisma.ConnectorCreateManyInput[] };
  updateRows?: { station?: StationUpdateRow; connectors: ConnectorUpdateRow[]; newConnectors: Prisma.ConnectorCreateManyInput[] };
};

const json = (v: unknown) => (v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));

export type Tariffs = { byExternalId: Map<string, KnownTariff>; byId: Map<string, KnownTariff> };
// Only what planning compares: reading every column of thousands of rows is most of a re-import's time.
const CONTENT = {
  name: true, address: true, city: true, postalCode: true, country: true, lat: true, lng: true, timeZone: true, is24x7: true,
  workingHours: true, description: true, publish: true, availability: true, plugTypes: true, chargingTypes: true,
  maxPowerKw: true, tariffId: true, tariffText: true, pricePerKwhMinor: true, currency: true,
} as const satisfies Record<keyof StationContent, true>;
const CONNECTOR_SELECT = {
  id: true, connectorId: true, evseUid: true, externalId: true, statusUpdatedAt: true, type: true, powerType: true, maxPowerKw: true,
  maxVoltage: true, maxAmperage: true, status: true, publish: true, removed: true, tariffId: true,
} as const satisfies Partial<Record<keyof Prisma.ConnectorSelect, true>>;
export const CURRENT_SELECT = { id: true, externalId: true, status: true, ...CONTENT, connectors: { select: CONNECTOR_SELECT } } as const;
export type Current = Prisma.StationGetPayload<{ select: typeof CURRENT_SELECT }>;

export function planCreate(loc: NormalisedLocation, operatorId: string, tariffs: Tariffs, now: Date): Write {
  const stationId = randomUUID();
  const connectors = loc.connectors.map((c, i) => ({
    ...connectorContent(c, tariffs.byExternalId),
    id: randomUUID(),
    stationId,
    connectorId: i + 1,
    evseUid: c.evseUid,
    externalId: c.externalId,
    statusUpdatedAt: c.statusUpdatedAt,
  }));
  const content = stationContent(loc, connectors.filter((c) => !c.removed), tariffs.byId);
  const station = { ...content, id: stationId, operatorId, externalId: loc.externalId, status: "ACTIVE" as const, lastSyncedAt: now };
  return {
    externalId: loc.externalId,
    kind: "created",
    ops: (db) => [
      db.station.create({ data: { ...station, workingHours: json(content.workingHours) } }),
      db.connector.createMany({ data: connectors }),
    ],
    rows: { station, connectors },
  };
}

export function planUpdate(loc: NormalisedLocation, current: Current, tariffs: Tariffs, now: Date): Write | null {
  const key = (evseUid: string | null, externalId: string | null) => `${evseUid}\u0000${externalId}`;
  const byKey = new Map(current.connectors.map((c) => [key(c.evseUid, c.externalId), c]));
  let nextId = current.connectors.reduce((m, c) => Math.max(m, c.connectorId), 0) + 1;
  const connectorCreates: Prisma.ConnectorCreateManyInput[] = [];
  const connectorUpdates: { id: string; data: Partial<ConnectorContent> & { statusUpdatedAt?: Date } }[] = [];
  const connectorRows: ConnectorUpdateRow[] = [];
  const visible: ConnectorContent[] = [];
  const matched = new Set<string>();
  for (const c of loc.connectors) {
    const content = connectorContent(c, tariffs.byExternalId);
    if (!content.removed) visible.push(content);
    const old = byKey.get(key(c.evseUid, c.externalId));
    if (!old) {
      connectorCreates.push({ ...content, stationId: current.id, connectorId: nextId++, evseUid: c.evseUid, externalId: c.externalId, statusUpdatedAt: c.statusUpdatedAt });
      continue;
    }
    matched.add(old.id);
    const changed = changedFields(old, content);
    if (changed.length) {
      const data: (typeof connectorUpdates)[number]["data"] = Object.fromEntries(changed.map((k) => [k, content[k]]));
      if (changed.includes("status")) data.statusUpdatedAt = c.statusUpdatedAt ?? now;
      connectorUpdates.push({ id: old.id, data });
      connectorRows.push({ ...content, id: old.id, statusUpdatedAt: data.statusUpdatedAt ?? old.statusUpdatedAt });
    }
  }
  // Connectors gone from the feed are hidden, not deleted: sessions and bookings may point at them.
  for (const old of current.connectors) {
    if (!matched.has(old.id) && (!old.removed || old.publish)) {
      connectorUpdates.push({ id: old.id, data: { removed: true, publish: false } });
      const { connectorId: _c, evseUid: _e, externalId: _x, ...kept } = old;
      connectorRows.push({ ...kept, removed: true, publish: false });
    }
  }
  const content = stationContent(loc, visible, tariffs.byId, current.currency);
  const changed = changedFields(current, content);
  const revive = current.status === "REMOVED";
  if (!changed.length && !revive && !connectorCreates.length && !connectorUpdates.length) return null;
  const data: Prisma.StationUpdateInput = Object.fromEntries(changed.map((k) => [k, k === "workingHours" ? json(content.workingHours) : content[k]]));
  if (revive) data.status = "ACTIVE";
  return {
    externalId: loc.externalId,
    kind: "updated",
    updateRows: {
      station: Object.keys(data).length ? { ...content, id: current.id, status: revive ? "ACTIVE" : current.status } : undefined,
      connectors: connectorRows,
      newConnectors: connectorCreates,
    },
    ops: (db) => [
      ...(Object.keys(data).length ? [db.station.update({ where: { id: current.id }, data })] : []),
      ...connectorUpdates.map((u) => db.connector.update({ where: { id: u.id }, data: u.data })),
      ...(connectorCreates.length ? [db.connector.createMany({ data: connectorCreates })] : []),
    ],
  };
}
