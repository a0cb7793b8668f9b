// The charger's StartTransaction creates its own session row (lib/charging),
// so a browser start has two rows for a moment: our PENDING attempt and the
// charger's ACTIVE session. Adoption moves the attempt's facts (target, tariff
// snapshot, booking, payment) onto the real session and deletes the attempt;
// the real session remembers the attempt's id so old links still resolve.
// Hook wanted in lib/charging/start-transaction.ts: do this inside recordStart.
import type { Db, Prisma } from "../db/client.ts";
import { failAttempt } from "./start-charging.ts";

export const START_TIMEOUT_MS = Number(process.env.SESSION_START_TIMEOUT_MS ?? 120_000);

type Adopted = { status: "ADOPTED" | "PENDING" | "FAILED" | "GONE"; sessionId: string };

export async function adoptStartedSession(db: Db, attemptId: string, now = new Date()): Promise<Adopted> {
  const attempt = await db.chargingSession.findUnique({ where: { id: attemptId } });
  if (!attempt) {
    const real = await resolveAttempt(db, attemptId);
    return real ? { status: "ADOPTED", sessionId: real } : { status: "GONE", sessionId: attemptId };
  }
  if (attempt.status !== "PENDING") return { status: attempt.status === "FAILED" ? "FAILED" : "ADOPTED", sessionId: attempt.id };
  const real = await db.chargingSession.findFirst({
    where: {
      id: { not: attempt.id },
      stationId: attempt.stationId,
      connectorNumber: attempt.connectorNumber,
      idTag: { equals: attempt.idTag!, mode: "insensitive" },
      createdAt: { gte: attempt.createdAt },
      status: { in: ["ACTIVE", "COMPLETED", "FAILED"] },
      payments: { none: {} },
    },
    orderBy: { createdAt: "asc" },
  });
  if (!real) {
    if (now.getTime() - attempt.createdAt.getTime() > START_TIMEOUT_MS) {
      await failAttempt(db, attempt.id, "The charger did not start charging in time.");
      return { status: "FAILED", sessionId: attempt.id };
    }
    return { status: "PENDING", sessionId: attempt.id };
  }
  const done = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM charging_sessions WHERE id = ${attempt.id}::uuid FOR UPDATE`;
    if (locked[0]?.status !== "PENDING") return false;
    await tx.chargingSession.update({
      where: { id: real.id },
      data: {
        userId: attempt.userId,
        bookingId: attempt.bookingId ?? real.bookingId,
        tariffId: attempt.tariffId,
        tariffSnapshot: attempt.tariffSnapshot as Prisma.InputJsonValue,
        currency: attempt.currency,
        paymentMethod: attempt.paymentMethod,
        targetWh: attempt.targetWh,
        targetAmountMinor: attempt.targetAmountMinor,
        sessionData: { ...((real.sessionData as object) ?? {}), ...((attempt.sessionData as object) ?? {}), startAttemptId: attempt.id },
      },
    });
    await tx.payment.updateMany({ where: { sessionId: attempt.id }, data: { sessionId: real.id } });
    await tx.chargingSession.delete({ where: { id: attempt.id } });
    if (attempt.bookingId) await tx.booking.updateMany({ where: { id: attempt.bookingId, status: "CONFIRMED" }, data: { status: "ACTIVE" } });
    return true;
  });
  if (!done) return adoptStartedSession(db, attemptId, now);
  return { status: "ADOPTED", sessionId: real.id };
}

/** The session an attempt became, if it was adopted. */
export async function resolveAttempt(db: Db, attemptId: string): Promise<string | null> {
  const s = await db.chargingSession.findFirst({ where: { sessionData: { path: ["startAttemptId"], equals: attemptId } }, select: { id: true } });
  return s?.id ?? null;
}
