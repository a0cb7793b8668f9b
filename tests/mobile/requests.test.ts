// Mobile charging on a real database: who is offered, what it costs, and a
// request's whole life with its payment held, captured or released.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase, truncateAll, type TestDb } from "../helpers/db.ts";
import { findServices } from "../../lib/mobile/find-services.ts";
import { estimateMobileCharge, finalMobilePrice } from "../../lib/mobile/estimate.ts";
import { driverCancellationFee, holdFor } from "../../lib/mobile/request-rules.ts";
import {
  acceptRequest, cancelRequest, completeRequest, createMobileRequest, rateRequest, startCharging, startTrip, updateProviderLocation, ZMobileRequest,
} from "../../lib/mobile/requests.ts";
import { AppError } from "../../lib/errors/app-error.ts";

let t: TestDb;
before(async () => { t = await freshDatabase(); });
after(async () => { await t.close(); });

const BERLIN = { lat: 52.52, lng: 13.405 };
const GOOD_CARD = { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2035, cvc: "123" };
const DECLINED = { number: "4000 0000 0000 0002", expMonth: 12, expYear: 2035, cvc: "123" };

async function user(email: string, role: "DRIVER" | "MOBILE_PROVIDER") {
  return t.db.user.create({ data: { email, role, name: email, passwordHash: "x", referralCode: email, wallet: { create: {} } } });
}

async function service(providerId: string, over: Record<string, unknown> = {}, docs: "APPROVED" | "PENDING" = "APPROVED") {
  const s = await t.db.mobileService.create({
    data: {
      providerId, companyName: "Van Co", serviceName: "Rescue", centerLat: BERLIN.lat, centerLng: BERLIN.lng, radiusKm: 20,
      plugTypes: ["TYPE2", "CCS"], pricePerHourMinor: 2000, pricePerKwhMinor: 60, minimumChargeMinor: 1000,
      travelFeeType: "PER_KM", travelFeeMinor: 100, maxDistanceKm: 25, responseTimeMinutes: 30, status: "ACTIVE", ...over,
    },
  });
  for (const kind of ["BUSINESS_LICENSE", "INSURANCE"] as const) {
    const up = await t.db.mediaUpload.create({ data: { fileType: "document", mimeType: "application/pdf", originalName: `${kind}.pdf`, fileSize: 3, data: Buffer.from("pdf") } });
    await t.db.providerDocument.create({ data: { serviceId: s.id, kind, mediaUploadId: up.id, status: docs } });
  }
  return s;
}

let driver: Awaited<ReturnType<typeof user>>;
let provider: Awaited<ReturnType<typeof user>>;
beforeEach(async () => {
  await truncateAll(t.db);
  driver = await user("driver@m.test", "DRIVER");
  provider = await user("van@m.test", "MOBILE_PROVIDER");
});

const requestInput = (serviceId: string, over: Record<string, unknown> = {}) =>
  ZMobileRequest.parse({
    serviceId, lat: 52.53, lng: 13.42, address: "Invalidenstraße 1", plugType: "CCS", energyKwh: 20, urgency: "HIGH",
    contactPhone: "+49 30 123456", card: GOOD_CARD, ...over,
  });

describe("which services are offered", () => {
  test("only listed services with approved documents, covering the place, serving the plug", async () => {
    const ok = await service(provider.id);
    await service(provider.id, { serviceName: "Docs pending" }, "PENDING");
    await service(provider.id, { serviceName: "Type 2 only", plugTypes: ["TYPE2"] });
    await service(provider.id, { serviceName: "Suspended", status: "SUSPENDED" });
    const offers = await findServices(t.db, { ...BERLIN, plugType: "CCS", energyWh: 20_000 });
    assert.deepEqual(offers.map((o) => o.id), [ok.id]);
  });

  test("a request outside every service area finds none", async () => {
    await service(provider.id);
    assert.deepEqual(await findServices(t.db, { lat: 48.137, lng: 11.575, plugType: "CCS", energyWh: 10_000 }), []); // Munich
    // Inside the radius but beyond the provider's maximum distance: none either.
    await t.db.mobileService.updateMany({ data: { radiusKm: 50, maxDistanceKm: 5 } });
    assert.deepEqual(await findServices(t.db, { lat: 52.62, lng: 13.405, plugType: "CCS", energyWh: 10_000 }), []);
  });

  test("closed hours hide a service", async () => {
    await service(provider.id, { is24x7: false, workingHours: { timeZone: "Europe/Berlin", mon: [["08:00", "18:00"]] } });
    const mondayNoon = new Date("2030-01-07T11:00:00Z"); // 12:00 in Berlin
    const mondayNight = new Date("2030-01-07T22:00:00Z");
    assert.equal((await findServices(t.db, { ...BERLIN, plugType: "CCS", at: mondayNoon, energyWh: 1000 })).length, 1);
    assert.equal((await findServices(t.db, { ...BERLIN, plugType: "CCS", at: mondayNight, energyWh: 1000 })).length, 0);
  });
});

describe("price estimate", () => {
  const s = { currency: "EUR", pricePerKwhMinor: 60, pricePerHourMinor: 2000, minimumChargeMinor: 1000, travelFeeType: "PER_KM" as const, travelFeeMinor: 100, responseTimeMinutes: 30 };
  test("energy at the kWh price plus travel by distance, never below the minimum", () => {
    const e = estimateMobileCharge(s, 7.25, { energyWh: 20_000 });
    assert.equal(e.baseMinor, 1200); // 20 kWh x 0.60
    assert.equal(e.travelFeeMinor, 730); // 7.3 km (started 100 m) x 1.00
    assert.equal(e.totalMinor, 1930);
    assert.equal(estimateMobileCharge(s, 1, { energyWh: 5_000 }).baseMinor, 1000); // minimum charge
    assert.equal(estimateMobileCharge(s, 1, { durationMinutes: 45 }).baseMinor, 1500);
    assert.equal(estimateMobileCharge({ ...s, travelFeeType: "FLAT", travelFeeMinor: 900 }, 12, { energyWh: 20_000 }).travelFeeMinor, 900);
  });
  test("cancellation fees follow the published rules", () => {
    const confirmedAt = new Date("2030-01-01T10:00:00Z");
    assert.deepEqual(driverCancellationFee({ status: "PENDING", travelFeeMinor: 800, confirmedAt: null }, new Date()), { allowed: true, feeMinor: 0 });
    assert.equal(driverCancellationFee({ status: "CONFIRMED", travelFeeMinor: 800, confirmedAt }, new Date("2030-01-01T10:04:00Z")).feeMinor, 0);
    assert.equal(driverCancellationFee({ status: "CONFIRMED", travelFeeMinor: 800, confirmedAt }, new Date("2030-01-01T10:06:00Z")).feeMinor, 400);
    assert.equal(driverCancellationFee({ status: "EN_ROUTE", travelFeeMinor: 800, confirmedAt }, new Date()).feeMinor, 800);
    assert.equal(driverCancellationFee({ status: "CHARGING", travelFeeMinor: 800, confirmedAt }, new Date()).allowed, false);
    assert.equal(holdFor(1930), 2500);
  });
});

describe("a request's life", () => {
  test("request, accept, travel with live ETA, charge, complete with capture, rate", async () => {
    const s = await service(provider.id);
    const r = await createMobileRequest(t.db, driver, requestInput(s.id));
    assert.equal(r.status, "PENDING");
    const held = await t.db.payment.findFirstOrThrow({ where: { mobileRequestId: r.id } });
    assert.equal(held.status, "AUTHORIZED");
    assert.equal(held.authorizedMinor, holdFor(r.totalMinor));

    // Another provider cannot touch it.
    const stranger = await user("other@m.test", "MOBILE_PROVIDER");
    await assert.rejects(acceptRequest(t.db, stranger, r.id), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");

    await acceptRequest(t.db, provider, r.id);
    await assert.rejects(acceptRequest(t.db, provider, r.id), /is confirmed/);
    await startTrip(t.db, provider, r.id, { lat: 52.45, lng: 13.30 });
    const far = await t.db.mobileRequest.findUniqueOrThrow({ where: { id: r.id } });
    const near = await updateProviderLocation(t.db, provider, r.id, { lat: 52.528, lng: 13.415 });
    assert.ok(far.etaMinutes! > near.etaMinutes!, `ETA should fall: ${far.etaMinutes} -> ${near.etaMinutes}`);
    assert.equal(await t.db.mobileRequestLocation.count({ where: { requestId: r.id } }), 2);

    await startCharging(t.db, provider, r.id);
    const done = await completeRequest(t.db, provider, r.id, { energyKwh: 18.5 });
    const expected = finalMobilePrice(s, r.distanceKm, { energyWh: 18_500 });
    assert.equal(done.status, "COMPLETED");
    assert.equal(done.finalPriceMinor, expected);
    const paid = await t.db.payment.findUniqueOrThrow({ where: { id: held.id } });
    assert.equal(paid.status, "CAPTURED");
    assert.equal(paid.capturedMinor, expected);

    const rated = await rateRequest(t.db, driver, r.id, { rating: 4, comment: "Quick and friendly" });
    assert.deepEqual(rated, { ratingAvg: 4, ratingCount: 1 });
    await assert.rejects(rateRequest(t.db, driver, r.id, { rating: 5 }), /already rated/);
    const svc = await t.db.mobileService.findUniqueOrThrow({ where: { id: s.id } });
    assert.equal(svc.totalServices, 1);
    assert.equal(svc.totalEarningsMinor, expected);
  });

  test("a declined card gets a clear message and leaves no request", async () => {
    const s = await service(provider.id);
    await assert.rejects(createMobileRequest(t.db, driver, requestInput(s.id, { card: DECLINED })), (e: unknown) => e instanceof AppError && e.code === "PAYMENT_FAILED" && /declined/i.test(e.message));
    assert.equal(await t.db.mobileRequest.count({ where: { status: { not: "CANCELLED" } } }), 0);
    assert.equal((await t.db.payment.findFirstOrThrow()).status, "FAILED");
    assert.equal(await t.db.notification.count({ where: { userId: provider.id } }), 0);
  });

  test("a service the driver is not offered cannot be requested", async () => {
    const s = await service(provider.id, {}, "PENDING");
    await assert.rejects(createMobileRequest(t.db, driver, requestInput(s.id)), /cannot come to this place/);
    assert.equal(await t.db.payment.count(), 0);
  });

  test("cancelling: free while pending (hold released); travel fee once on the way; provider cancels for free", async () => {
    const s = await service(provider.id);
    const a = await createMobileRequest(t.db, driver, requestInput(s.id));
    const ca = await cancelRequest(t.db, driver, a.id, "Found a charger");
    assert.equal(ca.feeMinor, 0);
    assert.equal((await t.db.payment.findFirstOrThrow({ where: { mobileRequestId: a.id } })).status, "CANCELLED");

    const b = await createMobileRequest(t.db, driver, requestInput(s.id));
    await acceptRequest(t.db, provider, b.id);
    await startTrip(t.db, provider, b.id);
    const cb = await cancelRequest(t.db, driver, b.id, "Changed my mind");
    assert.equal(cb.feeMinor, b.travelFeeMinor);
    assert.equal((await t.db.payment.findFirstOrThrow({ where: { mobileRequestId: b.id } })).capturedMinor, b.travelFeeMinor);

    const c = await createMobileRequest(t.db, driver, requestInput(s.id));
    await acceptRequest(t.db, provider, c.id);
    await startTrip(t.db, provider, c.id);
    const cc = await cancelRequest(t.db, provider, c.id, "Van broke down");
    assert.equal(cc.feeMinor, 0);
    assert.equal((await t.db.payment.findFirstOrThrow({ where: { mobileRequestId: c.id } })).status, "CANCELLED");
    // Another driver cannot cancel someone's request.
    const d = await createMobileRequest(t.db, driver, requestInput(s.id));
    const other = await user("other-driver@m.test", "DRIVER");
    await assert.rejects(cancelRequest(t.db, other, d.id, "Not mine"), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
  });

  test("bad request input is refused field by field", () => {
    const r = ZMobileRequest.safeParse({ serviceId: "x", lat: 200, lng: 0, plugType: "CCS", batteryLevel: 150, contactPhone: "no", card: "wallet" });
    assert.equal(r.success, false);
    const fields = new Set(r.error!.issues.map((i) => String(i.path[0])));
    for (const f of ["serviceId", "lat", "batteryLevel", "contactPhone"]) assert.ok(fields.has(f), f);
  });
});
