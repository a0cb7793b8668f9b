// Receipts: who may read them, what a booking receipt says, and that the
// hand-written PDF is well-formed (every xref offset points at its object).
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { createBooking, runBookingSweep } from "../../lib/booking/index.ts";
import { AppError } from "../../lib/errors/app-error.ts";
import { buildPdf, loadReceipt, receiptPdf } from "../../lib/receipts/index.ts";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { VISA, makeUser, reference } from "./helpers.ts";

let t: TestDb;
before(async () => { delete process.env.STRIPE_SECRET_KEY; t = await freshDatabase(); });
after(async () => t.close());
beforeEach(async () => { await truncateAll(t.db); await reference(t.db); });

function checkPdf(pdf: Buffer) {
  const text = pdf.toString("latin1");
  assert.ok(text.startsWith("%PDF-1.4\n"));
  assert.ok(text.trimEnd().endsWith("%%EOF"));
  const xrefAt = Number(text.match(/startxref\n(\d+)\n%%EOF/)![1]);
  assert.equal(text.slice(xrefAt, xrefAt + 4), "xref");
  const entries = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  entries.forEach((off, i) => assert.equal(text.slice(off, off + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`));
  return text;
}

test("the PDF writer produces a well-formed file; brackets are escaped, € is WinAnsi, Cyrillic becomes ?", () => {
  const text = checkPdf(buildPdf([{ texts: [{ x: 50, y: 800, text: "Total (incl. VAT) € 12.34 \\ Зарядка" }] }, { texts: [{ x: 50, y: 800, text: "page 2", align: "right" }] }]));
  assert.match(text, /\/Count 2/);
  assert.ok(text.includes("(Total \\(incl. VAT\\) \\200 12.34 \\\\ ???????) Tj"));
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
  const text = checkPdf(receiptPdf(r));
  assert.ok(text.includes("No-show fee"));
  assert.ok(text.includes("\\2007.00"), "the total in euros");
});
