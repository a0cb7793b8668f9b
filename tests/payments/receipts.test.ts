// Receipts: who may read them, what a booking receipt says, and that the
// hand-written PDF is well-formed (every xref offset points at its object).
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { createBooking, runBookingSweep } from "../../lib/booking/index.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { buildPdf, loadReceipt, receiptPdf } from "../../lib/receipts/index.ts";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { VISA, makeUser, reference } from "./helpers.ts";
import { pdfObjects, pdfText } from "./pdf-text.ts";

let t: TestDb;
before(async () => { delete process.env.STRIPE_SECRET_KEY; t = await freshDatabase(); });
after(async () => t.close());
beforeEach(async () => { await truncateAll(t.db); await reference(t.db); });

test("the PDF writer produces a well-formed file with an embedded Unicode font: brackets, € and Cyrillic come back as written", () => {
  const pdf = buildPdf([{ texts: [{ x: 50, y: 800, text: "Total (incl. VAT) € 12.34 \\ Зарядка" }] }, { texts: [{ x: 50, y: 800, text: "Итого", bold: true, align: "right" }] }], { title: "Чек" });
  const objects = pdfObjects(pdf);
  const all = [...objects.values()].map((o) => o.dict).join("\n");
  assert.match(all, /\/Count 2/);
  assert.match(all, /\/Subtype \/CIDFontType2/);
  assert.match(all, /\/Encoding \/Identity-H/);
  assert.match(all, /\/FontFile2 \d+ 0 R/);
  assert.deepEqual(pdfText(pdf), ["Total (incl. VAT) € 12.34 \\ Зарядка", "Итого"]);
  // The font is a subset: a receipt stays small although the TTFs are ~700 KB each.
  assert.ok(pdf.length < 60_000, `${pdf.length} bytes`);
});

test("a receipt for a Russian-named station, read in Russian, carries the Cyrillic name, address and labels", async () => {
  const station = await t.db.station.create({ data: { name: "Станция «Ленинский проспект»", address: "Ленинский пр., 32", city: "Москва", lat: 55.7, lng: 37.6, connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 11, status: "AVAILABLE" } } }, include: { connectors: true } });
  const u = await t.db.user.update({ where: { id: (await makeUser(t.db)).id }, data: { name: "Анна Иванова" } });
  const start = new Date(Date.now() + 60_000);
  const b = await createBooking(t.db, u, { stationId: station.id, connectorId: station.connectors[0]!.id, startsAt: start, durationMinutes: 30 }, VISA);
  await runBookingSweep(t.db, new Date(start.getTime() + 20 * 60_000));
  const lines = pdfText(receiptPdf(await loadReceipt(t.db, { id: u.id, isAdmin: false }, "booking", b.id), "ru"));
  assert.ok(lines.includes("Станция: Станция «Ленинский проспект»"), lines.join(" | "));
  assert.ok(lines.some((l) => l.startsWith("Ленинский пр., 32") && l.includes("Москва")));
  assert.ok(lines.some((l) => l.startsWith("Клиент: Анна Иванова")));
  assert.ok(lines.includes("Итого"));
  assert.ok(lines.some((l) => l.includes("7,00") && l.includes("€")), "the total in euros, Russian format");
  assert.ok(!lines.some((l) => l.includes("?") || l.includes("\uFFFD")), "nothing replaced");
});

test("a no-show booking's receipt lists reservation and no-show fee; only its driver and admins can read it", async () => {
  const station = await t.db.station.create({ data: { name: "Receipt station", lat: 52.5, lng: 13.4, connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 11, status: "AVAILABLE" } } }, include: { connectors: true } });
  const [u, other, admin] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db, "ADMIN")];
  const start = new Date(Date.now() + 60_000);
  const b = await createBooking(t.db, u, { stationId: station.id, connectorId: station.connectors[0]!.id, startsAt: start, durationMinutes: 30 }, VISA);
  await runBookingSweep(t.db, new Date(start.getTime() + 20 * 60_000));
  const r = await loadReceipt(t.db, { id: u.id, isAdmin: false }, "booking", b.id);
  assert.deepEqual(r.lines.map((l) => [l.label, l.amountInclVat]), [["Reservation fee", 200], ["No-show fee", 500]]);
  assert.equal(r.totalInclVat, 700);
  assert.equal(r.payment?.last4, "4242");
  assert.equal((await loadReceipt(t.db, { id: admin.id, isAdmin: true }, "booking", b.id)).totalInclVat, 700);
  await assert.rejects(loadReceipt(t.db, { id: other.id, isAdmin: false }, "booking", b.id), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
  const lines = pdfText(receiptPdf(r));
  assert.ok(lines.includes("No-show fee"));
  assert.ok(lines.includes("€7.00"), `the total in euros: ${lines.join(" | ")}`);
});

test("a session receipt read in Russian: translated line labels and units, kWh to 3 decimals in both the metered energy and the line (web and PDF)", async () => {
  const station = await t.db.station.create({ data: { name: "Receipt units", lat: 52.5, lng: 13.4, connectors: { create: { connectorId: 1, type: "TYPE2", maxPowerKw: 11, status: "AVAILABLE" } } } });
  const u = await makeUser(t.db);
  const s = await t.db.chargingSession.create({
    data: {
      userId: u.id, stationId: station.id, connectorNumber: 1, status: "COMPLETED", transactionId: 909, startedAt: new Date(Date.now() - 600_000), endedAt: new Date(), energyWh: 51, costMinor: 3, currency: "EUR",
      sessionData: { cost: { currency: "EUR", energyWh: 51, totalExclVat: 2, totalVat: 1, totalInclVat: 3, chargingSeconds: 600, parkingSeconds: 0,
        lines: [{ type: "ENERGY", elementIndex: 0, quantity: 0.051, unit: "kWh", billedWh: 51, unitPrice: "49", amountExclVat: 2, vatPercent: "19", vat: 1, amountInclVat: 3, restrictionLabel: "" }] } },
    },
  });
  const r = await loadReceipt(t.db, { id: u.id, isAdmin: false }, "session", s.id);
  const { receiptLineText } = await import("../../lib/receipts/line-text.ts");
  const plain = (x: { label: string; detail: string }) => ({ label: x.label, detail: x.detail.replace(/\s/g, " ") });
  assert.deepEqual(plain(receiptLineText(r.lines[0]!, "EUR", "ru")), { label: "Энергия", detail: "0,051 кВт·ч × 0,49 €/кВт·ч" });
  assert.deepEqual(plain(receiptLineText(r.lines[0]!, "EUR", "en")), { label: "Energy", detail: "0.051 kWh × €0.49/kWh" });
  const lines = pdfText(receiptPdf(r, "ru")).map((l) => l.replace(/\s/g, " "));
  assert.ok(lines.includes("Отпущено энергии: 0,051 кВт·ч"), lines.join(" | "));
  assert.ok(lines.includes("Энергия") && lines.includes("0,051 кВт·ч × 0,49 €/кВт·ч"), lines.join(" | "));
  assert.ok(!lines.some((l) => /kWh|Energy/.test(l)), "no English left");
});
