// OCPI connector and EVSE vocabulary -> our enums, and a connector's power.
import type { ConnectorStatus, ConnectorType, PowerType, ChargingSpeed, Availability } from "../db/generated/enums.ts";

// OCPI standards we have no plug type for: shown as OTHER without a complaint.
const OTHER_OCPI_STANDARDS = /^(CHAOJI|DOMESTIC_[A-O]|IEC_60309_2_[A-Z]+_\d+|IEC_62196_T3[AC]|NEMA_\d+_\d+|PANTOGRAPH_[A-Z_]+)$/;

export function connectorTypeOf(standard: unknown): { type: ConnectorType; reason?: string } {
  const s = String(standard ?? "").trim().toUpperCase();
  const exact: Record<string, ConnectorType> = {
    IEC_62196_T2: "TYPE2", IEC_62196_T2_COMBO: "CCS", IEC_62196_T1: "TYPE1", IEC_62196_T1_COMBO: "CCS",
    CHADEMO: "CHADEMO", DOMESTIC_F: "SCHUKO",
  };
  if (exact[s]) return { type: exact[s] };
  if (s.startsWith("TESLA_")) return { type: "TESLA" };
  if (s.startsWith("GBT_")) return { type: "GBT" };
  // Values outside the OCPI enum that still name a plug unambiguously (chargesini sends "GB/T (DC)").
  const loose = s.replace(/[^A-Z0-9]/g, "");
  if (loose.startsWith("GBT")) return { type: "GBT", reason: `connector standard "${standard}" is not an OCPI value; read as GBT` };
  if (loose === "CCS" || loose === "CCS2" || loose === "COMBO2") return { type: "CCS", reason: `connector standard "${standard}" is not an OCPI value; read as CCS` };
  if (loose === "TYPE2" || loose === "MENNEKES") return { type: "TYPE2", reason: `connector standard "${standard}" is not an OCPI value; read as TYPE2` };
  if (OTHER_OCPI_STANDARDS.test(s)) return { type: "OTHER" };
  return { type: "OTHER", reason: `connector standard "${standard ?? ""}" is unknown; shown as OTHER` };
}

export function powerTypeOf(raw: unknown): { powerType: PowerType; reason?: string } {
  const s = String(raw ?? "").toUpperCase();
  if (s === "DC" || s === "AC_1_PHASE" || s === "AC_3_PHASE") return { powerType: s };
  // OCPI 2.2.1 adds AC_2_PHASE / AC_2_PHASE_SPLIT (not in our enum); power is computed with 2 phases.
  if (s.startsWith("AC_2_PHASE")) return { powerType: "AC_1_PHASE" };
  return { powerType: "AC_3_PHASE", reason: `power_type "${raw ?? ""}" is unknown; assumed AC_3_PHASE` };
}

/** OCPI EVSE status -> the status a driver sees on a connector. */
export function connectorStatusOf(raw: unknown): ConnectorStatus {
  switch (String(raw ?? "").toUpperCase()) {
    case "AVAILABLE": return "AVAILABLE";
    case "CHARGING": return "CHARGING";
    case "RESERVED": return "RESERVED";
    case "OUTOFORDER": return "FAULTED";
    case "BLOCKED": // a car or barrier in front of it: usable later, not broken
    case "INOPERATIVE":
      return "UNAVAILABLE";
    default: return "UNKNOWN"; // PLANNED, UNKNOWN, REMOVED (hidden anyway), anything else
  }
}

const num = (v: unknown) => (v === null || v === undefined || v === "" ? undefined : Number(v));

export type PowerInput = { powerType: PowerType; maxElectricPower?: unknown; voltage?: unknown; amperage?: unknown };
export type PowerResult = { maxPowerKw: number; maxVoltage?: number; maxAmperage?: number; reasons: string[] };

/**
 * max_electric_power is in W; some feeds send kW (ev24: 22). Below 1000 W no
 * real charger exists, so such a value is read as kW. Without it, power is
 * voltage x amperage (x 3 on three phases: OCPI voltage is line-to-neutral; a
 * feed sending 400 V line-to-line gets x sqrt(3) instead).
 */
export function connectorPower({ powerType, maxElectricPower, voltage, amperage }: PowerInput): PowerResult {
  const reasons: string[] = [];
  const v = num(voltage);
  const a = num(amperage);
  const maxVoltage = v !== undefined && Number.isFinite(v) && v > 0 ? Math.round(v) : undefined;
  const maxAmperage = a !== undefined && Number.isFinite(a) && a > 0 ? Math.round(a) : undefined;
  const w = num(maxElectricPower);
  if (w !== undefined && Number.isFinite(w) && w > 0) {
    if (w < 1000) {
      reasons.push(`max_electric_power ${w} looks like kW, not W; read as ${w} kW`);
      return { maxPowerKw: round(w), maxVoltage, maxAmperage, reasons };
    }
    return { maxPowerKw: round(w / 1000), maxVoltage, maxAmperage, reasons };
  }
  if (w !== undefined && !(w === 0 && maxVoltage && maxAmperage)) {
    reasons.push(`max_electric_power ${JSON.stringify(maxElectricPower)} is not a positive number; ignored`);
  }
  if (!maxVoltage || !maxAmperage) {
    reasons.push("no max_electric_power and no voltage/amperage: power unknown (0 kW)");
    return { maxPowerKw: 0, maxVoltage, maxAmperage, reasons };
  }
  let watts: number;
  if (powerType === "AC_3_PHASE" && maxVoltage > 300) {
    watts = maxVoltage * maxAmperage * Math.sqrt(3);
    reasons.push(`${maxVoltage} V on AC_3_PHASE is a line-to-line voltage; power computed as V x A x sqrt(3) = ${round(watts / 1000)} kW`);
  } else {
    watts = maxVoltage * maxAmperage * (powerType === "AC_3_PHASE" ? 3 : 1);
  }
  const kw = round(watts / 1000);
  if (maxVoltage < 100 || (powerType !== "DC" && kw > 50)) {
    reasons.push(`${maxVoltage} V x ${maxAmperage} A gives an implausible ${kw} kW for ${powerType}; kept as sent`);
  }
  return { maxPowerKw: kw, maxVoltage, maxAmperage, reasons };
}

const round = (kw: number) => Math.round(kw * 10) / 10;

export function chargingSpeedOf(kw: number): ChargingSpeed {
  return kw < 22 ? "SLOW" : kw < 100 ? "FAST" : "SUPERFAST";
}

const BUSY = new Set<ConnectorStatus>(["CHARGING", "PREPARING", "SUSPENDED_EV", "SUSPENDED_EVSE", "FINISHING", "RESERVED"]);

/** What the map pin shows for a set of visible connectors. */
export function availabilityOf(statuses: ConnectorStatus[]): Availability {
  if (statuses.length === 0) return "UNKNOWN";
  if (statuses.includes("AVAILABLE")) return "AVAILABLE";
  if (statuses.some((s) => BUSY.has(s))) return "BUSY";
  if (statuses.every((s) => s === "FAULTED" || s === "UNAVAILABLE")) return "OUT_OF_ORDER";
  return "UNKNOWN";
}
