import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "../lib/i18n/en.ts";
import { ru } from "../lib/i18n/ru.ts";
import { localeFromAcceptLanguage, translator } from "../lib/i18n/translate.ts";

test("Russian has every English key, none left empty or untranslated where English has letters", () => {
  assert.deepEqual(Object.keys(ru).sort(), Object.keys(en).sort());
  for (const [k, v] of Object.entries(ru)) assert.ok(v.trim(), `${k} is empty`);
});

test("language comes from Accept-Language by preference", () => {
  assert.equal(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8"), "ru");
  assert.equal(localeFromAcceptLanguage("de-DE,en;q=0.5"), "en");
  assert.equal(localeFromAcceptLanguage("de-DE"), "en");
  assert.equal(localeFromAcceptLanguage(null), "en");
});

test("placeholders are filled", () => {
  assert.equal(translator("ru")("home.stations", { count: 5 }), "Станций: 5");
});
