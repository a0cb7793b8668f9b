// Feeds send time zones like "Asia/Kuala Lumpur", "Amsterdam" or "Germany".
// A name is corrected only when exactly one IANA zone fits; otherwise the
// country's only zone, or UTC, is used, and the record says so.
import { singleZoneOf } from "./countries.ts";

const ZONES = Intl.supportedValuesOf("timeZone");
const BY_LOWER = new Map(ZONES.map((z) => [z.toLowerCase(), z]));
const BY_CITY = new Map<string, string[]>();
for (const z of ZONES) {
  const city = z.split("/").pop()!.toLowerCase();
  BY_CITY.set(city, [...(BY_CITY.get(city) ?? []), z]);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type TimeZoneResult = { timeZone: string; reason?: string };

export function normaliseTimeZone(raw: unknown, countryAlpha2: string | undefined): TimeZoneResult {
  const fallback = (why: string): TimeZoneResult => {
    const zone = singleZoneOf(countryAlpha2);
    return zone
      ? { timeZone: zone, reason: `${why}; used ${zone}, the time zone of ${countryAlpha2}` }
      : { timeZone: "UTC", reason: `${why}; used UTC` };
  };
  if (raw === undefined || raw === null || raw === "") {
    // Optional in OCPI 2.1.1; a missing zone is not an error, but say which one we assumed.
    const zone = singleZoneOf(countryAlpha2);
    return zone ? { timeZone: zone } : { timeZone: "UTC" };
  }
  if (typeof raw !== "string") return fallback(`time zone ${JSON.stringify(raw)} is not a string`);
  const tz = raw.trim();
  if (isValidTimeZone(tz) && !tz.includes(" ")) return { timeZone: tz };

  const candidate = tz.replace(/\s+/g, "_").toLowerCase();
  const exact = BY_LOWER.get(candidate);
  if (exact) return { timeZone: exact, reason: `time zone "${raw}" is not a valid IANA name; corrected to ${exact}` };
  const cities = BY_CITY.get(candidate.split("/").pop()!) ?? [];
  if (cities.length === 1) {
    return { timeZone: cities[0], reason: `time zone "${raw}" is not a valid IANA name; corrected to ${cities[0]}` };
  }
  return fallback(`time zone "${raw}" is not a valid IANA name`);
}
