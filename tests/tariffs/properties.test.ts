// Property checks over many generated tariffs and sessions (fixed seeds, so
// a failure names a reproducible case).
import { test } from "node:test";
import assert from "node:assert/strict";
import { computeCost, type CostResult, type TSessionInput, type TTariffInput } from "../../lib/tariffs/index.ts";
import { prng, tariff } from "./helpers.ts";

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pickOne = <T,>(r: Rand, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
const hhmm = (r: Rand) => `${String(int(r, 0, 23)).padStart(2, "0")}:${pickOne(r, ["00", "15", "30", "45"])}`;
const vat = (r: Rand) => pickOne(r, [undefined, 0, 7, "5.5", 19, 20]);
const price = (r: Rand) => pickOne(r, [0, 12, 30, "35.5", "29.99", 120, 600, "0.125"]);

function checkInvariants(res: CostResult, label: string) {
  for (const l of res.lines) {
    assert.equal(l.amountInclVat, l.amountExclVat + l.vat, `${label}: line ${l.type}`);
    for (const v of [l.amountExclVat, l.vat, l.amountInclVat]) assert.ok(Number.isSafeInteger(v), `${label}: non-integer amount`);
  }
  const sum = (f: (l: CostResult["lines"][number]) => number) => res.lines.reduce((s, l) => s + f(l), 0);
  assert.equal(res.totalExclVat, sum((l) => l.amountExclVat), `${label}: excl total`);
  assert.equal(res.totalVat, sum((l) => l.vat), `${label}: VAT total`);
  assert.equal(res.totalInclVat, res.totalExclVat + res.totalVat, `${label}: incl total`);
}

/** ENERGY-only tariffs with kWh bands (step 1), or one element with any step; optional FLAT, VAT, min/max. */
function energyTariff(r: Rand): TTariffInput {
  const v = vat(r);
  const elements: TTariffInput["elements"] = [];
  if (r() < 0.3) elements.push({ price_components: [{ type: "FLAT", price: price(r), vat: v }] });
  if (r() < 0.5) {
    elements.push({ price_components: [{ type: "ENERGY", price: price(r), vat: v, step_size: pickOne(r, [1, 100, 1000, 5000]) }] });
  } else {
    let from = 0;
    for (let i = 0; i < int(r, 1, 3); i++) {
      const to = from + int(r, 1, 20);
      elements.push({ price_components: [{ type: "ENERGY", price: price(r), vat: v }], restrictions: { min_kwh: from, max_kwh: to } });
      from = to;
    }
    elements.push({ price_components: [{ type: "ENERGY", price: price(r), vat: v }] });
  }
  const min = r() < 0.3 ? int(r, 0, 800) : undefined;
  const max = r() < 0.3 ? (min ?? 0) + int(r, 0, 3000) : undefined;
  return tariff("EUR", elements, { min_price: min, max_price: max });
}

/** Tariffs with every kind of restriction. */
function anyTariff(r: Rand): TTariffInput {
  const elements: TTariffInput["elements"] = [];
  for (let i = 0; i < int(r, 1, 5); i++) {
    const restrictions: Record<string, unknown> = {};
    if (r() < 0.4) {
      restrictions.start_time = hhmm(r);
      let end = hhmm(r);
      while (end === restrictions.start_time) end = hhmm(r);
      restrictions.end_time = end;
    }
    if (r() < 0.2) restrictions.day_of_week = ["MONDAY", "SATURDAY", "SUNDAY"].filter(() => r() < 0.6).concat("FRIDAY");
    if (r() < 0.2) restrictions.max_kwh = int(r, 1, 30);
    if (r() < 0.2) restrictions.min_power = pickOne(r, [3, 7, 11, 50]);
    if (r() < 0.2) restrictions.min_duration = int(r, 1, 8) * 900;
    const types = (["FLAT", "ENERGY", "TIME", "PARKING_TIME"] as const).filter(() => r() < 0.5);
    if (types.length === 0) types.push("ENERGY");
    elements.push({
      price_components: types.map((type) => ({ type, price: price(r), vat: vat(r), step_size: pickOne(r, [1, 1, 60, 300, 1000]) })),
      restrictions,
    });
  }
  return tariff("EUR", elements, r() < 0.2 ? { min_price: int(r, 0, 500) } : {});
}

test("ENERGY-only tariffs: cost never falls when more energy is delivered in the same time", () => {
  const r = prng(20251121);
  for (let n = 0; n < 150; n++) {
    const t = energyTariff(r);
    const energies = Array.from({ length: 12 }, () => int(r, 0, 80_000)).sort((a, b) => a - b);
    let previous = -1;
    for (const wh of energies) {
      const s: TSessionInput = {
        startedAt: "2025-05-05T10:00:00Z", endedAt: "2025-05-05T14:00:00Z", timeZone: "Europe/Berlin", meterStartWh: 0,
        samples: [{ at: "2025-05-05T10:00:00Z", energyWh: 0 }, { at: "2025-05-05T14:00:00Z", energyWh: wh }],
      };
      const res = computeCost(t, s);
      checkInvariants(res, `tariff ${n}, ${wh} Wh`);
      assert.ok(res.totalInclVat >= previous, `tariff ${n}: ${wh} Wh costs ${res.totalInclVat} < ${previous}\n${JSON.stringify(t)}`);
      previous = res.totalInclVat;
    }
  }
});

test("any tariff: lines add up, billed energy covers the meter, time is all accounted for", () => {
  const r = prng(42);
  for (let n = 0; n < 200; n++) {
    const t = anyTariff(r);
    const start = Date.parse("2025-03-28T00:00:00Z") + int(r, 0, 10 * 24 * 60) * 60_000; // spans the DST change
    const samples = [{ at: start, energyWh: 1000 }];
    for (let i = 0; i < int(r, 1, 30); i++) {
      const last = samples[samples.length - 1];
      samples.push({ at: last.at + int(r, 1, 90) * 60_000 + int(r, 0, 999), energyWh: last.energyWh + (r() < 0.3 ? 0 : int(r, 0, 20_000)) });
    }
    const end = samples[samples.length - 1].at + (r() < 0.5 ? 0 : int(r, 1, 3600_000));
    const res = computeCost(t, { startedAt: start, endedAt: end, timeZone: "Europe/Berlin", samples });
    const label = `case ${n}`;
    checkInvariants(res, label);
    assert.equal(res.energyWh, samples[samples.length - 1].energyWh - 1000, label);
    assert.equal(Math.round(res.chargingSeconds * 1000) + Math.round(res.parkingSeconds * 1000), end - start, label);
    const billedWh = res.lines.reduce((s, l) => s + (l.type === "ENERGY" ? l.billedWh! : 0), 0);
    // energy no element prices is free; step rounding adds less than one step (at most 1000 Wh here)
    assert.ok(billedWh < res.energyWh + 1000, `${label}: billed ${billedWh} Wh for ${res.energyWh}`);
    const alwaysPriced = t.elements.some((el) => !Object.keys(el.restrictions ?? {}).length && el.price_components.some((pc) => pc.type === "ENERGY"));
    if (alwaysPriced) assert.ok(billedWh >= res.energyWh, `${label}: billed ${billedWh} Wh for ${res.energyWh}`);
    assert.ok(res.lines.filter((l) => l.type === "FLAT").length <= 1, `${label}: FLAT twice`);
  }
});

test("an extra sample that lies on the meter's straight line changes nothing", () => {
  const r = prng(7);
  for (let n = 0; n < 150; n++) {
    const t = anyTariff(r);
    // 1 Wh per second (3.6 kW): a sample at any whole second has an exact register value
    const start = Date.parse("2025-10-24T00:00:00Z") + int(r, 0, 4 * 24 * 60) * 60_000;
    const seconds = int(r, 60, 12 * 3600);
    const base: TSessionInput = {
      startedAt: start, endedAt: start + seconds * 1000, timeZone: "Europe/Berlin",
      samples: [{ at: start, energyWh: 0 }, { at: start + seconds * 1000, energyWh: seconds }],
    };
    const extra = Array.from({ length: int(r, 1, 5) }, () => int(r, 1, seconds - 1)).map((s) => ({ at: start + s * 1000, energyWh: s }));
    const a = computeCost(t, base);
    const b = computeCost(t, { ...base, samples: [...base.samples, ...extra] });
    assert.deepEqual(b, a, `case ${n}: ${JSON.stringify(t)}`);
  }
});
