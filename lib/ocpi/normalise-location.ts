// One OCPI Location (2.1.1 or 2.2/2.2.1) -> the station and connectors we
// store, or a rejection. Every correction is named in reasons, so the sync
// report can show what was changed and why.
import type { ConnectorStatus, ConnectorType, PowerType } from "../db/generated/enums.ts";
import { connectorPower, connectorStatusOf, connectorTypeOf, powerTypeOf } from "./connectors.ts";
import { countryToAlpha2, isAlpha2 } from "./countries.ts";
import { normaliseOpeningTimes, type WorkingHours } from "./opening-hours.ts";
import type { RecordOutcome } from "./outcome.ts";
import { normaliseTimeZone } from "./time-zone.ts";

export type NormalisedConnector = {
  evseUid: string;
  externalId: string;
  type: ConnectorType;
  powerType: PowerType;
  maxPowerKw: number;
  maxVoltage: number | null;
  maxAmperage: number | null;
  status: ConnectorStatus;
  /** REMOVED EVSEs stay in the database (sessions may point at them) but are hidden. */
  removed: boolean;
  tariffExternalId: string | null;
  statusUpdatedAt: Date | null;
};

export type NormalisedLocation = {
  externalId: string;
  name: string;
  address: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  lat: number;
  lng: number;
  timeZone: string;
  is24x7: boolean;
  workingHours: WorkingHours | null;
  description: string | null;
  /** publish: false in the feed. */
  publish: boolean;
  lastUpdated: Date | null;
  connectors: NormalisedConnector[];
};

type Raw = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null);
const date = (v: unknown) => {
  if (typeof v !== "string") return null;
  // OCPI timestamps are UTC; some feeds (ev24) omit the Z.
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
};

export function normaliseLocation(raw: unknown): { location?: NormalisedLocation; outcome: RecordOutcome } {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { outcome: { id: "(not an object)", action: "rejected", reasons: ["the record is not a JSON object"] } };
  }
  const r = raw as Raw;
  const id = str(r.id);
  const reject = (...reasons: string[]) => ({ outcome: { id: id ?? "(no id)", action: "rejected" as const, reasons } });
  if (!id) return reject("id is missing");

  const coords = r.coordinates as Raw | undefined;
  if (!coords || typeof coords !== "object") return reject("coordinates are missing");
  const lat = Number(coords.latitude);
  const lng = Number(coords.longitude);
  if (coords.latitude == null || coords.longitude == null || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return reject(`coordinates ${JSON.stringify(coords)} are not numbers`);
  }
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return reject(`coordinates ${lat},${lng} are out of range`);
  if (lat === 0 && lng === 0) return reject("coordinates are 0,0 (no position)");

  const reasons: string[] = [];
  const country = resolveCountry(r.country, r.country_code, reasons);
  const tz = normaliseTimeZone(r.time_zone, country ?? undefined);
  if (tz.reason) reasons.push(tz.reason);
  const opening = normaliseOpeningTimes(r.opening_times);
  reasons.push(...opening.reasons);

  let name = str(r.name);
  if (!name) {
    name = str(r.address) ?? str(r.city) ?? id;
    reasons.push(`name is missing; shown as "${name}"`);
  }
  if (r.publish !== undefined && r.publish !== null && typeof r.publish !== "boolean") {
    reasons.push(`publish ${JSON.stringify(r.publish)} is not a boolean; treated as published`);
  }

  const connectors = normaliseEvses(r.evses, reasons);
  return {
    location: {
      externalId: id,
      name,
      address: str(r.address),
      city: str(r.city),
      postalCode: str(r.postal_code),
      country,
      lat,
      lng,
      timeZone: tz.timeZone,
      is24x7: opening.is24x7,
      workingHours: opening.workingHours,
      description: displayText(r.directions),
      publish: r.publish !== false,
      lastUpdated: date(r.last_updated),
      connectors,
    },
    outcome: { id, action: reasons.length ? "corrected" : "ok", reasons },
  };
}

function resolveCountry(countryRaw: unknown, codeRaw: unknown, reasons: string[]): string | null {
  const code = str(codeRaw)?.toUpperCase() ?? null;
  const country = str(countryRaw);
  const read = country ? countryToAlpha2(country) : undefined;
  if (country && !read) {
    if (code && isAlpha2(code)) {
      reasons.push(`country "${country}" is not an ISO 3166 code; used country_code ${code}`);
      return code;
    }
    reasons.push(`country "${country}" is not an ISO 3166 code; country left empty`);
    return null;
  }
  if (read && !read.exact) reasons.push(`country "${country}" is not an ISO 3166-1 alpha-3 code; read as ${read.alpha2}`);
  if (read && code && code !== read.alpha2) {
    // OCPI: country_code is the CPO's country, country the location's; the location's wins.
    reasons.push(`country_code ${code} conflicts with country ${country}; used the location's country ${read.alpha2}`);
  }
  if (read) return read.alpha2;
  if (code && isAlpha2(code)) return code;
  return null;
}

function displayText(v: unknown): string | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const texts = v.filter((d): d is { language?: string; text: string } => typeof d?.text === "string" && d.text.trim() !== "");
  const en = texts.find((d) => d.language?.toLowerCase().startsWith("en")) ?? texts[0];
  return en?.text.trim() ?? null;
}

function normaliseEvses(evsesRaw: unknown, reasons: string[]): NormalisedConnector[] {
  if (evsesRaw === undefined || evsesRaw === null) return [];
  if (!Array.isArray(evsesRaw)) {
    reasons.push("evses is not a list; no connectors imported");
    return [];
  }
  const out: NormalisedConnector[] = [];
  const seen = new Set<string>();
  for (const [i, e] of (evsesRaw as Raw[]).entries()) {
    if (!e || typeof e !== "object") {
      reasons.push(`evses[${i}] is not an object; skipped`);
      continue;
    }
    let uid = str(e.uid);
    if (!uid) {
      uid = str(e.evse_id);
      if (!uid) {
        reasons.push(`evses[${i}] has neither uid nor evse_id; skipped`);
        continue;
      }
      reasons.push(`evses[${i}] has no uid; used evse_id ${uid}`);
    }
    const evseStatus = String(e.status ?? "UNKNOWN").toUpperCase();
    const removed = evseStatus === "REMOVED";
    const connectors = Array.isArray(e.connectors) ? (e.connectors as Raw[]) : [];
    if (!connectors.length) reasons.push(`EVSE ${uid} has no connectors`);
    for (const [j, c] of connectors.entries()) {
      let cid = str(c?.id);
      if (!cid) {
        cid = String(j + 1);
        reasons.push(`EVSE ${uid} connector ${j + 1} has no id; numbered ${cid}`);
      }
      const key = `${uid}\u0000${cid}`;
      if (seen.has(key)) {
        reasons.push(`EVSE ${uid} lists connector ${cid} twice; the second one is skipped`);
        continue;
      }
      seen.add(key);
      out.push(normaliseConnector(c, uid, cid, removed, e, reasons));
    }
  }
  return out;
}

// Plugs that only ever carry DC (evio labels its CCS connectors AC_3_PHASE).
const DC_ONLY = /^(IEC_62196_T[12]_COMBO|CHADEMO|GBT_DC|CHAOJI)$/;

function normaliseConnector(c: Raw, evseUid: string, externalId: string, removed: boolean, evse: Raw, reasons: string[]): NormalisedConnector {
  const where = `EVSE ${evseUid} connector ${externalId}`;
  const type = connectorTypeOf(c.standard);
  if (type.reason) reasons.push(`${where}: ${type.reason}`);
  const pt = powerTypeOf(c.power_type);
  if (pt.reason) reasons.push(`${where}: ${pt.reason}`);
  if (pt.powerType !== "DC" && DC_ONLY.test(String(c.standard ?? "").toUpperCase())) {
    reasons.push(`${where}: ${c.standard} is a DC plug but power_type is ${c.power_type}; read as DC`);
    pt.powerType = "DC";
  }
  // 2.1.1: voltage/amperage; 2.2: max_voltage/max_amperage/max_electric_power.
  const power = connectorPower({
    powerType: pt.powerType,
    maxElectricPower: c.max_electric_power,
    voltage: c.max_voltage ?? c.voltage,
    amperage: c.max_amperage ?? c.amperage,
  });
  reasons.push(...power.reasons.map((p) => `${where}: ${p}`));
  const tariffIds = Array.isArray(c.tariff_ids) ? c.tariff_ids.map(str).filter((t): t is string => !!t) : [];
  const tariffExternalId = tariffIds[0] ?? str(c.tariff_id);
  return {
    evseUid,
    externalId,
    type: type.type,
    powerType: pt.powerType,
    maxPowerKw: power.maxPowerKw,
    maxVoltage: power.maxVoltage ?? null,
    maxAmperage: power.maxAmperage ?? null,
    status: removed ? "UNKNOWN" : connectorStatusOf(evse.status),
    removed,
    tariffExternalId,
    statusUpdatedAt: date(evse.last_updated),
  };
}
