// Realistic-looking stations for load tests and demos: clustered around
// European cities (with a rural/highway spread), with the mix of connectors,
// power, availability, prices and opening hours a real network shows.
// Pure data, deterministic for a seed; the caller inserts it.
import type { Availability, ChargingSpeed, ConnectorStatus, ConnectorType, PowerType, StationStatus } from "../db/generated/enums.ts";

export type City = { name: string; country: string; lat: number; lng: number; tz: string; currency: string; weight: number };

export const CITIES: City[] = [
  ["London", "GB", 51.507, -0.128, "Europe/London", "GBP", 9], ["Paris", "FR", 48.857, 2.352, "Europe/Paris", "EUR", 9],
  ["Berlin", "DE", 52.52, 13.405, "Europe/Berlin", "EUR", 8], ["Madrid", "ES", 40.417, -3.704, "Europe/Madrid", "EUR", 6],
  ["Rome", "IT", 41.903, 12.496, "Europe/Rome", "EUR", 5], ["Amsterdam", "NL", 52.368, 4.904, "Europe/Amsterdam", "EUR", 8],
  ["Oslo", "NO", 59.914, 10.752, "Europe/Oslo", "NOK", 8], ["Stockholm", "SE", 59.329, 18.069, "Europe/Stockholm", "SEK", 6],
  ["Copenhagen", "DK", 55.676, 12.568, "Europe/Copenhagen", "DKK", 5], ["Vienna", "AT", 48.208, 16.374, "Europe/Vienna", "EUR", 5],
  ["Warsaw", "PL", 52.23, 21.012, "Europe/Warsaw", "PLN", 4], ["Prague", "CZ", 50.075, 14.438, "Europe/Prague", "CZK", 4],
  ["Munich", "DE", 48.135, 11.582, "Europe/Berlin", "EUR", 6], ["Hamburg", "DE", 53.551, 9.994, "Europe/Berlin", "EUR", 5],
  ["Milan", "IT", 45.464, 9.19, "Europe/Rome", "EUR", 5], ["Barcelona", "ES", 41.385, 2.173, "Europe/Madrid", "EUR", 5],
  ["Lisbon", "PT", 38.722, -9.139, "Europe/Lisbon", "EUR", 4], ["Brussels", "BE", 50.85, 4.352, "Europe/Brussels", "EUR", 5],
  ["Zurich", "CH", 47.377, 8.541, "Europe/Zurich", "CHF", 5], ["Helsinki", "FI", 60.17, 24.938, "Europe/Helsinki", "EUR", 4],
  ["Dublin", "IE", 53.35, -6.26, "Europe/Dublin", "EUR", 3], ["Budapest", "HU", 47.498, 19.04, "Europe/Budapest", "HUF", 3],
  ["Athens", "GR", 37.984, 23.728, "Europe/Athens", "EUR", 2], ["Bucharest", "RO", 44.427, 26.103, "Europe/Bucharest", "RON", 2],
  ["Lyon", "FR", 45.764, 4.836, "Europe/Paris", "EUR", 4], ["Manchester", "GB", 53.481, -2.243, "Europe/London", "GBP", 4],
  ["Rotterdam", "NL", 51.924, 4.478, "Europe/Amsterdam", "EUR", 5], ["Frankfurt", "DE", 50.11, 8.682, "Europe/Berlin", "EUR", 5],
  ["Cologne", "DE", 50.938, 6.96, "Europe/Berlin", "EUR", 4], ["Gothenburg", "SE", 57.709, 11.975, "Europe/Stockholm", "SEK", 3],
  ["Bergen", "NO", 60.391, 5.322, "Europe/Oslo", "NOK", 3], ["Riga", "LV", 56.949, 24.105, "Europe/Riga", "EUR", 2],
  ["Vilnius", "LT", 54.687, 25.28, "Europe/Vilnius", "EUR", 2], ["Tallinn", "EE", 59.437, 24.754, "Europe/Tallinn", "EUR", 2],
  ["Ljubljana", "SI", 46.056, 14.506, "Europe/Ljubljana", "EUR", 1], ["Zagreb", "HR", 45.815, 15.982, "Europe/Zagreb", "EUR", 1],
  ["Belgrade", "RS", 44.787, 20.457, "Europe/Belgrade", "RSD", 1], ["Sofia", "BG", 42.698, 23.322, "Europe/Sofia", "BGN", 1],
  ["Marseille", "FR", 43.296, 5.37, "Europe/Paris", "EUR", 3], ["Seville", "ES", 37.389, -5.984, "Europe/Madrid", "EUR", 2],
  ["Porto", "PT", 41.158, -8.629, "Europe/Lisbon", "EUR", 2], ["Edinburgh", "GB", 55.953, -3.188, "Europe/London", "GBP", 2],
  ["Krakow", "PL", 50.065, 19.945, "Europe/Warsaw", "PLN", 2], ["Geneva", "CH", 46.204, 6.143, "Europe/Zurich", "CHF", 2],
  ["Stuttgart", "DE", 48.776, 9.183, "Europe/Berlin", "EUR", 4], ["Turin", "IT", 45.07, 7.687, "Europe/Rome", "EUR", 2],
].map(([name, country, lat, lng, tz, currency, weight]) => ({ name, country, lat, lng, tz, currency, weight }) as City);

export type SampleConnector = { type: ConnectorType; powerType: PowerType; maxPowerKw: number; status: ConnectorStatus };

export type SampleStation = {
  id: string;
  name: string;
  operator: number;
  status: StationStatus;
  availability: Availability;
  publish: boolean;
  address: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  timeZone: string;
  is24x7: boolean;
  workingHours: Record<string, [string, string][]> | null;
  chargingTypes: ChargingSpeed[];
  maxPowerKw: number;
  currency: string;
  pricePerKwhMinor: number | null;
  connectors: SampleConnector[];
  amenities: string[];
};

export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let r = rand() * total;
  for (const [v, w] of weighted) if ((r -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
}

const gauss = (rand: () => number) => Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());

// Charger models: connectors and power.
const KINDS: [SampleConnector[], number][] = [
  [[{ type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 11, status: "UNKNOWN" }], 25],
  [[{ type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 22, status: "UNKNOWN" }, { type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 22, status: "UNKNOWN" }], 25],
  [[{ type: "CCS", powerType: "DC", maxPowerKw: 50, status: "UNKNOWN" }, { type: "CHADEMO", powerType: "DC", maxPowerKw: 50, status: "UNKNOWN" }, { type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 43, status: "UNKNOWN" }], 15],
  [[{ type: "CCS", powerType: "DC", maxPowerKw: 150, status: "UNKNOWN" }, { type: "CCS", powerType: "DC", maxPowerKw: 150, status: "UNKNOWN" }], 12],
  [[{ type: "CCS", powerType: "DC", maxPowerKw: 350, status: "UNKNOWN" }, { type: "CCS", powerType: "DC", maxPowerKw: 350, status: "UNKNOWN" }, { type: "CCS", powerType: "DC", maxPowerKw: 350, status: "UNKNOWN" }, { type: "CCS", powerType: "DC", maxPowerKw: 350, status: "UNKNOWN" }], 6],
  [[{ type: "CCS", powerType: "DC", maxPowerKw: 24, status: "UNKNOWN" }, { type: "TYPE2", powerType: "AC_3_PHASE", maxPowerKw: 22, status: "UNKNOWN" }], 7],
  [[{ type: "TESLA", powerType: "DC", maxPowerKw: 250, status: "UNKNOWN" }, { type: "CCS", powerType: "DC", maxPowerKw: 250, status: "UNKNOWN" }], 5],
  [[{ type: "SCHUKO", powerType: "AC_1_PHASE", maxPowerKw: 3.7, status: "UNKNOWN" }, { type: "TYPE2", powerType: "AC_1_PHASE", maxPowerKw: 7.4, status: "UNKNOWN" }], 5],
];

const HOURS: [Record<string, [string, string][]>, number][] = [
  [{ mon: [["07:00", "22:00"]], tue: [["07:00", "22:00"]], wed: [["07:00", "22:00"]], thu: [["07:00", "22:00"]], fri: [["07:00", "22:00"]], sat: [["08:00", "20:00"]] }, 4],
  [{ mon: [["08:00", "12:00"], ["13:00", "18:00"]], tue: [["08:00", "12:00"], ["13:00", "18:00"]], wed: [["08:00", "12:00"], ["13:00", "18:00"]], thu: [["08:00", "12:00"], ["13:00", "18:00"]], fri: [["08:00", "12:00"], ["13:00", "18:00"]] }, 2],
  [{ mon: [["06:00", "02:00"]], tue: [["06:00", "02:00"]], wed: [["06:00", "02:00"]], thu: [["06:00", "02:00"]], fri: [["06:00", "02:00"]], sat: [["06:00", "02:00"]], sun: [["09:00", "24:00"]] }, 2],
];

export function generateSampleStations(n: number, uuid: () => string, seed = 42): SampleStation[] {
  const rand = seededRandom(seed);
  const cities: [City, number][] = CITIES.map((c) => [c, c.weight]);
  const out: SampleStation[] = [];
  for (let i = 0; i < n; i++) {
    const city = pick(rand, cities);
    let lat: number, lng: number;
    if (rand() < 0.75) {
      // Dense city core plus suburbs.
      const spread = rand() < 0.6 ? 0.04 : 0.25;
      lat = city.lat + gauss(rand) * spread;
      lng = city.lng + (gauss(rand) * spread) / Math.cos((city.lat * Math.PI) / 180);
    } else {
      // Highways and villages: anywhere within ~4 degrees of a city.
      lat = city.lat + (rand() - 0.5) * 8;
      lng = city.lng + (rand() - 0.5) * 12;
    }
    lat = Math.max(-89, Math.min(89, lat));
    lng = Math.max(-179.9, Math.min(179.9, lng));
    const connectors = pick(rand, KINDS).map((c) => ({ ...c }));
    const status = pick<StationStatus>(rand, [["ACTIVE", 93], ["MAINTENANCE", 3], ["INACTIVE", 2], ["REMOVED", 1], ["PENDING_APPROVAL", 1]]);
    const wanted = pick<Availability>(rand, [["AVAILABLE", 55], ["BUSY", 25], ["OUT_OF_ORDER", 5], ["OFFLINE", 8], ["UNKNOWN", 7]]);
    // Connector states consistent with the station's: available if any is.
    for (const c of connectors) {
      c.status =
        wanted === "AVAILABLE" ? (rand() < 0.6 ? "AVAILABLE" : "CHARGING")
        : wanted === "BUSY" ? (rand() < 0.8 ? "CHARGING" : "PREPARING")
        : wanted === "OUT_OF_ORDER" ? "FAULTED"
        : wanted === "OFFLINE" ? "UNAVAILABLE" : "UNKNOWN";
    }
    if (wanted === "AVAILABLE" && !connectors.some((c) => c.status === "AVAILABLE")) {
      connectors[Math.floor(rand() * connectors.length)].status = "AVAILABLE";
    }
    const maxPowerKw = Math.max(...connectors.map((c) => c.maxPowerKw));
    const is24x7 = rand() < 0.7;
    out.push({
      id: uuid(),
      name: `${city.name} ${["Central", "Plaza", "Park", "Station", "Mall", "Garage", "Depot", "Hub"][i % 8]} ${i + 1}`,
      operator: Math.floor(rand() * 20),
      status,
      availability: wanted,
      publish: rand() < 0.97,
      address: `${Math.floor(rand() * 200) + 1} ${["Main", "High", "Market", "Church", "Station", "Park"][Math.floor(rand() * 6)]} Street`,
      city: city.name,
      country: city.country,
      lat,
      lng,
      timeZone: city.tz,
      is24x7,
      workingHours: is24x7 ? null : pick(rand, HOURS),
      chargingTypes: [...new Set(connectors.map((c): ChargingSpeed => (c.maxPowerKw >= 150 ? "SUPERFAST" : c.maxPowerKw >= 43 ? "FAST" : "SLOW")))],
      maxPowerKw,
      currency: city.currency,
      pricePerKwhMinor: rand() < 0.95 ? Math.round((maxPowerKw >= 50 ? 45 : 25) + rand() * 35) : null,
      connectors,
      amenities: ["wifi", "toilet", "cafe", "shop", "playground", "restaurant"].filter(() => rand() < 0.15),
    });
  }
  return out;
}
