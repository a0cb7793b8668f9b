// Availability is computed in SQL on the hot paths (connect, StatusNotification)
// and in TypeScript elsewhere: both must give the same word for every case.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase } from "../helpers/db.ts";
import { computeAvailability } from "../../lib/charging/availability.ts";
import { AVAILABILITY_SQL } from "../../lib/charging/station-connection.ts";
import type { ConnectorStatus } from "../../lib/db/client.ts";

type Case = { isOnline: boolean; chargerStatus: string | null; connectors: { status: ConnectorStatus; removed?: boolean }[] };

const cases: Case[] = [
  { isOnline: false, chargerStatus: "AVAILABLE", connectors: [{ status: "AVAILABLE" }] },
  { isOnline: true, chargerStatus: "FAULTED", connectors: [{ status: "AVAILABLE" }] },
  { isOnline: true, chargerStatus: "UNAVAILABLE", connectors: [] },
  { isOnline: true, chargerStatus: null, connectors: [] },
  { isOnline: true, chargerStatus: "AVAILABLE", connectors: [] },
  { isOnline: true, chargerStatus: "AVAILABLE", connectors: [{ status: "UNKNOWN" }, { status: "CHARGING", removed: true }] },
  { isOnline: true, chargerStatus: null, connectors: [{ status: "CHARGING" }, { status: "AVAILABLE" }] },
  { isOnline: true, chargerStatus: null, connectors: [{ status: "CHARGING" }, { status: "FAULTED" }] },
  { isOnline: true, chargerStatus: null, connectors: [{ status: "FAULTED" }, { status: "UNAVAILABLE" }, { status: "AVAILABLE", removed: true }] },
  { isOnline: true, chargerStatus: "AVAILABLE", connectors: [{ status: "FAULTED" }, { status: "UNKNOWN" }] },
];

describe("availability in SQL", () => {
  let t: Awaited<ReturnType<typeof freshDatabase>>;
  before(async () => (t = await freshDatabase()));
  after(() => t.close());

  test("matches computeAvailability for online/offline, charger status, removed and unknown connectors", async () => {
    for (const [n, c] of cases.entries()) {
      const st = await t.db.station.create({
        data: {
          name: `A${n}`, lat: 1, lng: 1, isOnline: c.isOnline, chargerStatus: c.chargerStatus,
          connectors: { create: c.connectors.map((x, i) => ({ connectorId: i + 1, type: "TYPE2", maxPowerKw: 11, status: x.status, removed: !!x.removed })) },
        },
      });
      const [row] = await t.db.$queryRawUnsafe<{ a: string }[]>(`SELECT ${AVAILABILITY_SQL("s")} AS a FROM stations s WHERE s.id = $1::uuid`, st.id);
      assert.equal(row.a, computeAvailability(c), `case ${n}: ${JSON.stringify(c)}`);
    }
  });
});
