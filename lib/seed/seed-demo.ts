// Demo data for a first start: one account per role, a garage with four
// chargers, an owner's public stations, a mobile charging service. Runs only
// on an empty database (no users), so real data is never overwritten.
import type { Db } from "../db/client.ts";
import { hashPassword } from "../auth/password.ts";
import { newReferralCode } from "../users/create-driver.ts";
import { DEMO_ACCOUNTS, DEMO_CHARGER_PASSWORD, DEMO_PASSWORD } from "./demo-accounts.ts";
import { ensureReferenceData } from "./reference-data.ts";
import { onePagePdf } from "../mobile/one-page-pdf.ts";

export type SeedResult = { seeded: boolean; reason?: string };

const BERLIN_HOURS = { mon: [["07:00", "22:00"]], tue: [["07:00", "22:00"]], wed: [["07:00", "22:00"]], thu: [["07:00", "22:00"]], fri: [["07:00", "22:00"]], sat: [["09:00", "20:00"]], sun: [] };

/** An OCPI-shaped tariff: ENERGY per kWh, optional TIME per hour, prices in minor units. */
function simpleTariffElements(perKwhMinor: number, perHourMinor: number, vat = 19) {
  const components: object[] = [{ type: "ENERGY", price: perKwhMinor, vat, step_size: 1 }];
  if (perHourMinor) components.push({ type: "TIME", price: perHourMinor, vat, step_size: 60 });
  return [{ price_components: components }];
}

export async function seedDemo(db: Db): Promise<SeedResult> {
  await ensureReferenceData(db);
  if ((await db.user.count()) > 0) return { seeded: false, reason: "the database already has users" };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const chargerHash = await hashPassword(DEMO_CHARGER_PASSWORD);
  const users = Object.fromEntries(
    await Promise.all(
      DEMO_ACCOUNTS.map(async (a) => [
        a.role,
        await db.user.create({
          data: {
            email: a.email, name: a.name, role: a.role, passwordHash, referralCode: newReferralCode(),
            emailVerifiedAt: new Date(),
            settings: { create: { preferredLanguage: "en", preferredCurrency: "EUR" } },
            wallet: { create: { currency: "EUR" } },
            points: { create: {} },
          },
        }),
      ]),
    ),
  );

  // Driver: a card for the app and some wallet money (with its ledger entry).
  const driver = users.DRIVER;
  await db.authToken.create({ data: { idTag: "DRIVER0001", type: "APP", userId: driver.id, description: "Dana's app token" } });
  const wallet = await db.wallet.findUniqueOrThrow({ where: { userId: driver.id } });
  await db.$transaction([
    db.wallet.update({ where: { id: wallet.id }, data: { balanceMinor: 2500 } }),
    db.walletTransaction.create({
      data: { walletId: wallet.id, type: "CREDIT", amountMinor: 2500, balanceBeforeMinor: 0, balanceAfterMinor: 2500, description: "Welcome credit" },
    }),
  ]);

  // Garage (seed 001): four spots, each with its own OCPP charger, two renters with cards.
  const garage = await db.site.create({
    data: {
      name: "Central Garage Berlin", kind: "GARAGE", address: "Friedrichstraße 100, 10117 Berlin", lat: 52.5200, lng: 13.3880,
      timeZone: "Europe/Berlin", energyPricePerKwhMinor: 32, currency: "EUR",
      admins: { create: { userId: users.GARAGE_ADMIN.id } },
    },
  });
  const renters = await Promise.all([
    db.renter.create({ data: { siteId: garage.id, name: "Rita Renter", contactEmail: "rita@example.com", phoneNumber: "+49 30 5550101" } }),
    db.renter.create({ data: { siteId: garage.id, name: "Paul Parker", contactEmail: "paul@example.com" } }),
  ]);
  await db.authToken.createMany({
    data: [
      { idTag: "RFID-RITA-01", siteId: garage.id, renterId: renters[0].id, description: "Main driver" },
      { idTag: "RFID-RITA-02", siteId: garage.id, renterId: renters[0].id, description: "Spouse card" },
      { idTag: "RFID-PAUL-01", siteId: garage.id, renterId: renters[1].id, description: "Main driver" },
    ],
  });
  for (let i = 1; i <= 4; i++) {
    const identity = `DEMO-GARAGE-0${i}`;
    const station = await db.station.create({
      data: {
        name: `Garage spot B2-10${i}`, siteId: garage.id, status: "ACTIVE", publish: false,
        address: garage.address, city: "Berlin", country: "DEU", lat: 52.5200, lng: 13.3880, timeZone: "Europe/Berlin",
        ocppIdentity: identity, ocppPasswordHash: chargerHash, chargingTypes: ["SLOW"], plugTypes: ["TYPE2"], maxPowerKw: 11,
        availability: "OFFLINE",
        connectors: { create: { connectorId: 1, type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 11 } },
      },
    });
    await db.parkingSpot.create({
      data: { siteId: garage.id, label: `B2-10${i}`, floorLevel: "Level -2", stationId: station.id, renterId: i <= 2 ? renters[i - 1].id : null },
    });
  }

  // Owner (seed 002): public stations with simple prices mapped to tariffs.
  const owner = users.OWNER;
  const ownerStations = [
    { name: "Alexanderplatz Fast Hub", address: "Alexanderplatz 1", lat: 52.5219, lng: 13.4132, ocpp: "DEMO-CITY-01", kwh: 49, hour: 0, connectors: [["CCS", "DC", 150], ["TYPE2", "AC_3_PHASE", 22]] as const, amenities: ["wifi", "cafe", "restroom"] },
    { name: "Kreuzberg Courtyard", address: "Oranienstraße 25", lat: 52.5010, lng: 13.4190, ocpp: null, kwh: 35, hour: 100, connectors: [["TYPE2", "AC_3_PHASE", 11], ["TYPE2", "AC_3_PHASE", 11]] as const, amenities: ["parking"] },
    { name: "Tempelhof Supercharge", address: "Tempelhofer Damm 7", lat: 52.4750, lng: 13.3860, ocpp: null, kwh: 59, hour: 0, connectors: [["CCS", "DC", 300], ["CHADEMO", "DC", 50]] as const, amenities: ["shopping", "atm", "restroom"] },
  ];
  const amenityIds = Object.fromEntries((await db.amenity.findMany()).map((a) => [a.code, a.id]));
  for (const s of ownerStations) {
    const tariff = await db.tariff.create({
      data: { name: `${s.name} tariff`, ownerId: owner.id, currency: "EUR", elements: simpleTariffElements(s.kwh, s.hour) },
    });
    const maxKw = Math.max(...s.connectors.map((c) => c[2]));
    await db.station.create({
      data: {
        name: s.name, ownerId: owner.id, status: "ACTIVE", address: s.address, city: "Berlin", postalCode: "10178", country: "DEU",
        lat: s.lat, lng: s.lng, timeZone: "Europe/Berlin", is24x7: s.name !== "Kreuzberg Courtyard",
        workingHours: s.name === "Kreuzberg Courtyard" ? BERLIN_HOURS : undefined,
        contactInfo: { phone: "+49 30 5550000", email: "stations@oskar.example" },
        tariffId: tariff.id, currency: "EUR", pricePerKwhMinor: s.kwh, pricePerHourMinor: s.hour || null,
        chargingTypes: [...new Set(s.connectors.map((c) => (c[2] >= 100 ? "SUPERFAST" : c[2] >= 22 && c[1] === "DC" ? "FAST" : c[2] >= 43 ? "FAST" : "SLOW")))] as ("SLOW" | "FAST" | "SUPERFAST")[],
        plugTypes: [...new Set(s.connectors.map((c) => c[0]))],
        maxPowerKw: maxKw,
        ocppIdentity: s.ocpp, ocppPasswordHash: s.ocpp ? chargerHash : null,
        availability: s.ocpp ? "OFFLINE" : "AVAILABLE",
        connectors: {
          create: s.connectors.map(([type, powerType, kw], idx) => ({
            connectorId: idx + 1, type, powerType, maxPowerKw: kw, status: s.ocpp ? "UNKNOWN" : "AVAILABLE",
          })),
        },
        amenities: { create: s.amenities.map((code) => ({ amenityId: amenityIds[code] })) },
      },
    });
  }

  // Mobile charging (seed 002 on-wheel): one service around Berlin, listed
  // because its licence and insurance are already approved by the admin.
  const mobile = await db.mobileService.create({
    data: {
      providerId: users.MOBILE_PROVIDER.id, companyName: "Milo's Mobile Power", serviceName: "Berlin rescue charge",
      description: "A van with a 60 kWh battery comes to your car.", centerLat: 52.52, centerLng: 13.405, radiusKm: 25,
      chargingTypes: ["FAST"], plugTypes: ["TYPE2", "CCS"], pricePerHourMinor: 2000, pricePerKwhMinor: 69, minimumChargeMinor: 1500,
      travelFeeType: "PER_KM", travelFeeMinor: 80, maxDistanceKm: 30, responseTimeMinutes: 35, status: "ACTIVE",
      contactInfo: { phone: "+49 30 5559999", email: "milo@mobile.example" },
      vehicleInfo: { type: "Electric van", capacityKwh: 60, plate: "B-MM 1234" },
    },
  });
  for (const [kind, title] of [["BUSINESS_LICENSE", "Gewerbeanmeldung"], ["INSURANCE", "Haftpflichtversicherung"]] as const) {
    const pdf = onePagePdf(`${title} - Milo's Mobile Power (demo document)`);
    const upload = await db.mediaUpload.create({
      data: { uploadedById: users.MOBILE_PROVIDER.id, fileType: "PROVIDER_DOCUMENT", mimeType: "application/pdf", originalName: `${kind.toLowerCase()}.pdf`, fileSize: pdf.length, data: pdf },
    });
    await db.providerDocument.create({
      data: { serviceId: mobile.id, kind, mediaUploadId: upload.id, status: "APPROVED", reviewedById: users.ADMIN.id, reviewedAt: new Date() },
    });
  }

  await db.auditLog.create({ data: { action: "SEED_DEMO", entityType: "System", after: { accounts: DEMO_ACCOUNTS.map((a) => a.email) } } });
  return { seeded: true };
}
