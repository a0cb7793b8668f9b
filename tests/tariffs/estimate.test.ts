// The estimate before start, the running cost during the session and the
// final bill come from one engine; these tests hold them to agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { computeCost, energyCapFor, estimateCost, holdAmountFor, runningCost, type TSessionInput } from "../../lib/tariffs/index.ts";
import { tariff } from "./helpers.ts";

const touTariff = tariff("EUR", [
  { price_components: [{ type: "ENERGY", price: 25, vat: 19 }, { type: "TIME", price: 60, vat: 19 }], restrictions: { start_time: "22:00", end_time: "06:00" } },
  { price_components: [{ type: "ENERGY", price: "35.5", vat: 19 }, { type: "TIME", price: 120, vat: 19 }, { type: "PARKING_TIME", price: 600, vat: 19 }] },
]);

/** What a charger at constant power reports: a register sample every minute, floored to whole Wh. */
function chargerSession(startIso: string, powerW: number, energyWh: number, timeZone = "Europe/Berlin"): TSessionInput {
  const start = Date.parse(startIso);
  const chargeMs = Math.ceil((energyWh * 3_600_000) / powerW);
  const samples = [];
  for (let t = 0; t < chargeMs; t += 60_000) samples.push({ at: start + t, energyWh: 50_000 + Math.floor((powerW * t) / 3_600_000) });
  samples.push({ at: start + chargeMs, energyWh: 50_000 + energyWh });
  return { startedAt: start, endedAt: start + chargeMs, timeZone, meterStartWh: 50_000, samples };
}

test("estimate: 20 kWh at 11 kW in the afternoon = 20 * 35.5 + 1.818 h * 1.20 EUR, with 19 % VAT", () => {
  const e = estimateCost(touTariff, { energyWh: 20_000, powerKw: 11, startAt: "2025-06-10T12:00:00Z", timeZone: "Europe/Berlin" });
  // energy 710 (VAT 134.9 -> 135); time 6545455 ms * 120/h = 218.18 -> 218 (VAT 41.42 -> 41)
  assert.deepEqual(e.lines.map((l) => [l.type, l.amountExclVat, l.vat]), [["ENERGY", 710, 135], ["TIME", 218, 41]]);
  assert.equal(e.totalInclVat, 1104);
  assert.equal(e.energyWh, 20_000);
});

test("the estimate equals the bill of a charger that delivers exactly that, across the 22:00 price change", () => {
  const plan = { energyWh: 22_000, powerKw: 11, startAt: "2025-06-10T19:00:00Z", timeZone: "Europe/Berlin" };
  const estimate = estimateCost(touTariff, plan);
  const bill = computeCost(touTariff, chargerSession(plan.startAt, 11_000, 22_000));
  assert.deepEqual(bill.lines, estimate.lines);
  assert.equal(bill.totalInclVat, estimate.totalInclVat);
  // 11 kWh before 22:00 local, 11 kWh after
  assert.deepEqual(bill.lines.filter((l) => l.type === "ENERGY").map((l) => l.billedWh), [11_000, 11_000]);
});

test("estimate by duration, with idle time, and with an energy target that does not fit", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }, { type: "PARKING_TIME", price: 600 }] }]);
  const base = { startAt: "2025-06-10T12:00:00Z", timeZone: "Europe/Berlin" };
  // 90 min at 7.4 kW = 11.1 kWh * 30 = 333
  assert.equal(estimateCost(t, { ...base, durationMinutes: 90, powerKw: 7.4 }).totalInclVat, 333);
  // 10 kWh at 10 kW takes 1 h, then 30 min idle: 300 + 300
  const idle = estimateCost(t, { ...base, energyWh: 10_000, idleMinutes: 30, powerKw: 10 });
  assert.deepEqual([idle.totalInclVat, idle.chargingSeconds, idle.parkingSeconds], [600, 3600, 1800]);
  // 50 kWh wanted, 60 min at 11 kW only delivers 11 kWh
  const short = estimateCost(t, { ...base, energyWh: 50_000, durationMinutes: 60, powerKw: 11 });
  assert.deepEqual([short.energyWh, short.totalInclVat], [11_000, 330]);
  assert.throws(() => estimateCost(t, { ...base, powerKw: 11 }), /give energyWh or durationMinutes/);
  assert.throws(() => estimateCost(t, { ...base, energyWh: 1000, powerKw: 0 }), /powerKw must be greater than 0/);
});

test("running cost rises with every sample and ends equal to the final bill", () => {
  const full = chargerSession("2025-06-10T19:30:00Z", 11_000, 16_500);
  const samples = full.samples;
  let previous = -1;
  for (let k = 1; k <= samples.length; k++) {
    const soFar = samples.slice(0, k);
    const now = soFar[k - 1].at;
    const running = runningCost(touTariff, { startedAt: full.startedAt, timeZone: full.timeZone, meterStartWh: full.meterStartWh, samples: soFar }, now);
    const billIfStoppedNow = computeCost(touTariff, { ...full, samples: soFar, endedAt: now });
    assert.equal(running.provisional, true);
    assert.deepEqual({ ...running, provisional: false }, billIfStoppedNow);
    assert.ok(running.totalInclVat >= previous, `running cost fell at sample ${k}`);
    previous = running.totalInclVat;
  }
  const final = computeCost(touTariff, full);
  assert.equal(previous, final.totalInclVat);
  assert.equal(final.energyWh, 16_500);
});

test("between samples the running cost keeps counting time (charging continues until told otherwise)", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "TIME", price: 360 }] }]);
  const session = { startedAt: "2025-06-10T10:00:00Z", timeZone: "UTC", samples: [{ at: "2025-06-10T10:00:00Z", energyWh: 0 }, { at: "2025-06-10T10:10:00Z", energyWh: 1800 }] };
  // 10 min at 3.60/h = 60; 15 min = 90
  assert.equal(runningCost(t, session, "2025-06-10T10:10:00Z").totalInclVat, 60);
  assert.equal(runningCost(t, session, "2025-06-10T10:15:00Z").totalInclVat, 90);
  // right after start, before any interval is metered
  assert.equal(runningCost(t, { ...session, samples: session.samples.slice(0, 1) }, "2025-06-10T10:05:00Z").totalInclVat, 30);
});

test("hold for an energy target: estimate + 20 %, rounded up to a whole euro", () => {
  const opts = { startAt: "2025-06-10T12:00:00Z", timeZone: "Europe/Berlin" };
  const h = holdAmountFor(touTariff, { energyWh: 20_000 }, 11, opts);
  // 1104 * 1.2 = 1324.8 -> 1325 -> 1400
  assert.deepEqual(h, { amountMinor: 1400, currency: "EUR", estimateInclVat: 1104, energyCapWh: 20_000 });
  assert.equal(holdAmountFor(touTariff, { energyWh: 20_000 }, 11, { ...opts, marginPercent: 0 }).amountMinor, 1200);
  // JPY has no minor unit to round to: 7 kWh * 45 = 315 -> 378
  const yen = tariff("JPY", [{ price_components: [{ type: "ENERGY", price: 45 }] }]);
  assert.equal(holdAmountFor(yen, { energyWh: 7000 }, 7, { ...opts, timeZone: "Asia/Tokyo" }).amountMinor, 378);
});

test("hold for an amount target is that amount, with the energy it buys as the cap", () => {
  const t = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: "35.5", vat: 19 }] }]);
  const h = holdAmountFor(t, { amountMinor: 1000 }, 11, { startAt: "2025-06-10T12:00:00Z", timeZone: "Europe/Berlin" });
  // 23.676 kWh: 840.498 -> 840 + VAT 159.6 -> 160 = 1000; one Wh more costs 1001
  assert.deepEqual(h, { amountMinor: 1000, currency: "EUR", estimateInclVat: 1000, energyCapWh: 23_676 });
  assert.throws(() => holdAmountFor(t, { amountMinor: 0 }, 11), /amountMinor must be a positive whole number/);
  // a tiny energy target still holds one whole euro
  assert.equal(holdAmountFor(t, { energyWh: 1 }, 11, { startAt: "2025-06-10T12:00:00Z", timeZone: "UTC" }).amountMinor, 100);
});

test("energyCapFor is the largest energy the amount pays for", () => {
  const opts = { powerKw: 22, startAt: "2025-06-10T18:00:00Z", timeZone: "Europe/Berlin" };
  for (const amount of [1, 99, 500, 1234, 5000, 12_345]) {
    const cap = energyCapFor(touTariff, amount, opts)!;
    const cost = (wh: number) => estimateCost(touTariff, { ...opts, energyWh: wh }).totalInclVat;
    assert.ok(cost(cap) <= amount, `${cap} Wh costs ${cost(cap)} > ${amount}`);
    assert.ok(cost(cap + 1) > amount, `${cap + 1} Wh still fits ${amount}`);
  }
  const flat = tariff("EUR", [{ price_components: [{ type: "FLAT", price: 500 }, { type: "ENERGY", price: 30 }] }]);
  assert.equal(energyCapFor(flat, 300, opts), 0);
  // 1016 Wh * 30 = 30.48 -> 30 still fits 530; 1017 Wh -> 30.51 -> 31 does not
  assert.equal(energyCapFor(flat, 530, opts), 1016);
  assert.equal(energyCapFor(tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 0 }] }]), 500, opts), null);
  assert.equal(energyCapFor(tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }] }], { max_price: 1000 }), 1000, opts), null);
});

test("hold and cap round trip: the hold for E buys at least E", () => {
  const opts = { startAt: "2025-06-10T20:30:00Z", timeZone: "Europe/Berlin" };
  for (const energyWh of [1, 500, 7_400, 22_000, 60_000, 99_999]) {
    const hold = holdAmountFor(touTariff, { energyWh }, 11, opts);
    assert.ok(hold.amountMinor >= hold.estimateInclVat);
    const cap = energyCapFor(touTariff, hold.amountMinor, { ...opts, powerKw: 11 })!;
    assert.ok(cap >= energyWh, `hold ${hold.amountMinor} for ${energyWh} Wh buys only ${cap} Wh`);
    // and the amount target sized from that hold stops at the same cap
    assert.equal(holdAmountFor(touTariff, { amountMinor: hold.amountMinor }, 11, opts).energyCapWh, cap);
  }
});
