// Live events that reach browser pages. Kept small: a NOTIFY payload must stay
// under 8000 bytes, and pages re-read details they need from the database.
export const EVENTS_CHANNEL = "chargeway_events";

export type TRealtimeEvent =
  | {
      type: "connector_status";
      stationId: string;
      connectorId: number;
      status: string;
      errorCode: string | null;
      availability: string;
    }
  | { type: "meter"; stationId: string; sessionId: string; energyWh: number | null; powerW: number | null; socPercent?: number | null; at: string }
  | { type: "station"; stationId: string; isOnline: boolean; availability: string }
  | { type: "session"; sessionId: string; stationId?: string; status: string; energyWh?: number | null }
  // A mobile charging request moved (status) or its van did (position, ETA).
  | { type: "mobile"; requestId: string; status: string; lat?: number | null; lng?: number | null; etaMinutes?: number | null };

export const MAX_PAYLOAD_BYTES = 7900;

export function encodeEvent(event: TRealtimeEvent): string {
  const text = JSON.stringify(event);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
    throw new Error(`Realtime event ${event.type} is ${Buffer.byteLength(text)} bytes; NOTIFY allows < 8000`);
  }
  return text;
}
