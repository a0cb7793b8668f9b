// Pure parsing and normalisation of OCPI Locations and Tariffs.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FeedError, parseFeed } from "../../lib/ocpi/parse-feed.ts";
import { normaliseLocation } from "../../lib/ocpi/normalise-location.ts";
import { availabilityOf, chargingSpeedOf, connectorPower, connectorStatusOf, connectorTypeOf } from "../../lib/ocpi/connectors.ts";
import { normaliseTimeZone } from "../../lib/ocpi/time-zone.ts";
import { normaliseOpeningTimes } from "../../lib/ocpi/opening-hours.ts";
import { normaliseTariff } from "../../lib/ocpi/tariffs.ts";

const DATA = path.resolve("../shared/data/ocpi");
const real = (file: string) => parseFeed(readFileSync(path.join(DATA, file))).records as Record<string, unknown>[];
const fixture = (file: string) => readFileSync(path.resolve("tests/fixtures/ocpi", file));

describe("parseFeed", () => {
  test("reads bytes and text with a byte-order mark, inside the OCPI envelope", () => {
    const bytes = fixture("quirky-locations.json");
    assert.equal(bytes[0], 0xef);
    const fromBytes = parseFeed(bytes);
    assert.equal(fromBytes.records.length, 6);
    assert.match(fromBytes.notes.join(), /byte-order mark/);
    assert.equal(parseFeed(bytes.toString("utf8")).records.length, 6);
  });

  test("reads a bare array (evio) and says so", () => {
    const feed = parseFeed(readFileSync(path.join(DATA, "ocpi_2_2_locations-evio.json")));
    assert.equal(feed.records.length, 21);
    assert.match(feed.notes.join(), /bare JSON array/);
  });

  test("refuses an OCPI error response, invalid JSON and an empty body with a clear message", () => {
    assert.throws(() => parseFeed('{"status_code":2001,"status_message":"Invalid or missing parameters"}'), (e: Error) => e instanceof FeedError && /2001.*Invalid/.test(e.message));
    assert.throws(() => parseFeed("{not json"), /not valid JSON/);
    assert.throws(() => parseFeed("\ufeff  "), /empty/);
    assert.throws(() => parseFeed('"hello"'), /neither an OCPI envelope nor a JSON array/);
  });
});

describe("connector vocabulary", () => {
  test("OCPI standards map to our plug types", () => {
    const cases: [string, string][] = [
      ["IEC_62196_T2", "TYPE2"], ["IEC_62196_T2_COMBO", "CCS"], ["IEC_62196_T1", "TYPE1"], ["IEC_62196_T1_COMBO", "CCS"],
      ["CHADEMO", "CHADEMO"], ["TESLA_S", "TESLA"], ["TESLA_R", "TESLA"], ["GBT_DC", "GBT"], ["GBT_AC", "GBT"],
      ["DOMESTIC_F", "SCHUKO"], ["DOMESTIC_G", "OTHER"], ["IEC_60309_2_three_32".toUpperCase(), "OTHER"],
    ];
    for (const [std, type] of cases) assert.deepEqual(connectorTypeOf(std), { type }, std);
    assert.equal(connectorTypeOf("GB/T (DC)").type, "GBT");
    assert.match(connectorTypeOf("GB/T (DC)").reason!, /not an OCPI value/);
    assert.match(connectorTypeOf("FOO").reason!, /unknown; shown as OTHER/);
  });

  test("EVSE statuses map to what a driver sees", () => {
    assert.equal(connectorStatusOf("AVAILABLE"), "AVAILABLE");
    assert.equal(connectorStatusOf("CHARGING"), "CHARGING");
    assert.equal(connectorStatusOf("RESERVED"), "RESERVED");
    assert.equal(connectorStatusOf("OUTOFORDER"), "FAULTED");
    assert.equal(connectorStatusOf("BLOCKED"), "UNAVAILABLE");
    assert.equal(connectorStatusOf("INOPERATIVE"), "UNAVAILABLE");
    assert.equal(connectorStatusOf("PLANNED"), "UNKNOWN");
    assert.equal(connectorStatusOf("UNKNOWN"), "UNKNOWN");
    assert.equal(availabilityOf(["FAULTED", "CHARGING"]), "BUSY");
    assert.equal(availabilityOf(["FAULTED", "AVAILABLE"]), "AVAILABLE");
    assert.equal(availabilityOf(["FAULTED", "UNAVAILABLE"]), "OUT_OF_ORDER");
    assert.equal(availabilityOf([]), "UNKNOWN");
  });

  test("power: W, kW sent as W, voltage x amperage x phases", () => {
    assert.deepEqual(connectorPower({ powerType: "AC_3_PHASE", maxElectricPower: 22000, voltage: 400, amperage: 32 }), { maxPowerKw: 22, maxVoltage: 400, maxAmperage: 32, reasons: [] });
    const kw = connectorPower({ powerType: "AC_3_PHASE", maxElectricPower: 22, voltage: 400, amperage: 32 });
    assert.equal(kw.maxPowerKw, 22);
    assert.match(kw.reasons[0], /looks like kW/);
    assert.equal(connectorPower({ powerType: "DC", voltage: 400, amperage: 125 }).maxPowerKw, 50); // fastned 2.1.1
    assert.equal(connectorPower({ powerType: "AC_3_PHASE", voltage: 230, amperage: 32 }).maxPowerKw, 22.1);
    assert.equal(connectorPower({ powerType: "AC_1_PHASE", voltage: 230, amperage: 16 }).maxPowerKw, 3.7);
    const lineToLine = connectorPower({ powerType: "AC_3_PHASE", voltage: 400, amperage: 32 });
    assert.equal(lineToLine.maxPowerKw, 22.2);
    assert.match(lineToLine.reasons[0], /line-to-line/);
    const unknown = connectorPower({ powerType: "DC" });
    assert.equal(unknown.maxPowerKw, 0);
    assert.match(unknown.reasons[0], /power unknown/);
    assert.deepEqual([chargingSpeedOf(11), chargingSpeedOf(22), chargingSpeedOf(99.9), chargingSpeedOf(100)], ["SLOW", "FAST", "FAST", "SUPERFAST"]);
  });
});

describe("time zones and opening hours", () => {
  test("an invalid IANA name is corrected when one zone fits, else the country's zone or UTC", () => {
    assert.deepEqual(normaliseTimeZone("Europe/Amsterdam", "NL"), { timeZone: "Europe/Amsterdam" });
    const kl = normaliseTimeZone("Asia/Kuala Lumpur", "MY");
    assert.equal(kl.timeZone, "Asia/Kuala_Lumpur");
    assert.match(kl.reason!, /not a valid IANA name; corrected/);
    assert.equal(normaliseTimeZone("The Netherlands/Amsterdam", "NL").timeZone, "Europe/Amsterdam");
    const de = normaliseTimeZone("Germany", "DE");
    assert.equal(de.timeZone, "Europe/Berlin");
    assert.match(de.reason!, /time zone of DE/);
    const none = normaliseTimeZone("Mars/Olympus", "US");
    assert.equal(none.timeZone, "UTC");
    assert.match(none.reason!, /used UTC/);
    assert.deepEqual(normaliseTimeZone(undefined, "NL"), { timeZone: "Europe/Amsterdam" });
  });

  test("opening_times become is24x7 or working hours per weekday", () => {
    assert.deepEqual(normaliseOpeningTimes({ twentyfourseven: true }), { is24x7: true, workingHours: null, reasons: [] });
    assert.deepEqual(normaliseOpeningTimes(undefined), { is24x7: true, workingHours: null, reasons: [] });
    const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, period_begin: "08:00", period_end: "20:00" }));
    const r = normaliseOpeningTimes({ twentyfourseven: false, regular_hours: [...week, { weekday: 6, period_begin: "14:00", period_end: "18:00" }, { weekday: 6, period_begin: "09:00", period_end: "12:00" }] });
    assert.equal(r.is24x7, false);
    assert.deepEqual(r.workingHours!.mon, [["08:00", "20:00"]]);
    assert.deepEqual(r.workingHours!.sat, [["09:00", "12:00"], ["14:00", "18:00"]]);
    assert.equal(r.workingHours!.sun, undefined); // closed
    // chargesini: every day 00:00-23:59 with twentyfourseven false is open around the clock.
    const cs = real("ocpi_2_2_locations-chargesini.json")[0];
    assert.equal(normaliseOpeningTimes(cs.opening_times).is24x7, true);
    const bad = normaliseOpeningTimes({ regular_hours: [{ weekday: 9, period_begin: "8", period_end: "x" }, ...week] });
    assert.match(bad.reasons[0], /ignored opening period/);
  });
});

describe("normaliseLocation on real records", () => {
  test("OCPI 2.1.1 (fastned): voltage/amperage, tariff_id, 2.1.1 field names", () => {
    const { location, outcome } = normaliseLocation(real("ocpi_2_1_1_locations-fastned.json")[0]);
    assert.equal(outcome.action, "ok");
    assert.equal(location!.externalId, "50106");
    assert.equal(location!.country, "NL");
    assert.equal(location!.lat, 51.98424);
    const c = location!.connectors[0];
    assert.deepEqual([c.evseUid, c.externalId, c.type, c.powerType, c.maxPowerKw, c.status, c.tariffExternalId], ["5000326", "1", "CCS", "DC", 50, "AVAILABLE", "1"]);
  });

  test("OCPI 2.2.1 (ev24): power in kW and a country name are corrected with reasons", () => {
    const { location, outcome } = normaliseLocation(real("ocpi_2_2_1_locations-ev24.json")[0]);
    assert.equal(outcome.action, "corrected");
    assert.equal(location!.country, "PL");
    assert.equal(location!.connectors[0].maxPowerKw, 22);
    assert.ok(outcome.reasons.some((r) => /"Polska"/.test(r)));
    assert.ok(outcome.reasons.some((r) => /looks like kW/.test(r)));
  });

  test("gaia: country_code FR vs country ESP is noted, the location's country wins; REMOVED EVSE is hidden", () => {
    const { location, outcome } = normaliseLocation(real("ocpi_2_2_locations-gaia.json")[0]);
    assert.equal(location!.country, "ES");
    assert.ok(outcome.reasons.some((r) => /country_code FR conflicts with country ESP/.test(r)));
    assert.equal(location!.connectors[0].removed, true);
  });

  test("chargesini: time zone corrected, publish false kept, statuses mapped", () => {
    const records = real("ocpi_2_2_locations-chargesini.json");
    const hidden = records.find((r) => r.publish === false)!;
    const { location, outcome } = normaliseLocation(hidden);
    assert.equal(location!.timeZone, "Asia/Kuala_Lumpur");
    assert.equal(location!.publish, false);
    assert.equal(outcome.action, "corrected");
  });

  test("evio: CCS labelled AC_3_PHASE is read as DC; no opening_times is fine", () => {
    const records = real("ocpi_2_2_locations-evio.json");
    const withCcs = records.find((r) => JSON.stringify(r).includes("IEC_62196_T2_COMBO"))!;
    const { location, outcome } = normaliseLocation(withCcs);
    const ccs = location!.connectors.find((c) => c.type === "CCS")!;
    assert.equal(ccs.powerType, "DC");
    assert.ok(outcome.reasons.some((r) => /DC plug but power_type is AC_3_PHASE/.test(r)));
    assert.equal(location!.is24x7, true);
  });

  test("missing id or coordinates rejects the record with a reason; missing optional objects do not", () => {
    const records = parseFeed(fixture("quirky-locations.json")).records;
    const outcomes = records.map((r) => normaliseLocation(r).outcome);
    assert.deepEqual(outcomes.find((o) => o.id === "NO-COORDS"), { id: "NO-COORDS", action: "rejected", reasons: ["coordinates are missing"] });
    assert.deepEqual(outcomes.find((o) => o.id === "(no id)"), { id: "(no id)", action: "rejected", reasons: ["id is missing"] });
    const bare = normaliseLocation(records[5]);
    assert.equal(bare.outcome.action, "corrected"); // no name: shown as the address
    assert.deepEqual(bare.outcome.reasons, ['name is missing; shown as "Hauptstr. 1"']);
    assert.deepEqual(bare.location!.connectors, []);
    assert.deepEqual(normaliseLocation("nope").outcome.action, "rejected");
    assert.equal(normaliseLocation({ id: "X", coordinates: { latitude: "95", longitude: "1" } }).outcome.reasons[0], "coordinates 95,1 are out of range");
  });
});

describe("normaliseTariff", () => {
  const tariffs = parseFeed(fixture("chargesini-tariffs.json")).records;

  test("prices become exact minor-unit decimals, min_price excl. VAT in minor units", () => {
    const { tariff, outcome } = normaliseTariff(tariffs[0]);
    assert.equal(outcome.action, "ok");
    assert.equal(tariff!.currency, "MYR");
    assert.deepEqual(tariff!.elements[0].price_components[0], { type: "ENERGY", price: "80", vat: "6", step_size: 1 });
    assert.equal(tariff!.minPriceMinor, 150);
    assert.equal(tariff!.pricePerKwhMinor, 80);
    assert.match(tariff!.text, /0\.80\/kWh/);
  });

  test("restricted elements are kept; the text and per-kWh price come from the unrestricted one", () => {
    const { tariff } = normaliseTariff(tariffs[1]);
    assert.equal(tariff!.elements.length, 2);
    assert.equal(tariff!.elements[1].price_components[0].price, "1200");
    assert.equal(tariff!.pricePerKwhMinor, 115);
    assert.match(tariff!.text, /\/h idle/);
  });

  test("2.1.1 alt text is the station text; step_size 0 is read as 1; an invalid tariff is rejected", () => {
    const { tariff } = normaliseTariff(tariffs[2]);
    assert.equal(tariff!.text, "RM0.75 per kWh");
    assert.equal(tariff!.elements[0].price_components[0].step_size, 1);
    const broken = normaliseTariff(tariffs[3]).outcome;
    assert.equal(broken.action, "rejected");
    assert.equal(broken.id, "tariff:BROKEN");
    assert.ok(broken.reasons.some((r) => /currency/.test(r)));
  });
});
