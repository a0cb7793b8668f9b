// What people read: units, zones, country and connector names, ledger lines in their language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatEventTime, formatKw, formatKwh, isTimeZone } from "../lib/format.ts";
import { cardBrandName, connectorLabel, countryName, ledgerDescription } from "../lib/i18n/labels.ts";

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

test("energy and power units are Russian on Russian pages, English otherwise", () => {
  assert.equal(plain(formatKwh(150, "en")), "0.15 kWh");
  assert.equal(plain(formatKwh(150, "ru")), "0,15 кВт·ч");
  assert.equal(plain(formatKwh(51, "ru", 3)), "0,051 кВт·ч");
  assert.equal(plain(formatKw(150, "en")), "150 kW");
  assert.equal(plain(formatKw(150, "ru")), "150 кВт");
  assert.equal(plain(formatKw(3.7, "ru")), "3,7 кВт");
});

test("an event at a station is shown on the station's clock and names the zone when the viewer is elsewhere", () => {
  const at = new Date("2026-11-21T08:52:00Z");
  assert.equal(plain(formatEventTime(at, "en", "Europe/Berlin", "Europe/Berlin")), "Nov 21, 2026, 9:52 AM");
  assert.equal(plain(formatEventTime(at, "en", "Europe/Berlin", "UTC")), "Nov 21, 2026, 9:52 AM (Berlin)");
  assert.equal(plain(formatEventTime(at, "en", "UTC", "America/New_York")), "Nov 21, 2026, 8:52 AM (UTC)");
  // Same clock under another name: no label.
  assert.equal(plain(formatEventTime(at, "en", "Europe/Paris", "Europe/Berlin")), "Nov 21, 2026, 9:52 AM");
  // A zone Intl does not know falls back to the viewer's.
  assert.equal(plain(formatEventTime(at, "en", "Mars/Olympus", "Europe/Berlin")), "Nov 21, 2026, 9:52 AM");
});

test("only zones Intl knows are accepted", () => {
  assert.ok(isTimeZone("Europe/Berlin"));
  assert.ok(isTimeZone("UTC"));
  assert.ok(!isTimeZone("Europe/Nowhere"));
  assert.ok(!isTimeZone("; drop table"));
  assert.ok(!isTimeZone(""));
  assert.ok(!isTimeZone(undefined));
});

test("connector codes, countries and card brands have human names in both languages", () => {
  assert.equal(connectorLabel("TYPE2", "en"), "Type 2");
  assert.equal(connectorLabel("CHADEMO", "ru"), "CHAdeMO");
  assert.equal(connectorLabel("OTHER", "ru"), "Другой");
  assert.equal(connectorLabel("NACS_FUTURE", "en"), "NACS_FUTURE");
  assert.equal(countryName("DEU", "en"), "Germany");
  assert.equal(countryName("DEU", "ru"), "Германия");
  assert.equal(countryName("FR", "en"), "France");
  assert.equal(countryName("XYZ", "en"), "XYZ");
  assert.equal(cardBrandName("visa"), "Visa");
  assert.equal(cardBrandName("amex"), "American Express");
});

test("wallet ledger lines stored in English are shown in the viewer's language", () => {
  assert.equal(ledgerDescription("Top-up by card", "ru"), "Пополнение картой");
  assert.equal(ledgerDescription("Welcome credit", "ru"), "Приветственный бонус");
  assert.equal(ledgerDescription("Welcome credit", "en"), "Welcome credit");
  assert.equal(ledgerDescription("Booking at Kreuzberg Courtyard", "ru"), "Бронирование: Kreuzberg Courtyard");
  assert.equal(ledgerDescription("Charging at Mitte (above the hold)", "ru"), "Зарядка: Mitte (сверх блокировки)");
  assert.equal(ledgerDescription("Refund: duplicate charge", "ru"), "Возврат: duplicate charge");
  assert.equal(ledgerDescription("Something new", "ru"), "Something new");
});
