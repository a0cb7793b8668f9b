// Chargers with an unsynchronised clock send timestamps years off. We keep
// what they sent (it is their record) and flag it for review.
export const MAX_CLOCK_SKEW_MS = Number(process.env.OCPP_MAX_CLOCK_SKEW_SEC ?? 600) * 1000;

export function isClockSkewed(sent: Date, receivedAt: Date, maxMs = MAX_CLOCK_SKEW_MS): boolean {
  return Math.abs(sent.getTime() - receivedAt.getTime()) > maxMs;
}

/** Remembers when a station's skew was last reported, so a skewed charger does not write an incident per message. */
const lastReported = new Map<string, number>();
const REPORT_EVERY_MS = 60 * 60_000;

export function shouldReportSkew(stationId: string, now = Date.now()): boolean {
  const last = lastReported.get(stationId);
  if (last !== undefined && now - last < REPORT_EVERY_MS) return false;
  lastReported.set(stationId, now);
  if (lastReported.size > 50_000) lastReported.clear();
  return true;
}
