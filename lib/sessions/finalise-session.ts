// After the charger stops: price the session from the readings it metered,
// with the tariff snapshot taken at start, capture exactly that (the rest of
// the hold is released) and tell the driver. A cost above the hold is
// collected on top (wallet, else the same card off-session), or recorded as
// the driver's unpaid balance (lib/payments/remainder.ts). Safe to run any number of times.
// Hook wanted: call finaliseSession(db, sessionId) after lib/charging's
// stopTransaction commits (the sweep and the live page do it meanwhile).
import { payoutRouteFor } from "../owner/payouts/destination.ts";
import type { Db, Prisma } from "../db/client.ts";
import { notifyInLanguage, requestLocaleOf } from "../payments/notify-in-language.ts";
import { capture, collectRemainder, release, type TRemainderResult } from "../payments/index.ts";
import { computeCost, type CostResult } from "../tariffs/index.ts";
import { formatKwh, formatMoney } from "../format.ts";
import { logWarn } from "../log.ts";
import { sessionTariff } from "./pricing.ts";
import { readSessionSamples } from "./session-samples.ts";
import { settleBooking } from "../booking/settle-booking.ts";

export type TFinalCost = Pick<CostResult, "lines" | "totalExclVat" | "totalVat" | "totalInclVat" | "energyWh" | "chargingSeconds" | "parkingSeconds" | "currency">;

/** The bill of a stopped session: the engine applied to its stored readings. */
export async function priceStoppedSession(db: Db, sessionId: string): Promise<TFinalCost | null> {
  const s = await db.chargingSession.findUnique({
    where: { id: sessionId },
    select: { startedAt: true, endedAt: true, meterStartWh: true, meterStopWh: true, tariffSnapshot: true, station: { select: { timeZone: true } } },
  });
  const tariff = sessionTariff(s?.tariffSnapshot);
  if (!s || !tariff || !s.startedAt || !s.endedAt || s.meterStartWh === null) return null;
  const samples = await readSessionSamples(db, sessionId);
  const start = Number(s.meterStartWh);
  // The register at stop is the truth for energy (meterStop − meterStart).
  const stop = s.meterStopWh === null ? null : Number(s.meterStopWh);
  const kept = samples.filter((x) => x.energyWh >= start && (stop === null || x.energyWh <= stop));
  if (stop !== null) kept.push({ at: s.endedAt, energyWh: stop });
  const cost = computeCost(tariff, { startedAt: s.startedAt, endedAt: s.endedAt, timeZone: s.station.timeZone, meterStartWh: start, samples: kept });
  return { lines: cost.lines, totalExclVat: cost.totalExclVat, totalVat: cost.totalVat, totalInclVat: cost.totalInclVat, energyWh: cost.energyWh, chargingSeconds: cost.chargingSeconds, parkingSeconds: cost.parkingSeconds, currency: cost.currency };
}

export async function finaliseSession(db: Db, sessionId: string): Promise<{ costMinor: number | null; captured: number } | null> {
  const s = await db.chargingSession.findUnique({
    where: { id: sessionId },
    include: { payments: { where: { purpose: "SESSION" } }, station: { select: { name: true } } },
  });
  if (!s || !["COMPLETED", "FAILED", "CANCELLED"].includes(s.status)) return null;
  const payment = s.payments.find((p) => p.status === "AUTHORIZED") ?? s.payments.find((p) => p.status === "CAPTURED");
  if (!payment) return null;
  if (s.status !== "COMPLETED" || !s.startedAt) {
    if (payment.status === "AUTHORIZED") await release(db, payment.id, s.failureReason ?? "The session did not complete");
    return { costMinor: null, captured: 0 };
  }
  let cost: TFinalCost | null = null;
  try {
    cost = await priceStoppedSession(db, sessionId);
  } catch (err) {
    logWarn("session could not be priced", { sessionId, error: (err as Error).message });
  }
  if (!cost) return null;
  const due = cost.totalInclVat;
  const take = Math.min(due, payment.authorizedMinor);
  // The owner's station: the platform's fee on what is actually paid.
  const route = await payoutRouteFor(db, s.stationId, take);
  const settled = payment.status === "AUTHORIZED" ? await capture(db, payment.id, take, { platformFeeMinor: route.platformFeeMinor }) : payment;
  const uncovered = due - take;
  let remainder: TRemainderResult | null = null;
  if (uncovered > 0 && s.userId) {
    const extra = await payoutRouteFor(db, s.stationId, uncovered);
    remainder = await collectRemainder(db, {
      sessionId: s.id, holdPaymentId: payment.id, amountMinor: uncovered, description: `Charging at ${s.station.name} (above the hold)`,
      platformFeeMinor: extra.platformFeeMinor, destinationAccountId: extra.destinationAccountId,
    });
  }
  const data = (s.sessionData ?? {}) as Record<string, unknown>;
  await db.chargingSession.update({
    where: { id: s.id },
    data: {
      costMinor: due,
      flags: uncovered > 0 ? [...new Set([...s.flags, "COST_ABOVE_HOLD"])] : undefined,
      sessionData: {
        ...data, finalisedAt: data.finalisedAt ?? new Date().toISOString(), cost: cost as unknown as Prisma.InputJsonValue, uncoveredMinor: uncovered,
        ...(remainder && remainder.status !== "ALREADY_DONE" && { remainder: remainder.status === "COLLECTED" ? { collectedBy: remainder.payment.id, provider: remainder.payment.provider } : { outstandingBalanceId: remainder.balance.id } }),
      },
    },
  });
  if (s.bookingId) {
    await db.booking.updateMany({ where: { id: s.bookingId, status: { in: ["ACTIVE", "CONFIRMED"] } }, data: { status: "COMPLETED" } });
    await settleBooking(db, s.bookingId, "USED");
  }
  if (s.userId) {
    await notifyInLanguage(db, {
      userId: s.userId, type: "SESSION", template: "session-finished",
      vars: (locale) => ({ energy: formatKwh(cost!.energyWh, locale), station: s.station.name, total: formatMoney(due, cost!.currency, locale) }),
      data: { sessionId: s.id, href: `/sessions/${s.id}` }, dedupeKey: `session:${s.id}:finished`,
    }, requestLocaleOf(s.sessionData));
  }
  return { costMinor: due, captured: settled.capturedMinor };
}
