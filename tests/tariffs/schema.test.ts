import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTariff, safeParseTariff, tariffFromRecord, TariffError } from "../../lib/tariffs/index.ts";

test("a valid owner tariff is normalised: prices become decimal strings, step_size defaults to 1", () => {
  const t = parseTariff({
    currency: "EUR",
    elements: [{ price_components: [{ type: "ENERGY", price: 35.5, vat: 19 }, { type: "PARKING_TIME", price: "600", step_size: 60 }] }],
    min_price: 100,
  });
  assert.deepEqual(t, {
    currency: "EUR",
    elements: [{ price_components: [{ type: "ENERGY", price: "35.5", vat: "19", step_size: 1 }, { type: "PARKING_TIME", price: "600", step_size: 60 }] }],
    min_price: 100,
  });
  // parsing twice changes nothing (tariff snapshots are stored parsed)
  assert.deepEqual(parseTariff(t), t);
});

test("OCPI-style JSON with nulls and extra fields is accepted; extras are dropped", () => {
  const t = parseTariff({
    id: "T1", country_code: "DE", party_id: "CWY", last_updated: "2025-01-01T00:00:00Z",
    currency: "EUR",
    elements: [{ price_components: [{ type: "TIME", price: 120, vat: null, step_size: 60 }], restrictions: { start_time: "08:00", end_time: null, day_of_week: null } }],
    max_price: null,
  });
  assert.deepEqual(t.elements[0].restrictions, { start_time: "08:00" });
  assert.equal("id" in t, false);
  assert.equal(t.max_price, undefined);
});

test("owner mistakes come back as one issue per field, with a path and a sentence", () => {
  const r = safeParseTariff({
    currency: "EURO",
    elements: [
      {
        price_components: [
          { type: "KWH", price: 1 },
          { type: "ENERGY", price: -3, vat: 120, step_size: 0.5 },
          { type: "TIME", price: "1.1234567" },
        ],
        restrictions: { start_time: "7:00", end_date: "2025-02-30", min_kwh: 20, max_kwh: 10, day_of_week: ["FUNDAY"], min_power: 0.0005 },
      },
    ],
    time_zone: "Europe/Atlantis",
  });
  assert.equal(r.ok, false);
  const issues = r.ok ? [] : r.issues;
  const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
  assert.equal(byPath["currency"], "currency must be an ISO 4217 code such as EUR");
  assert.match(byPath["elements[0].price_components[0].type"], /type must be one of ENERGY, TIME, PARKING_TIME, FLAT/);
  assert.equal(byPath["elements[0].price_components[1].price"], "price must not be negative");
  assert.equal(byPath["elements[0].price_components[1].vat"], "vat must be at most 100");
  assert.equal(byPath["elements[0].price_components[1].step_size"], "step_size must be a whole number");
  assert.equal(byPath["elements[0].price_components[2].price"], 'price "1.1234567" has more than 6 decimal places');
  assert.match(byPath["elements[0].restrictions.start_time"], /HH:MM/);
  assert.equal(byPath["elements[0].restrictions.end_date"], "not a real calendar date");
  assert.match(byPath["elements[0].restrictions.day_of_week[0]"], /day_of_week entries must be one of MONDAY/);
  assert.equal(byPath["time_zone"], "time_zone must be an IANA zone such as Europe/Berlin");
  assert.ok(!("elements[0].restrictions.min_power" in byPath), "0.0005 kW is a valid (if odd) bound");
});

test("cross-field rules: ranges, equal times, reservation tariffs, min above max", () => {
  const issuesOf = (input: unknown) => {
    const r = safeParseTariff(input);
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  };
  const el = (restrictions: object) => ({ currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: 1 }], restrictions }] });
  assert.deepEqual(issuesOf(el({ min_kwh: 20, max_kwh: 10 })), ["elements[0].restrictions.max_kwh: max_kwh must be greater than min_kwh"]);
  assert.deepEqual(issuesOf(el({ start_time: "10:00", end_time: "10:00" })), ["elements[0].restrictions.end_time: start_time and end_time are equal; leave both out for the whole day"]);
  assert.deepEqual(issuesOf(el({ start_date: "2025-02-01", end_date: "2025-01-01" })), ["elements[0].restrictions.end_date: end_date must be after start_date"]);
  assert.deepEqual(issuesOf(el({ min_kwh: 1.0005 })), ["elements[0].restrictions.min_kwh: min_kwh may have at most 3 decimals (whole Wh)"]);
  assert.deepEqual(issuesOf(el({ reservation: "RESERVATION" })), ["elements[0].restrictions.reservation: reservation tariffs are not supported"]);
  assert.deepEqual(issuesOf(el({ day_of_week: ["MONDAY", "MONDAY"] })), ["elements[0].restrictions.day_of_week: day_of_week lists a day twice"]);
  assert.deepEqual(issuesOf({ currency: "EUR", elements: [{ price_components: [{ type: "FLAT", price: 1 }] }], min_price: 500, max_price: 100 }), ["max_price: max_price must not be below min_price"]);
  assert.deepEqual(issuesOf({ currency: "EUR", elements: [{ price_components: [{ type: "TIME", price: 1 }, { type: "TIME", price: 2 }] }] }), ["elements[0].price_components[1].type: TIME appears twice in one element"]);
  assert.deepEqual(issuesOf({ currency: "EUR", elements: [{ price_components: [] }] }), ["elements[0].price_components: each element needs at least one price component"]);
  assert.deepEqual(issuesOf({ currency: "EUR", elements: [{ price_components: [{ type: "FLAT", price: 1 }] }], min_price: 1.5 }), ["min_price: min_price must be whole minor units"]);
});

test("parseTariff throws a TariffError whose message lists every problem", () => {
  assert.throws(
    () => parseTariff({ currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: "abc" }] }] }),
    (e: unknown) => e instanceof TariffError && e.message === 'invalid tariff: elements[0].price_components[0].price: price "abc" is not a decimal number' && e.issues.length === 1,
  );
});

test("tariffFromRecord reads a Prisma Tariff row", () => {
  const t = tariffFromRecord({ currency: "EUR", elements: [{ price_components: [{ type: "ENERGY", price: 30 }] }], minPriceMinor: 100, maxPriceMinor: null }, "Europe/Berlin");
  assert.equal(t.min_price, 100);
  assert.equal(t.max_price, undefined);
  assert.equal(t.time_zone, "Europe/Berlin");
});
