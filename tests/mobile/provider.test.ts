// Provider side on a real database: a new service waits for review, the
// admin's approval of both documents lists it, re-uploads replace pending
// files, a rejection needs a reason, and earnings count captured money.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { findServices } from "../../lib/mobile/find-services.ts";
import { ZServiceForm, serviceToForm, toMinor } from "../../lib/mobile/service-schema.ts";
import { createService, getOwnService, setServiceListed, updateService } from "../../lib/mobile/services.ts";
import { readDocumentFile, reviewDocument, setPremium, uploadDocument } from "../../lib/mobile/documents.ts";
import { onePagePdf } from "../../lib/mobile/one-page-pdf.ts";
import { earningsCsv, providerEarnings, providerRequests } from "../../lib/mobile/provider-views.ts";
import { acceptRequest, completeRequest, createMobileRequest, startCharging, startTrip, ZMobileRequest } from "../../lib/mobile/requests.ts";
import { AppError } from "../../lib/errors/app-error.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

const meta = { ip: "127.0.0.1", userAgent: "test" };
const form = (over: Record<string, unknown> = {}) => ZServiceForm.parse({
  companyName: "Volt Van GmbH", serviceName: "Mitte rescue", description: "Van with 40 kWh", centerLat: "52.52", centerLng: "13.405", radiusKm: "15",
  chargingTypes: ["FAST"], plugTypes: ["CCS", "TYPE2"], currency: "EUR", pricePerHour: "20", pricePerKwh: "0,65", minimumCharge: "10",
  travelFeeType: "PER_KM", travelFee: "1.00", maxDistanceKm: "20", responseTimeMinutes: "30", is24x7: "true", contactPhone: "+49 30 111222", ...over,
});
const user = (email: string, role: "DRIVER" | "MOBILE_PROVIDER" | "ADMIN") =>
  t.db.user.create({ data: { email, role, name: email, passwordHash: "x", referralCode: email, wallet: { create: {} } } });

let provider: { id: string; role: "MOBILE_PROVIDER" };
let admin: { id: string; role: "ADMIN" };
let other: { id: string; role: "MOBILE_PROVIDER" };
beforeEach(async () => {
  await truncateAll(t.db);
  provider = { id: (await user("p@m.test", "MOBILE_PROVIDER")).id, role: "MOBILE_PROVIDER" };
  other = { id: (await user("o@m.test", "MOBILE_PROVIDER")).id, role: "MOBILE_PROVIDER" };
  admin = { id: (await user("a@m.test", "ADMIN")).id, role: "ADMIN" };
});

const pdf = () => new Uint8Array(onePagePdf("licence"));

describe("service form", () => {
  test("prices become minor units, hours a weekly table; a round trip gives the same form", () => {
    const f = form({ is24x7: "false", hours: { mon: "08:00-12:00, 13:00-20:00", sat: "10:00-14:00" } });
    assert.equal(toMinor(f.pricePerKwh, "EUR"), 65);
    assert.equal(toMinor("1234.5", "EUR"), 123450);
    assert.equal(toMinor("500", "JPY"), 500);
    const bad = ZServiceForm.safeParse({ ...form(), plugTypes: [], pricePerHour: "abc", is24x7: "false", hours: { mon: "8-20" } });
    assert.ok(!bad.success);
    const paths = bad.error.issues.map((i) => i.path.join("."));
    for (const p of ["plugTypes", "pricePerHour", "hours.mon"]) assert.ok(paths.includes(p), `${p} in ${paths}`);
    assert.equal(f.hours.mon, "08:00-12:00, 13:00-20:00");
  });
});

describe("review", () => {
  test("a new service is not offered until an admin approves licence and insurance", async () => {
    const s = await createService(t.db, provider, form(), meta);
    assert.equal(s.status, "PENDING_REVIEW");
    const lic = await uploadDocument(t.db, provider, { serviceId: s.id, kind: "BUSINESS_LICENSE", bytes: pdf(), name: "licence.pdf" }, meta);
    const ins = await uploadDocument(t.db, provider, { serviceId: s.id, kind: "INSURANCE", bytes: pdf(), name: "insurance.pdf" }, meta);
    const where = { lat: 52.52, lng: 13.41, plugType: "CCS" as const, energyWh: 10_000 };
    assert.equal((await findServices(t.db, where)).length, 0);
    await reviewDocument(t.db, admin, { documentId: lic.id, decision: "APPROVE" }, meta);
    assert.equal((await findServices(t.db, where)).length, 0, "one document is not enough");
    const r = await reviewDocument(t.db, admin, { documentId: ins.id, decision: "APPROVE" }, meta);
    assert.equal(r.serviceStatus, "ACTIVE");
    assert.deepEqual((await findServices(t.db, where)).map((o) => o.id), [s.id]);
    await assert.rejects(reviewDocument(t.db, admin, { documentId: ins.id, decision: "REJECT", reason: "late" }, meta), (e: AppError) => e.code === "CONFLICT");
    const audit = await t.db.auditLog.findMany({ where: { action: "PROVIDER_DOCUMENT_APPROVED" } });
    assert.equal(audit.length, 2);
    assert.equal((await t.db.notification.count({ where: { userId: provider.id } })), 2);
  });

  test("a new upload replaces the pending one; a rejection needs a reason and is shown to the provider", async () => {
    const s = await createService(t.db, provider, form(), meta);
    const first = await uploadDocument(t.db, provider, { serviceId: s.id, kind: "INSURANCE", bytes: pdf(), name: "a.pdf" }, meta);
    const second = await uploadDocument(t.db, provider, { serviceId: s.id, kind: "INSURANCE", bytes: pdf(), name: "b.pdf" }, meta);
    const docs = await t.db.providerDocument.findMany({ where: { serviceId: s.id } });
    assert.deepEqual(docs.map((d) => d.id), [second.id]);
    assert.equal(await t.db.mediaUpload.count({ where: { id: first.mediaUploadId } }), 0);
    await assert.rejects(reviewDocument(t.db, admin, { documentId: second.id, decision: "REJECT", reason: "" }, meta), (e: AppError) => e.code === "INVALID_INPUT");
    await reviewDocument(t.db, admin, { documentId: second.id, decision: "REJECT", reason: "Expired policy" }, meta);
    const got = await getOwnService(t.db, provider, s.id);
    assert.equal(got.documents[0]!.status, "REJECTED");
    assert.equal(got.documents[0]!.rejectionReason, "Expired policy");
    assert.equal(got.status, "PENDING_REVIEW");
  });

  test("files: only PDF/JPEG/PNG by their bytes; readable by their provider and admins only", async () => {
    const s = await createService(t.db, provider, form(), meta);
    await assert.rejects(uploadDocument(t.db, provider, { serviceId: s.id, kind: "INSURANCE", bytes: new TextEncoder().encode("<html>"), name: "x.pdf" }, meta), (e: AppError) => e.message === "provider.err.docType");
    await assert.rejects(uploadDocument(t.db, provider, { serviceId: s.id, kind: "PASSPORT", bytes: pdf(), name: "x.pdf" }, meta), (e: AppError) => e.message === "provider.err.docKind");
    await assert.rejects(uploadDocument(t.db, other, { serviceId: s.id, kind: "INSURANCE", bytes: pdf(), name: "x.pdf" }, meta), (e: AppError) => e.code === "NOT_FOUND");
    const d = await uploadDocument(t.db, provider, { serviceId: s.id, kind: "INSURANCE", bytes: pdf(), name: "x.pdf" }, meta);
    assert.equal((await readDocumentFile(t.db, provider, d.id)).mimeType, "application/pdf");
    assert.equal((await readDocumentFile(t.db, admin, d.id)).mimeType, "application/pdf");
    await assert.rejects(readDocumentFile(t.db, other, d.id), (e: AppError) => e.code === "NOT_FOUND");
  });

  test("another provider cannot read or change a service; pausing needs approved documents; premium is the admin's, audited", async () => {
    const s = await createService(t.db, provider, form(), meta);
    await assert.rejects(getOwnService(t.db, other, s.id), (e: AppError) => e.code === "NOT_FOUND");
    await assert.rejects(updateService(t.db, other, s.id, form({ serviceName: "Hijack" }), meta), (e: AppError) => e.code === "NOT_FOUND");
    await assert.rejects(setServiceListed(t.db, provider, s.id, true, meta), (e: AppError) => e.message === "provider.err.inReview");
    const u = await updateService(t.db, provider, s.id, form({ serviceName: "Mitte rescue 2", is24x7: "false", hours: { tue: "09:00-17:00" } }), meta);
    assert.equal(u.serviceName, "Mitte rescue 2");
    assert.equal(serviceToForm(u).hours.tue, "09:00-17:00");
    await setPremium(t.db, admin, { serviceId: s.id, isPremium: true }, meta);
    assert.equal((await getOwnService(t.db, provider, s.id)).isPremium, true);
    assert.equal(await t.db.auditLog.count({ where: { action: "MOBILE_SERVICE_PREMIUM_SET", entityId: s.id } }), 1);
  });
});

describe("earnings", () => {
  test("completed requests count their captured amount by day and month; CSV lists them", async () => {
    const s = await createService(t.db, provider, form({ travelFeeType: "FLAT", travelFee: "5" }), meta);
    for (const kind of ["BUSINESS_LICENSE", "INSURANCE"]) {
      const d = await uploadDocument(t.db, provider, { serviceId: s.id, kind, bytes: pdf(), name: "d.pdf" }, meta);
      await reviewDocument(t.db, admin, { documentId: d.id, decision: "APPROVE" }, meta);
    }
    const driver = await user("d@m.test", "DRIVER");
    const req = await createMobileRequest(t.db, { id: driver.id, role: "DRIVER" }, ZMobileRequest.parse({
      serviceId: s.id, lat: 52.53, lng: 13.41, plugType: "CCS", energyKwh: 20, contactPhone: "+49 30 1", card: { number: "4242424242424242", expMonth: 12, expYear: 2035, cvc: "123" },
    }));
    // A declined card: the request exists (cancelled) for the driver, never in the provider's inbox.
    await assert.rejects(createMobileRequest(t.db, { id: driver.id, role: "DRIVER" }, ZMobileRequest.parse({
      serviceId: s.id, lat: 52.53, lng: 13.41, plugType: "CCS", energyKwh: 20, contactPhone: "+49 30 1", card: { number: "4000000000000002", expMonth: 12, expYear: 2035, cvc: "123" },
    })), (e: AppError) => e.code === "PAYMENT_FAILED");
    assert.equal((await providerRequests(t.db, provider, "past")).length, 0);
    assert.equal((await providerRequests(t.db, provider, "new")).length, 1);
    assert.equal((await providerRequests(t.db, other, "new")).length, 0);
    await acceptRequest(t.db, provider, req.id);
    await startTrip(t.db, provider, req.id);
    await startCharging(t.db, provider, req.id);
    const done = await completeRequest(t.db, provider, req.id, { energyKwh: 18 });
    assert.equal(done.chargedMinor, 18 * 65 + 500);
    const e = await providerEarnings(t.db, provider);
    assert.equal(e.totalMinor, 1670);
    assert.equal(e.byDay.at(-1)!.capturedMinor, 1670);
    assert.equal(e.byDay.length, 30);
    assert.equal(e.byMonth.at(-1)!.capturedMinor, 1670);
    const csv = await earningsCsv(t.db, provider);
    assert.match(csv, new RegExp(`"${req.id}","Mitte rescue","COMPLETED",".*","18.000","16.70","16.70","EUR",""`));
    assert.equal((await earningsCsv(t.db, other)).split("\r\n").filter(Boolean).length, 1);
  });
});
