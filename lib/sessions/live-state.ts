// What the live session page shows, read fresh on every meter or session
// event: status, power, energy and the cost so far by the same engine that
// bills it. Reading it also moves the session along (adopts a started attempt,
// times out a start that never came, stops at the energy cap, finalises a
// stopped session), so the flow completes even without the background sweep.
import type { Db } from "../db/client.ts";
import { notFoundError } from "../errors/app-error.ts";
import { isUuid } from "../stations/visibility.ts";
import { runningCost, type CostLine } from "../tariffs/index.ts";
import { adoptStartedSession, resolveAttempt } from "./adopt-started-session.ts";
import { enforceEnergyCap } from "./energy-cap.ts";
import { askForFirstReading } from "./first-reading.ts";
import { finaliseSession, type TFinalCost } from "./finalise-session.ts";
import { sessionTariff } from "./pricing.ts";
import { readSessionSamples } from "./session-samples.ts";

export type TLiveSession = {
  id: string;
  status: "PENDING" | "ACTIVE" | "COMPLETED" | "FAILED" | "CANCELLED";
  stationId: string;
  stationName: string;
  connectorNumber: number;
  startedAt: string | null;
  endedAt: string | null;
  energyWh: number;
  powerW: number | null;
  socPercent: number | null;
  currency: string;
  costMinor: number | null;
  costFinal: boolean;
  lines: Pick<CostLine, "type" | "quantity" | "unit" | "amountInclVat">[];
  holdMinor: number | null;
  capturedMinor: number | null;
  /** What the driver still owes for this session (the cost above the hold could not be collected). */
  unpaidMinor: number | null;
  targetWh: number | null;
  /** How the hold was paid: the wallet, or a card's brand and last digits. */
  paidWith: { kind: "wallet" } | { kind: "card"; brand: string | null; last4: string | null; demo: boolean } | null;
  /** Charging, but no meter reading since the start yet (energy and power are not known, not zero). */
  awaitingMeter: boolean;
  failureReason: string | null;
  stopReason: string | null;
};

export async function liveSession(db: Db, userId: string, id: string, now = new Date()): Promise<TLiveSession> {
  // A malformed id would make PostgreSQL refuse the uuid cast (a 500); it names no session.
  if (!isUuid(id)) throw notFoundError("This charging session");
  const owned = await db.chargingSession.findFirst({ where: { id, userId }, select: { id: true, status: true } });
  // Only the driver's own attempt is moved along here; an id that is no longer
  // a row may be an attempt that became the charger's session.
  let sessionId = owned?.id ?? (await resolveAttempt(db, id));
  if (!sessionId) throw notFoundError("This charging session");
  if (owned?.status === "PENDING") sessionId = (await adoptStartedSession(db, id, now)).sessionId;
  const s = await db.chargingSession.findFirst({
    where: { id: sessionId!, userId },
    include: { station: { select: { name: true, timeZone: true } }, payments: { where: { purpose: "SESSION" }, orderBy: { createdAt: "asc" } }, outstandingBalance: { select: { amountMinor: true, settledAt: true } } },
  });
  if (!s) throw notFoundError("This charging session");
  if (s.status === "ACTIVE") await enforceEnergyCap(db, s.id);
  const awaitingMeter = s.status === "ACTIVE" && (!s.lastMeterAt || !s.startedAt || s.lastMeterAt.getTime() <= s.startedAt.getTime());
  if (awaitingMeter && !(s.sessionData as { meterTriggerAt?: string } | null)?.meterTriggerAt) await askForFirstReading(db, s.id);
  // The hold is the first payment; a cost above it adds a second (or an unpaid balance).
  const payment = s.payments[0] ?? null;
  const settled = s.payments.filter((p) => ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"].includes(p.status));
  if (s.status !== "ACTIVE" && s.status !== "PENDING" && s.payments.some((p) => p.status === "AUTHORIZED")) {
    await finaliseSession(db, s.id);
    return liveSession(db, userId, s.id, now);
  }

  let costMinor: number | null = s.costMinor;
  let lines: TLiveSession["lines"] = [];
  const final = (s.sessionData as { cost?: TFinalCost } | null)?.cost;
  if (final) lines = final.lines;
  else if (s.status === "ACTIVE" && s.startedAt) {
    const tariff = sessionTariff(s.tariffSnapshot);
    if (tariff) {
      const start = Number(s.meterStartWh ?? 0);
      const samples = (await readSessionSamples(db, s.id)).filter((x) => x.energyWh >= start);
      const at = new Date(Math.max(now.getTime(), s.startedAt.getTime()));
      try {
        const cost = runningCost(tariff, { startedAt: s.startedAt, timeZone: s.station.timeZone, meterStartWh: start, samples }, at);
        costMinor = cost.totalInclVat;
        lines = cost.lines;
      } catch {
        costMinor = null;
      }
    }
  }
  return {
    id: s.id,
    status: s.status,
    stationId: s.stationId,
    stationName: s.station.name,
    connectorNumber: s.connectorNumber,
    startedAt: s.startedAt?.toISOString() ?? null,
    endedAt: s.endedAt?.toISOString() ?? null,
    energyWh: s.energyWh ?? 0,
    powerW: s.status === "ACTIVE" ? s.lastPowerW : null,
    socPercent: s.lastSocPercent,
    currency: s.currency,
    costMinor,
    costFinal: !!final,
    lines: lines.map((l) => ({ type: l.type, quantity: l.quantity, unit: l.unit, amountInclVat: l.amountInclVat })),
    holdMinor: payment?.authorizedMinor ?? null,
    capturedMinor: settled.length ? settled.reduce((sum, p) => sum + p.capturedMinor, 0) : null,
    unpaidMinor: s.outstandingBalance && !s.outstandingBalance.settledAt ? s.outstandingBalance.amountMinor : null,
    targetWh: s.targetWh,
    paidWith: paidWith(payment),
    awaitingMeter,
    failureReason: s.failureReason,
    stopReason: s.stopReason,
  };
}

function paidWith(p: { provider: string; gatewayResponse: unknown } | null): TLiveSession["paidWith"] {
  if (!p) return null;
  if (p.provider === "WALLET") return { kind: "wallet" };
  const card = (p.gatewayResponse as { card?: { brand?: string | null; last4?: string | null } } | null)?.card;
  return { kind: "card", brand: card?.brand ?? null, last4: card?.last4 ?? null, demo: p.provider === "DEMO" };
}
