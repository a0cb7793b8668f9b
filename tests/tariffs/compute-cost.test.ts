// Hand-computed bills. Prices are minor units (cents) per kWh / per hour /
// per session; comments show the arithmetic each expectation comes from.
import { test } from "node:test";
import assert from "node:assert/strict";
import { computeCost, SessionInputError, type CostLine } from "../../lib/tariffs/index.ts";
import { linearSession, sampledSession, tariff } from "./helpers.ts";

const pick = (lines: CostLine[]) => lines.map((l) => [l.type, l.elementIndex, l.billedWh ?? l.billedMs ?? l.quantity, l.amountExclVat, l.vat]);

test("energy only: 12.345 kWh at 30 ct = 370.35 -> 370 ct, no VAT line when the tariff has none", () => {
  const r = computeCost(tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }] }]), linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 12_345));
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 12_345, 370, 0]]);
  assert.equal(r.lines[0].vatPercent, null);
  assert.equal(r.lines[0].quantity, 12.345);
  assert.equal(r.lines[0].unit, "kWh");
  assert.deepEqual([r.totalExclVat, r.totalVat, r.totalInclVat, r.energyWh, r.currency], [370, 0, 370, 12_345, "EUR"]);
  assert.equal(r.chargingSeconds, 3600);
  assert.equal(r.parkingSeconds, 0);
  assert.equal(r.provisional, false);
});

test("fractional prices round half up once per line: 3 kWh at 35.5 ct = 106.5 -> 107", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: "35.5" }] }]);
  assert.equal(computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 3000)).totalInclVat, 107);
  // 2.999 kWh * 35.5 = 106.4645 -> 106
  assert.equal(computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 2999)).totalInclVat, 106);
});

test("VAT per line from the rounded net amount: 22 kWh at 35.5 ct + 19 % and + 5.5 %", () => {
  const s = linearSession("2025-05-05T10:00:00Z", "2025-05-05T12:00:00Z", 22_000);
  // 22 * 35.5 = 781; 781 * 0.19 = 148.39 -> 148
  const r = computeCost(tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 35.5, vat: 19 }] }]), s);
  assert.deepEqual([r.totalExclVat, r.totalVat, r.totalInclVat], [781, 148, 929]);
  assert.equal(r.lines[0].vatPercent, "19");
  // 781 * 0.055 = 42.955 -> 43
  const r2 = computeCost(tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 35.5, vat: "5.5" }] }]), s);
  assert.deepEqual([r2.totalExclVat, r2.totalVat, r2.totalInclVat], [781, 43, 824]);
});

test("different VAT per component: energy 19 %, idle fee without VAT", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30, vat: 19 }, { type: "PARKING_TIME", price: 600 }] }]);
  const r = computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T11:00:00Z", 11_000], ["2025-05-05T11:30:00Z", 11_000]]));
  // energy 11 * 30 = 330, VAT 62.7 -> 63; parking 0.5 h * 600 = 300, no VAT
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 11_000, 330, 63], ["PARKING_TIME", 0, 1_800_000, 300, 0]]);
  assert.deepEqual([r.totalExclVat, r.totalVat, r.totalInclVat], [630, 63, 693]);
});

test("night rate 22:00-06:00 wraps midnight (Berlin, winter)", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 20 }], restrictions: { start_time: "22:00", end_time: "06:00" } },
    { price_components: [{ type: "ENERGY", price: 40 }] },
  ]);
  // 21:00 to 07:00 local, 5 kWh per hour: day 21-22 + 06-07 = 10 kWh, night 22-06 = 40 kWh
  const r = computeCost(t, linearSession("2025-01-15T20:00:00Z", "2025-01-16T06:00:00Z", 50_000));
  assert.deepEqual(pick(r.lines), [["ENERGY", 1, 10_000, 400, 0], ["ENERGY", 0, 40_000, 800, 0]]);
  assert.equal(r.lines[1].restrictionLabel, "22:00–06:00");
  assert.equal(r.totalInclVat, 1200);
});

test("time-of-day edges inside one meter interval split TIME exactly", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "TIME", price: 100 }], restrictions: { start_time: "18:00" } },
    { price_components: [{ type: "TIME", price: 300 }] },
  ]);
  // 17:15 to 18:45 local (CEST, UTC+2): 45 min at 300/h = 225, 45 min at 100/h = 75
  const r = computeCost(t, linearSession("2025-07-01T15:15:00Z", "2025-07-01T16:45:00Z", 10_000));
  assert.deepEqual(pick(r.lines), [["TIME", 1, 2_700_000, 225, 0], ["TIME", 0, 2_700_000, 75, 0]]);
  assert.equal(r.lines[0].quantity, 0.75);
  assert.equal(r.lines[0].unit, "h");
});

test("the tariff's own time zone wins over the station's", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 20 }], restrictions: { start_time: "22:00", end_time: "06:00" } },
    { price_components: [{ type: "ENERGY", price: 40 }] },
  ], { time_zone: "UTC" });
  // 21:00-23:00 UTC: one hour day, one hour night in UTC (in Berlin it would all be night)
  const r = computeCost(t, linearSession("2025-01-15T21:00:00Z", "2025-01-15T23:00:00Z", 2000, "Europe/Berlin"));
  assert.equal(r.totalInclVat, 40 + 20);
});

test("day of week: Saturday price starts at local midnight", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 20 }], restrictions: { day_of_week: ["SATURDAY", "SUNDAY"] } },
    { price_components: [{ type: "ENERGY", price: 40 }] },
  ]);
  // Fri 2025-01-17 23:00 to Sat 01:00 local, 2 kWh per hour: Friday 2 * 40 + Saturday 2 * 20
  const r = computeCost(t, linearSession("2025-01-17T22:00:00Z", "2025-01-18T00:00:00Z", 4000));
  assert.deepEqual(pick(r.lines), [["ENERGY", 1, 2000, 80, 0], ["ENERGY", 0, 2000, 40, 0]]);
  assert.equal(r.lines[1].restrictionLabel, "Sat, Sun");
});

test("date range: a promotion from 2025-06-01 (inclusive) until 2025-06-02 (exclusive)", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 0 }], restrictions: { start_date: "2025-06-01", end_date: "2025-06-02" } },
    { price_components: [{ type: "ENERGY", price: 30 }] },
  ]);
  // 2025-05-31 23:00 to 2025-06-02 01:00 local = 26 h at 1 kWh/h: 1 h before, 24 h free, 1 h after
  const r = computeCost(t, linearSession("2025-05-31T21:00:00Z", "2025-06-01T23:00:00Z", 26_000));
  assert.deepEqual(pick(r.lines), [["ENERGY", 1, 2000, 60, 0], ["ENERGY", 0, 24_000, 0, 0]]);
});

test("idle fee: PARKING_TIME once the car stops drawing power", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }, { type: "PARKING_TIME", price: 600 }] }]);
  const r = computeCost(t, sampledSession([
    ["2025-05-05T10:00:00Z", 5000],
    ["2025-05-05T10:30:00Z", 10_500],
    ["2025-05-05T11:00:00Z", 16_000],
    ["2025-05-05T11:15:00Z", 16_000],
    ["2025-05-05T11:30:00Z", 16_000],
  ]));
  // 11 kWh * 30 = 330; parked 30 min * 6 EUR/h = 300
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 11_000, 330, 0], ["PARKING_TIME", 0, 1_800_000, 300, 0]]);
  assert.deepEqual([r.chargingSeconds, r.parkingSeconds, r.energyWh, r.totalInclVat], [3600, 1800, 11_000, 630]);
});

test("idle fee only after a grace period: PARKING_TIME with min_duration 2 h", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 30 }] },
    { price_components: [{ type: "PARKING_TIME", price: 600 }], restrictions: { min_duration: 7200 } },
  ]);
  // charging 10:00-11:00, parked 11:00-13:00; only 12:00-13:00 is after the 2 h mark
  const r = computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T11:00:00Z", 11_000], ["2025-05-05T13:00:00Z", 11_000]]));
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 11_000, 330, 0], ["PARKING_TIME", 1, 3_600_000, 600, 0]]);
  assert.equal(r.parkingSeconds, 7200);
  assert.equal(r.lines[1].restrictionLabel, "after 2 h");
});

test("explicit parking periods decide charging vs idle", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "TIME", price: 120 }, { type: "PARKING_TIME", price: 600 }] }]);
  const s = { ...linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 20), parkingPeriods: [{ from: "2025-05-05T10:40:00Z", to: "2025-05-05T11:00:00Z" }] };
  // 40 min charging at 1.20/h = 80, 20 min idle at 6/h = 200 (power alone would call all of it idle: 20 W)
  const r = computeCost(t, s);
  assert.deepEqual(pick(r.lines), [["TIME", 0, 2_400_000, 80, 0], ["PARKING_TIME", 0, 1_200_000, 200, 0]]);
});

test("FLAT is billed once per session, next to energy", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "FLAT", price: 100 }, { type: "ENERGY", price: 30 }] }]);
  const r = computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T10:20:00Z", 4000], ["2025-05-05T10:40:00Z", 8000], ["2025-05-05T11:00:00Z", 10_000]]));
  assert.deepEqual(pick(r.lines), [["FLAT", 0, 1, 100, 0], ["ENERGY", 0, 10_000, 300, 0]]);
  assert.equal(r.totalInclVat, 400);
});

test("step_size ENERGY 1000 Wh: 10.2 kWh is billed as 11 kWh", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30, step_size: 1000 }] }]);
  const r = computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 10_200));
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 11_000, 330, 0]]);
  assert.equal(r.energyWh, 10_200);
});

test("step_size TIME 300 s: 6 minutes charging is billed as 10", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "TIME", price: 120, step_size: 300 }] }]);
  const r = computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T10:06:00Z", 1000));
  // 10 min at 1.20 EUR/h = 20 ct
  assert.deepEqual(pick(r.lines), [["TIME", 0, 600_000, 20, 0]]);
});

test("step_size with TIME and PARKING_TIME both used rounds only parking", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "TIME", price: 120, step_size: 300 }, { type: "PARKING_TIME", price: 600, step_size: 900 }] }]);
  const r = computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T10:07:00Z", 1000], ["2025-05-05T10:11:00Z", 1000]]));
  // TIME 7 min unrounded: 14 ct; parking 4 min -> 15 min at 6 EUR/h = 150 ct
  assert.deepEqual(pick(r.lines), [["TIME", 0, 420_000, 14, 0], ["PARKING_TIME", 0, 900_000, 150, 0]]);
});

test("step_size is taken from the last element used, on the session total", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 40, step_size: 1 }], restrictions: { max_kwh: 10 } },
    { price_components: [{ type: "ENERGY", price: 30, step_size: 1000 }] },
  ]);
  // 10.5 kWh: 10 kWh at 40 = 400; the rest 0.5 kWh rounded up to a total of 11 kWh -> 1 kWh at 30 = 30
  const r = computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 10_500));
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 10_000, 400, 0], ["ENERGY", 1, 1000, 30, 0]]);
});

test("first 10 kWh at one price, the rest at another, inside a single meter interval", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 40 }], restrictions: { max_kwh: 10 } },
    { price_components: [{ type: "ENERGY", price: 30 }], restrictions: { min_kwh: 10 } },
  ]);
  // 10 * 40 + 15 * 30 = 850
  const r = computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T12:00:00Z", 25_000));
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 10_000, 400, 0], ["ENERGY", 1, 15_000, 450, 0]]);
  assert.equal(r.lines[0].restrictionLabel, "up to 10 kWh");
  assert.equal(r.lines[1].restrictionLabel, "from 10 kWh");
});

test("kWh-bound TIME price switches at the moment the 10th kWh is reached", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "TIME", price: 0 }], restrictions: { max_kwh: 10 } },
    { price_components: [{ type: "TIME", price: 600 }] },
  ]);
  // 20 kWh linearly over 2 h: the 10th kWh at 1 h; the second hour costs 600
  const r = computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T12:00:00Z", 20_000));
  assert.deepEqual(pick(r.lines), [["TIME", 0, 3_600_000, 0, 0], ["TIME", 1, 3_600_000, 600, 0]]);
});

test("power restriction: fast charging (>= 50 kW) costs more", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 50 }], restrictions: { min_power: 50 } },
    { price_components: [{ type: "ENERGY", price: 30 }] },
  ]);
  // 30 kWh in 30 min (60 kW) then 5 kWh in 30 min (10 kW): 30 * 50 + 5 * 30 = 1650
  const r = computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T10:30:00Z", 30_000], ["2025-05-05T11:00:00Z", 35_000]]));
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 30_000, 1500, 0], ["ENERGY", 1, 5000, 150, 0]]);
  assert.equal(r.lines[0].restrictionLabel, "from 50 kW");
});

test("power restriction uses the power the charger reported when it sends one", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 50 }], restrictions: { min_power: 50 } },
    { price_components: [{ type: "ENERGY", price: 30 }] },
  ]);
  const s = sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T11:00:00Z", 40_000]]);
  s.samples[1].powerW = 50_000; // average says 40 kW, the charger says 50 kW at the end of the interval
  assert.equal(computeCost(t, s).totalInclVat, 2000);
  s.samples[1].powerW = 49_999;
  assert.equal(computeCost(t, s).totalInclVat, 1200);
});

test("current restriction needs the current; unknown current does not match", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 10 }], restrictions: { max_current: 16 } },
    { price_components: [{ type: "ENERGY", price: 30 }] },
  ]);
  const s = sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T11:00:00Z", 3000]]);
  assert.equal(computeCost(t, s).totalInclVat, 90);
  s.samples[1].currentA = 13;
  assert.equal(computeCost(t, s).totalInclVat, 30);
});

test("DST spring forward (Berlin 2025-03-30): 05:00-08:00 CEST is 1 h night, 2 h day", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 20 }], restrictions: { start_time: "22:00", end_time: "06:00" } },
    { price_components: [{ type: "ENERGY", price: 40 }] },
  ]);
  // 03:00Z-06:00Z at 1 kWh/h; with a fixed +1 h offset the night would wrongly last 2 h
  const r = computeCost(t, linearSession("2025-03-30T03:00:00Z", "2025-03-30T06:00:00Z", 3000));
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 1000, 20, 0], ["ENERGY", 1, 2000, 80, 0]]);
});

test("DST spring forward: TIME is billed in real hours across the missing hour", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "TIME", price: 100 }], restrictions: { start_time: "22:00", end_time: "06:00" } },
    { price_components: [{ type: "TIME", price: 200 }] },
  ]);
  // 00:00 CET to 07:00 CEST = 6 real hours; night ends 06:00 CEST = 04:00Z: 5 h * 100 + 1 h * 200
  const r = computeCost(t, linearSession("2025-03-29T23:00:00Z", "2025-03-30T05:00:00Z", 6000));
  assert.deepEqual(pick(r.lines), [["TIME", 0, 5 * 3_600_000, 500, 0], ["TIME", 1, 3_600_000, 200, 0]]);
  assert.equal(r.chargingSeconds, 6 * 3600);
});

test("DST: a price that starts at 02:30 begins when the clock jumps from 02:00 to 03:00", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "ENERGY", price: 20 }], restrictions: { start_time: "02:30", end_time: "12:00" } },
    { price_components: [{ type: "ENERGY", price: 40 }] },
  ]);
  // 01:00 CET to 04:00 CEST = 2 real hours at 1 kWh/h; 02:30 never shows on the clock that night,
  // so the cheaper price applies from the jump (01:00Z): 1 kWh * 40 + 1 kWh * 20
  const r = computeCost(t, linearSession("2025-03-30T00:00:00Z", "2025-03-30T02:00:00Z", 2000));
  assert.deepEqual(pick(r.lines), [["ENERGY", 1, 1000, 40, 0], ["ENERGY", 0, 1000, 20, 0]]);
});

test("DST fall back (Berlin 2025-10-26): the repeated hour is night and billed twice", () => {
  const t = tariff("EUR", [
    { price_components: [{ type: "TIME", price: 100 }], restrictions: { start_time: "22:00", end_time: "06:00" } },
    { price_components: [{ type: "TIME", price: 200 }] },
  ]);
  // 00:00 CEST to 07:00 CET = 8 real hours; night until 06:00 CET = 05:00Z: 7 h * 100 + 1 h * 200
  const r = computeCost(t, linearSession("2025-10-25T22:00:00Z", "2025-10-26T06:00:00Z", 8000));
  assert.deepEqual(pick(r.lines), [["TIME", 0, 7 * 3_600_000, 700, 0], ["TIME", 1, 3_600_000, 200, 0]]);
});

test("zero-energy session: no energy line, idle time counted, total 0", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30, vat: 19 }] }]);
  const r = computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 7000], ["2025-05-05T10:10:00Z", 7000]]));
  assert.deepEqual(r.lines, []);
  assert.deepEqual([r.totalExclVat, r.totalVat, r.totalInclVat, r.energyWh, r.parkingSeconds], [0, 0, 0, 0, 600]);
});

test("a session that starts and ends at the same instant still pays its FLAT fee", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "FLAT", price: 99, vat: 19 }, { type: "TIME", price: 120 }] }]);
  const r = computeCost(t, { startedAt: "2025-05-05T10:00:00Z", endedAt: "2025-05-05T10:00:00Z", timeZone: "UTC", meterStartWh: 5, samples: [] });
  // 99 + 18.81 -> 19 VAT
  assert.deepEqual(pick(r.lines), [["FLAT", 0, 1, 99, 19]]);
  assert.equal(r.totalInclVat, 118);
});

test("min_price lifts a small session; the adjustment carries the session's VAT rate", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30, vat: 19 }] }], { min_price: 500 });
  const r = computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 5000));
  // 5 * 30 = 150 (VAT 28.5 -> 29); adjustment 350; session VAT = 19 % of 500 = 95, so the adjustment carries 66
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 5000, 150, 29], ["MIN_PRICE_ADJUSTMENT", null, 1, 350, 66]]);
  assert.deepEqual([r.totalExclVat, r.totalVat, r.totalInclVat, r.appliedMinMax], [500, 95, 595, "MIN"]);
  assert.equal(r.lines[1].restrictionLabel, "minimum price €5.00");
  // one Wh more changes nothing a driver sees: still 5.95 EUR
  assert.equal(computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 5033)).totalInclVat, 595);
});

test("min_price applies to a zero-energy session too", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30, vat: 19 }] }], { min_price: 200 });
  const r = computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T10:05:00Z", 0]]));
  assert.deepEqual(pick(r.lines), [["MIN_PRICE_ADJUSTMENT", null, 1, 200, 38]]);
  assert.equal(r.totalInclVat, 238);
});

test("max_price caps a large session with a negative adjustment", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30, vat: 19 }] }], { max_price: 1000 });
  const r = computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T12:00:00Z", 50_000));
  // 50 * 30 = 1500 (VAT 285); adjustment -500 (VAT 19 % of 1000 - 285 = -95)
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 50_000, 1500, 285], ["MAX_PRICE_ADJUSTMENT", null, 1, -500, -95]]);
  assert.deepEqual([r.totalExclVat, r.totalVat, r.totalInclVat, r.appliedMinMax], [1000, 190, 1190, "MAX"]);
  // 50.017 kWh: 1500.51 -> 1501 (VAT 285.19 -> 285); still exactly 11.90 EUR
  assert.equal(computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T12:00:00Z", 50_017)).totalInclVat, 1190);
  // between min and max nothing is adjusted
  const mid = computeCost({ ...t, min_price: 100 }, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 10_000));
  assert.equal(mid.appliedMinMax, undefined);
  assert.equal(mid.totalExclVat, 300);
});

test("a component no element prices is simply not billed (energy free at night)", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }], restrictions: { start_time: "06:00", end_time: "22:00" } }]);
  // 21:00-23:00 local: only the first hour is priced
  const r = computeCost(t, linearSession("2025-01-15T20:00:00Z", "2025-01-15T22:00:00Z", 2000));
  assert.deepEqual(pick(r.lines), [["ENERGY", 0, 1000, 30, 0]]);
});

test("JPY tariffs round to whole yen", () => {
  const t = tariff("JPY", [{ price_components: [{ type: "ENERGY", price: "45.5", vat: 10 }] }]);
  // 7 kWh * 45.5 = 318.5 -> 319; VAT 31.9 -> 32
  const r = computeCost(t, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 7000, "Asia/Tokyo"));
  assert.deepEqual([r.totalExclVat, r.totalVat, r.totalInclVat], [319, 32, 351]);
});

test("samples arrive unsorted and slightly outside the window: sorted and clamped, energy kept", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }] }]);
  const r = computeCost(t, {
    startedAt: "2025-05-05T10:00:00Z",
    endedAt: "2025-05-05T11:00:00Z",
    timeZone: "UTC",
    meterStartWh: 100,
    samples: [{ at: "2025-05-05T11:00:01Z", energyWh: 10_100 }, { at: "2025-05-05T10:30:00Z", energyWh: 5100 }],
  });
  assert.equal(r.energyWh, 10_000);
  assert.equal(r.totalInclVat, 300);
});

test("meterStartWh is the zero point; without it the first sample is, and the time before it counts as charging", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }, { type: "TIME", price: 120 }, { type: "PARKING_TIME", price: 600 }] }]);
  const base = { startedAt: "2025-05-05T10:00:00Z", endedAt: "2025-05-05T11:00:00Z", timeZone: "UTC" };
  const samples = [{ at: "2025-05-05T10:10:00Z", energyWh: 2000 }, { at: "2025-05-05T11:00:00Z", energyWh: 12_000 }];
  // with the start register: 12 kWh * 30 = 360, 1 h charging at 1.20 = 120
  const withStart = computeCost(t, { ...base, meterStartWh: 0, samples });
  assert.deepEqual([withStart.energyWh, withStart.totalInclVat, withStart.parkingSeconds], [12_000, 480, 0]);
  // without it: 10 kWh * 30 = 300; the first 10 min are unmetered, still charging time: 120
  const without = computeCost(t, { ...base, samples });
  assert.deepEqual([without.energyWh, without.totalInclVat, without.parkingSeconds], [10_000, 420, 0]);
});

test("bad session input is refused with a clear error", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }] }]);
  assert.throws(
    () => computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 5000], ["2025-05-05T10:30:00Z", 4000]])),
    (e: Error) => e instanceof SessionInputError && /meter register decreases/.test(e.message),
  );
  assert.throws(() => computeCost(t, { startedAt: "2025-05-05T10:00:00Z", timeZone: "UTC", samples: [{ at: "2025-05-05T10:00:00Z", energyWh: 0 }] }), /endedAt \(or now/);
  assert.throws(() => computeCost(t, { ...linearSession("2025-05-05T10:00:00Z", "2025-05-05T09:00:00Z", 0) }), /ends before it starts/);
  assert.throws(() => computeCost(t, { ...linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 0), timeZone: "Berlin" }), /timeZone must be an IANA zone/);
  assert.throws(() => computeCost(t, { startedAt: "yesterday", endedAt: "2025-05-05T11:00:00Z", timeZone: "UTC", samples: [{ at: "2025-05-05T11:00:00Z", energyWh: 1 }] }), /not a valid time/);
  assert.throws(() => computeCost({ currency: "EUR", elements: [] }, linearSession("2025-05-05T10:00:00Z", "2025-05-05T11:00:00Z", 0)), /at least one element/);
});
