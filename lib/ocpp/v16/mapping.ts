// OCPP 1.6 names on the wire, our enums in the database.
import type { ConnectorStatus } from "../../db/client.ts";
import type { TAuthorization } from "../../charging/authorize-token.ts";
import type { TMeterSample } from "../../charging/types.ts";

const STATUS: Record<string, ConnectorStatus> = {
  Available: "AVAILABLE",
  Preparing: "PREPARING",
  Charging: "CHARGING",
  SuspendedEVSE: "SUSPENDED_EVSE",
  SuspendedEV: "SUSPENDED_EV",
  Finishing: "FINISHING",
  Reserved: "RESERVED",
  Unavailable: "UNAVAILABLE",
  Faulted: "FAULTED",
};

export function connectorStatusFrom16(status: string): ConnectorStatus {
  return STATUS[status] ?? "UNKNOWN";
}

const AUTH: Record<TAuthorization["status"], string> = {
  ACCEPTED: "Accepted",
  BLOCKED: "Blocked",
  EXPIRED: "Expired",
  INVALID: "Invalid",
  CONCURRENT_TX: "ConcurrentTx",
};

export type TIdTagInfo16 = { status: string; expiryDate?: string; parentIdTag?: string };

export function idTagInfo16(a: TAuthorization): TIdTagInfo16 {
  const info: TIdTagInfo16 = { status: AUTH[a.status] };
  if (a.expiresAt) info.expiryDate = a.expiresAt.toISOString();
  if (a.parentIdTag) info.parentIdTag = a.parentIdTag;
  return info;
}

export type TSampledValue16 = {
  value: string;
  context?: string;
  format?: string;
  measurand?: string;
  phase?: string;
  location?: string;
  unit?: string;
};
export type TMeterValue16 = { timestamp: string; sampledValue: TSampledValue16[] };

export function samplesFrom16(meterValue: TMeterValue16[] | undefined): TMeterSample[] {
  return (meterValue ?? []).map((mv) => ({
    timestamp: new Date(mv.timestamp),
    values: mv.sampledValue.map((v) => ({
      value: v.value,
      measurand: v.measurand,
      phase: v.phase,
      unit: v.unit,
      context: v.context,
      location: v.location,
      format: v.format,
    })),
  }));
}
