// The monthly payout statement: every captured payment of the month's sessions
// and bookings at the owner's stations (gross and platform fee) and every
// refund paid back that month, one line each; the totals are the sums of the
// lines and equal the dashboard's figures for that month.
import { Prisma, type Db } from "../db/client.ts";
import type { TOwnerUser } from "./context.ts";
import { monthPeriod, todayIn, type TPeriod } from "./period.ts";
import { ownerTimeZone } from "./time-zone.ts";


export type TStatementLine = {
  kind: "PAYMENT" | "REFUND"; at: Date; station: string; reference: string; purpose: string;
  currency: string; gross: number; fee: number; refund: number; net: number;
};

type TRaw = { kind: "PAYMENT" | "REFUND"; at: Date; station: string; reference: string; purpose: string; currency: string; gross: bigint; fee: bigint; refund: bigint };

function statementUnion(ownerId: string, p: TPeriod) {
  return Prisma.sql`
    SELECT 'PAYMENT' AS kind, s.started_at AS at, st.name AS station, 'transaction ' || s.transaction_id AS reference, p.purpose::text AS purpose,
           p.currency, p.captured_minor::bigint AS gross, p.platform_fee_minor::bigint AS fee, 0::bigint AS refund
    FROM charging_sessions s JOIN stations st ON st.id = s.station_id JOIN payments p ON p.session_id = s.id
    WHERE st.owner_id = ${ownerId}::uuid AND s.started_at >= ${p.start} AND s.started_at < ${p.end} AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
    UNION ALL
    SELECT 'PAYMENT', b.starts_at, st.name, 'booking ' || b.reservation_id, p.purpose::text, p.currency, p.captured_minor, p.platform_fee_minor, 0
    FROM bookings b JOIN stations st ON st.id = b.station_id JOIN payments p ON p.booking_id = b.id AND p.session_id IS NULL
    WHERE st.owner_id = ${ownerId}::uuid AND b.starts_at >= ${p.start} AND b.starts_at < ${p.end} AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
    UNION ALL
    SELECT 'REFUND', r.processed_at, st.name, 'transaction ' || s.transaction_id, p.purpose::text, p.currency, 0, 0, r.amount_minor
    FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN charging_sessions s ON s.id = p.session_id JOIN stations st ON st.id = s.station_id
    WHERE st.owner_id = ${ownerId}::uuid AND r.status = 'PROCESSED' AND r.processed_at >= ${p.start} AND r.processed_at < ${p.end}
    UNION ALL
    SELECT 'REFUND', r.processed_at, st.name, 'booking ' || b.reservation_id, p.purpose::text, p.currency, 0, 0, r.amount_minor
    FROM refunds r JOIN payments p ON p.id = r.payment_id AND p.session_id IS NULL JOIN bookings b ON b.id = p.booking_id JOIN stations st ON st.id = b.station_id
    WHERE st.owner_id = ${ownerId}::uuid AND r.status = 'PROCESSED' AND r.processed_at >= ${p.start} AND r.processed_at < ${p.end}`;
}

function rawLines(db: Db, ownerId: string, p: TPeriod, limit?: number) {
  return db.$queryRaw<TRaw[]>`SELECT * FROM (${statementUnion(ownerId, p)}) x ORDER BY at, reference${limit ? Prisma.sql` LIMIT ${limit}` : Prisma.empty}`;
}

type TTotalsRow = { currency: string; gross: bigint; fees: bigint; refunds: bigint; lines: bigint };

/** With `lineLimit`, only the first lines are read (for the page); the totals are
 *  then summed in SQL over the very same lines, so they are equal either way. */
export async function monthlyStatement(db: Db, user: TOwnerUser, month: string, now = new Date(), lineLimit?: number) {
  const timeZone = await ownerTimeZone(db, user);
  const period = monthPeriod(month, timeZone);
  const lines: TStatementLine[] = (await rawLines(db, user.id, period, lineLimit)).map((r) => {
    const gross = Number(r.gross), fee = Number(r.fee), refund = Number(r.refund);
    return { kind: r.kind, at: r.at, station: r.station, reference: r.reference, purpose: r.purpose, currency: r.currency, gross, fee, refund, net: gross - fee - refund };
  });
  const totals: Record<string, { gross: number; fees: number; refunds: number; net: number; lines: number }> = {};
  if (lineLimit === undefined || lines.length < lineLimit) {
    for (const l of lines) {
      const t = (totals[l.currency] ??= { gross: 0, fees: 0, refunds: 0, net: 0, lines: 0 });
      t.gross += l.gross; t.fees += l.fee; t.refunds += l.refund; t.net += l.net; t.lines++;
    }
  } else {
    const rows = await db.$queryRaw<TTotalsRow[]>`
      SELECT currency, sum(gross)::bigint AS gross, sum(fee)::bigint AS fees, sum(refund)::bigint AS refunds, count(*)::bigint AS lines
      FROM (${statementUnion(user.id, period)}) x GROUP BY currency`;
    for (const r of rows) {
      const gross = Number(r.gross), fees = Number(r.fees), refunds = Number(r.refunds);
      totals[r.currency] = { gross, fees, refunds, net: gross - fees - refunds, lines: Number(r.lines) };
    }
  }
  const closed = todayIn(timeZone, now).slice(0, 7) > month;
  return { month, timeZone, period, lines, totals, closed };
}
export type TMonthlyStatement = Awaited<ReturnType<typeof monthlyStatement>>;

/** Keeps a closed month's statement as a PayoutStatement row (ISSUED); a PAID one is never rewritten. */
export async function recordStatement(db: Db, user: TOwnerUser, s: TMonthlyStatement) {
  if (!s.closed) return [];
  const periodStart = new Date(`${s.month}-01T00:00:00Z`);
  const out = [];
  for (const [currency, t] of Object.entries(s.totals)) {
    const existing = await db.payoutStatement.findUnique({ where: { userId_periodStart_currency: { userId: user.id, periodStart, currency } } });
    if (existing?.status === "PAID") { out.push(existing); continue; }
    out.push(await db.payoutStatement.upsert({
      where: { userId_periodStart_currency: { userId: user.id, periodStart, currency } },
      create: { userId: user.id, periodStart, currency, grossMinor: t.gross, feesMinor: t.fees, refundsMinor: t.refunds, netMinor: t.net, status: "ISSUED" },
      update: { grossMinor: t.gross, feesMinor: t.fees, refundsMinor: t.refunds, netMinor: t.net },
    }));
  }
  return out;
}

export function statementHistory(db: Db, user: TOwnerUser) {
  return db.payoutStatement.findMany({ where: { userId: user.id }, orderBy: [{ periodStart: "desc" }, { currency: "asc" }], take: 36 });
}

