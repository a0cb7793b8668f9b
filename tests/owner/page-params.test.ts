// QA findings 12, 16, 17, 20: what the owner pages make of their links and
// how they say numbers and codes. Pure functions, no database.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readMonthParam, readPeriodParams, statementMonthOf } from "../../lib/owner/period-params.ts";
import { amenityName, plugNames, reviewAverage } from "../../lib/owner/display.ts";

const UUID = "6f1c2a9e-4b1d-4c1e-9a57-0d3f1e2b3c4d";

test("a bad period, station or preset in the link is reported with this month's view, never silently replaced", () => {
  assert.deepEqual(readPeriodParams({ from: "abc", to: "xyz" }), { kind: "preset", preset: "month", stationId: null, error: "owner.err.periodParam" });
  assert.equal(readPeriodParams({ from: "2026-02-31", to: "2026-03-05" }).error, "owner.err.periodParam");
  assert.equal(readPeriodParams({ from: "2026-03-01" }).error, "owner.err.periodParam");
  assert.deepEqual(readPeriodParams({ station: "abc" }), { kind: "preset", preset: "month", stationId: null, error: "owner.err.stationParam" });
  assert.equal(readPeriodParams({ preset: "decade" }).error, "owner.err.presetParam");
  // Good links are read as they are.
  assert.deepEqual(readPeriodParams({ from: "2026-03-01", to: "2026-03-31", station: UUID }), { kind: "range", from: "2026-03-01", to: "2026-03-31", stationId: UUID, error: null });
  assert.deepEqual(readPeriodParams({ preset: "year" }), { kind: "preset", preset: "year", stationId: null, error: null });
  assert.deepEqual(readPeriodParams({}), { kind: "preset", preset: "month", stationId: null, error: null });
});

test("payouts ?month= must be YYYY-MM with a real month", () => {
  const now = new Date("2026-11-21T10:00:00Z");
  assert.deepEqual(readMonthParam("abc", "Europe/Berlin", now), { month: "2026-11", error: "owner.err.monthParam" });
  assert.deepEqual(readMonthParam("2026-99", "Europe/Berlin", now), { month: "2026-11", error: "owner.err.monthParam" });
  assert.deepEqual(readMonthParam("2026-03", "Europe/Berlin", now), { month: "2026-03", error: null });
  assert.deepEqual(readMonthParam(undefined, "Europe/Berlin", now), { month: "2026-11", error: null });
});

test("the earnings page links the statement of the period's last month that has begun", () => {
  const now = new Date("2026-11-21T10:00:00Z");
  assert.equal(statementMonthOf({ from: "2026-01-01", to: "2026-12-31" }, "UTC", now), "2026-11");
  assert.equal(statementMonthOf({ from: "2026-03-01", to: "2026-03-31" }, "UTC", now), "2026-03");
  assert.equal(statementMonthOf({ from: "2026-10-15", to: "2026-11-14" }, "UTC", now), "2026-11");
});

test("review averages use plural forms and the locale's decimal separator; codes get human names", () => {
  assert.equal(reviewAverage(4, 1, "en"), "Average 4.0 of 5 from 1 review");
  assert.equal(reviewAverage(4.25, 3, "en"), "Average 4.3 of 5 from 3 reviews");
  assert.equal(reviewAverage(4, 1, "ru"), "Средняя оценка 4,0 из 5, 1 отзыв");
  assert.equal(reviewAverage(3.5, 3, "ru"), "Средняя оценка 3,5 из 5, 3 отзыва");
  assert.equal(reviewAverage(5, 11, "ru"), "Средняя оценка 5,0 из 5, 11 отзывов");
  assert.equal(reviewAverage(5, 21, "ru"), "Средняя оценка 5,0 из 5, 21 отзыв");
  assert.equal(plugNames(["CCS", "TYPE2", "CHADEMO"], "en"), "CCS, Type 2, CHAdeMO");
  assert.equal(plugNames(["OTHER"], "ru"), "Другой");
  assert.equal(amenityName("cafe", "Café", "en"), "Café");
  assert.notEqual(amenityName("restroom", "Restroom", "ru"), "Restroom");
  assert.equal(amenityName("helipad", "Helipad", "ru"), "Helipad");
});
