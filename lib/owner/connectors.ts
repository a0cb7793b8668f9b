// What a station offers, derived from its connectors so the map's filters
// (Station.plugTypes / chargingTypes / maxPowerKw) never disagree with them.
import type { ChargingSpeed, ConnectorType } from "../db/generated/enums.ts";
import { chargingSpeedOf } from "../ocpi/connectors.ts";

const SPEED_ORDER: ChargingSpeed[] = ["SLOW", "FAST", "SUPERFAST"];

export function offerOf(connectors: { type: ConnectorType; maxPowerKw: number }[]) {
  const plugTypes = [...new Set(connectors.map((c) => c.type))];
  const speeds = new Set(connectors.map((c) => chargingSpeedOf(c.maxPowerKw)));
  return {
    plugTypes,
    chargingTypes: SPEED_ORDER.filter((s) => speeds.has(s)),
    maxPowerKw: connectors.reduce((m, c) => Math.max(m, c.maxPowerKw), 0),
  };
}
