import { test } from "node:test";
import assert from "node:assert/strict";
import { computeCost, describeTariff, simpleTariff } from "../../lib/tariffs/index.ts";
import { sampledSession, tariff } from "./helpers.ts";

const nbsp = (lines: string[]) => lines.map((l) => l.replace(/\s/g, " "));

const rich = tariff("EUR", [
  { price_components: [{ type: "FLAT", price: 50, vat: 19 }] },
  { price_components: [{ type: "ENERGY", price: 25, vat: 19 }], restrictions: { start_time: "22:00", end_time: "06:00", day_of_week: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"] } },
  { price_components: [{ type: "ENERGY", price: "35.5", vat: 19 }, { type: "TIME", price: 0, vat: 19 }], restrictions: { max_kwh: 10 } },
  { price_components: [{ type: "ENERGY", price: 30, vat: 19 }, { type: "PARKING_TIME", price: 200, vat: 19 }], restrictions: { min_duration: 7200 } },
  { price_components: [{ type: "ENERGY", price: 40, vat: 19 }], restrictions: { min_power: 50 } },
], { min_price: 100, max_price: 5000 });

test("describeTariff in English", () => {
  assert.deepEqual(nbsp(describeTariff(rich, "en")), [
    "€0.50 per session",
    "€0.25/kWh (22:00–06:00, Mon–Fri)",
    "€0.355/kWh (up to 10 kWh)",
    "€0.00/h charging (up to 10 kWh)",
    "€0.30/kWh (after 2 h)",
    "€2.00/h idle (after 2 h)",
    "€0.40/kWh (from 50 kW)",
    "Prices exclude 19% VAT",
    "Minimum €1.00 per session",
    "Maximum €50.00 per session",
  ]);
});

test("describeTariff in Russian", () => {
  assert.deepEqual(nbsp(describeTariff(rich, "ru")), [
    "0,50 € за сессию",
    "0,25 €/кВт·ч (22:00–06:00, Пн–Пт)",
    "0,355 €/кВт·ч (до 10 кВт·ч)",
    "0,00 €/ч зарядки (до 10 кВт·ч)",
    "0,30 €/кВт·ч (после 2 ч)",
    "2,00 €/ч простоя (после 2 ч)",
    "0,40 €/кВт·ч (от 50 кВт)",
    "Цены без НДС 19%",
    "Минимум 1,00 € за сессию",
    "Максимум 50,00 € за сессию",
  ]);
});

test("mixed VAT rates are shown per line; no VAT line when no component has VAT", () => {
  const mixed = tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30, vat: "5.5" }, { type: "PARKING_TIME", price: 600 }], restrictions: { max_duration: 5400 } }]);
  assert.deepEqual(nbsp(describeTariff(mixed, "en")), ["€0.30/kWh (first 1 h 30 min) + 5.5% VAT", "€6.00/h idle (first 1 h 30 min)"]);
  assert.deepEqual(nbsp(describeTariff(mixed, "ru")), ["0,30 €/кВт·ч (первые 1 ч 30 мин) + НДС 5,5%", "6,00 €/ч простоя (первые 1 ч 30 мин)"]);
  assert.deepEqual(describeTariff(tariff("EUR", [{ price_components: [{ type: "ENERGY", price: 30 }] }])), ["€0.30/kWh"]);
});

test("simpleTariff maps seed 002 prices: per kWh -> ENERGY, per hour -> TIME and PARKING_TIME", () => {
  const t = simpleTariff({ currency: "EUR", pricePerKwhMinor: 35, pricePerHourMinor: 200, vatPercent: 19 });
  assert.deepEqual(t, {
    currency: "EUR",
    elements: [{ price_components: [
      { type: "ENERGY", price: "35", vat: "19", step_size: 1 },
      { type: "TIME", price: "200", vat: "19", step_size: 1 },
      { type: "PARKING_TIME", price: "200", vat: "19", step_size: 1 },
    ] }],
  });
  assert.deepEqual(nbsp(describeTariff(t, "en")), ["€0.35/kWh", "€2.00/h charging", "€2.00/h idle", "Prices exclude 19% VAT"]);
  // 10 kWh in 1 h, then 30 min plugged in: 350 (VAT 66.5 -> 67) + 200 (38) + 100 (19)
  const r = computeCost(t, sampledSession([["2025-05-05T10:00:00Z", 0], ["2025-05-05T11:00:00Z", 10_000], ["2025-05-05T11:30:00Z", 10_000]]));
  assert.deepEqual(r.lines.map((l) => [l.type, l.amountExclVat, l.vat]), [["ENERGY", 350, 67], ["TIME", 200, 38], ["PARKING_TIME", 100, 19]]);
  assert.deepEqual([r.totalExclVat, r.totalVat, r.totalInclVat], [650, 124, 774]);
});

test("simpleTariff: energy only, free, and refused input", () => {
  assert.deepEqual(simpleTariff({ currency: "EUR", pricePerKwhMinor: "29.9" }).elements[0].price_components, [{ type: "ENERGY", price: "29.9", step_size: 1 }]);
  assert.deepEqual(simpleTariff({ currency: "EUR", pricePerKwhMinor: 0, pricePerHourMinor: null }).elements[0].price_components, [{ type: "ENERGY", price: "0", step_size: 1 }]);
  assert.throws(() => simpleTariff({ currency: "EUR", pricePerKwhMinor: -5 }), /pricePerKwhMinor must be a non-negative number/);
  assert.throws(() => simpleTariff({ currency: "XYZ1", pricePerKwhMinor: 5 }), /currency must be an ISO 4217 code/);
});
