import { test } from "node:test";
import assert from "node:assert/strict";
import { computeCost, samplesFromMeterReadings } from "../../lib/tariffs/index.ts";

test("OCPP meter readings become samples: Wh/kWh registers, phase-less preferred, per-phase summed", () => {
  const { samples, ignored } = samplesFromMeterReadings([
    { timestamp: "2025-05-05T10:00:00Z", measurand: "Energy.Active.Import.Register", value: "1000", unit: "Wh" },
    { timestamp: "2025-05-05T10:00:00Z", measurand: "Power.Active.Import", value: "11", unit: "kW" },
    { timestamp: "2025-05-05T10:00:00Z", measurand: "Current.Import", value: "15.9", unit: "A", phase: "L1" },
    { timestamp: "2025-05-05T10:00:00Z", measurand: "Current.Import", value: "16.1", unit: "A", phase: "L2" },
    { timestamp: "2025-05-05T10:00:00Z", measurand: "Voltage", value: "230", unit: "V", phase: "L1-N" },
    { timestamp: "2025-05-05T10:30:00Z", measurand: null, value: "6.5005", unit: "kWh" },
    { timestamp: "2025-05-05T11:00:00Z", measurand: "Energy.Active.Import.Register", value: "4000", unit: "Wh", phase: "L1" },
    { timestamp: "2025-05-05T11:00:00Z", measurand: "Energy.Active.Import.Register", value: "4000", unit: "Wh", phase: "L2" },
    { timestamp: "2025-05-05T11:00:00Z", measurand: "Energy.Active.Import.Register", value: "4000.4", unit: "Wh", phase: "L3" },
    { timestamp: "2025-05-05T11:10:00Z", measurand: "Power.Active.Import", value: "7000", unit: "W" },
    { timestamp: "2025-05-05T11:20:00Z", measurand: "Energy.Active.Import.Register", value: "n/a", unit: "Wh" },
    { timestamp: "2025-05-05T11:20:00Z", measurand: "Energy.Active.Import.Register", value: "5", unit: "MWh" },
  ]);
  assert.deepEqual(samples, [
    { at: new Date("2025-05-05T10:00:00Z"), energyWh: 1000, powerW: 11_000, currentA: 16.1 },
    { at: new Date("2025-05-05T10:30:00Z"), energyWh: 6501 },
    { at: new Date("2025-05-05T11:00:00Z"), energyWh: 12_000 },
  ]);
  assert.equal(ignored[2].row.value, "7000");
  assert.deepEqual(ignored.map((i) => i.reason), ['meter value "n/a" is not a decimal number', "unit MWh is not Wh or kWh", "no energy register at this time"]);
  // and they price like any other samples: 11 kWh at 30 ct
  const r = computeCost({ currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: 30 }] }] }, { startedAt: "2025-05-05T10:00:00Z", endedAt: "2025-05-05T11:00:00Z", timeZone: "UTC", meterStartWh: 1000, samples });
  assert.deepEqual([r.energyWh, r.totalInclVat], [11_000, 330]);
});
