// The monthly payout statement: every captured payment of the month's sessions
// and bookings at the owner's stations (gross and platform fee) and every
// refund paid back that month, one line each. The totals come from the same
// figures as the dashboard (roll-up + live, lib/owner/period-figures.ts), so
// they equal its month to the cent; the lines are read in time order, a page
// at a time (keyset on time, reference, id), so neither the page nor the CSV
// ever sorts or holds the whole month at once.
import { Prisma, type Db } from "../db/client.ts";
import type { TOwnerUser } from "./context.ts";
import { moneyTotals, periodFigures } from "./period-figures.ts";
import { monthPeriod, todayIn, type TPeriod } from "./period.ts";
import { ownerTimeZone } from "./time-zone.ts";

const { sql } = Prisma;

export type TStatementLine = {
  kind: "PAYMENT" | "REFUND"; at: Date; station: string; reference: string; purpose: string;
  currency: string; gross: number; fee: number; refund: number; net: number; id: string;
};
export type TLineCursor = { at: Date; reference: string; id: string };

type TRaw = { kind: "PAYMENT" | "REFUND"; at: Date; station: string; reference: string; purpose: string; currency: string; gross: bigint; fee: bigint; refund: bigint; id: string };

/** The lines dated in [lo, hi): each branch walks the owner's stations by the (station, time) indexes. */
function linesBetween(ownerId: string, lo: Date, hi: Date) {
  return sql`
    SELECT 'PAYMENT' AS kind, s.started_at AS at, st.name AS station, 'transaction ' || s.transaction_id AS reference, p.purpose::text AS purpose,
           p.currency, p.captured_minor::bigint AS gross, p.platform_fee_minor::bigint AS fee, 0::bigint AS refund, p.id::text AS id
    FROM stations st JOIN charging_sessions s ON s.station_id = st.id JOIN payments p ON p.session_id = s.id
    WHERE st.owner_id = ${ownerId}::uuid AND s.started_at >= ${lo} AND s.started_at < ${hi} AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
    UNION ALL
    SELECT 'PAYMENT', b.starts_at, st.name, 'booking ' || b.reservation_id, p.purpose::text, p.currency, p.captured_minor, p.platform_fee_minor, 0, p.id::text
    FROM stations st JOIN bookings b ON b.station_id = st.id JOIN payments p ON p.booking_id = b.id AND p.session_id IS NULL
    WHERE st.owner_id = ${ownerId}::uuid AND b.starts_at >= ${lo} AND b.starts_at < ${hi} AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
    UNION ALL
    SELECT 'REFUND', r.processed_at, st.name, 'transaction ' || s.transaction_id, p.purpose::text, p.currency, 0, 0, r.amount_minor, r.id::text
    FROM refunds r JOIN payments p ON p.id = r.payment_id JOIN charging_sessions s ON s.id = p.session_id JOIN stations st ON st.id = s.station_id
    WHERE st.owner_id = ${ownerId}::uuid AND r.status = 'PROCESSED' AND r.processed_at >= ${lo} AND r.processed_at < ${hi}
    UNION ALL
    SELECT 'REFUND', r.processed_at, st.name, 'booking ' || b.reservation_id, p.purpose::text, p.currency, 0, 0, r.amount_minor, r.id::text
    FROM refunds r JOIN payments p ON p.id = r.payment_id AND p.session_id IS NULL JOIN bookings b ON b.id = p.booking_id JOIN stations st ON st.id = b.station_id
    WHERE st.owner_id = ${ownerId}::uuid AND r.status = 'PROCESSED' AND r.processed_at >= ${lo} AND r.processed_at < ${hi}`;
}

const toLine = (r: TRaw): TStatementLine => {
  const gross = Number(r.gross), fee = Number(r.fee), refund = Number(r.refund);
  return { kind: r.kind, at: r.at, station: r.station, reference: r.reference, purpose: r.purpose, currency: r.currency, gross, fee, refund, net: gross - fee - refund, id: r.id };
};

/** Up to `limit` lines of the period after `after`, in order. Reads a window of
 *  one day from the cursor and doubles it until it holds enough lines. */
export async function statementLines(db: Db, ownerId: string, p: TPeriod, limit: number, after?: TLineCursor | null): Promise<TStatementLine[]> {
  const from = after ? after.at : p.start;
  const cursor = after ? sql`WHERE (at, reference, id) > (${after.at}, ${after.reference}, ${after.id})` : Prisma.empty;
  for (let span = 86_400_000; ; span *= 2) {
    const hi = new Date(Math.min(p.end.getTime(), from.getTime() + span));
    const rows = await db.$queryRaw<TRaw[]>`SELECT * FROM (${linesBetween(ownerId, from, hi)}) x ${cursor} ORDER BY at, reference, id LIMIT ${limit}`;
    if (rows.length >= limit || hi >= p.end) return rows.map(toLine);
  }
}

/** Every line of the period, a page at a time. */
export async function* allStatementLines(db: Db, ownerId: string, p: TPeriod, page = 5000): AsyncGenerator<TStatementLine[]> {
  let after: TLineCursor | null = null;
  for (;;) {
    const lines = await statementLines(db, ownerId, p, page, after);
    if (lines.length) yield lines;
    if (lines.length < page) return;
    const last = lines[lines.length - 1];
    after = { at: last.at, reference: last.reference, id: last.id };
  }
}

/** The month's period and totals (the dashboard's month figures), without lines. */
export async function statementHead(db: Db, user: TOwnerUser, month: string, now = new Date()) {
  const timeZone = await ownerTimeZone(db, user);
  const period = monthPeriod(month, timeZone);
  const stationIds = (await db.station.findMany({ where: { ownerId: user.id }, select: { id: true } })).map((s) => s.id);
  const totals = moneyTotals(await periodFigures(db, { ownerId: user.id }, stationIds, period, now, { moneyOnly: true }));
  const closed = todayIn(timeZone, now).slice(0, 7) > month;
  return { month, timeZone, period, totals, closed };
}

/** With `lineLimit`, only the first lines are read (for the page); without, every
 *  line (prefer statementCsvStream for exports). The totals are the month's figures either way. */
export async function monthlyStatement(db: Db, user: TOwnerUser, month: string, now = new Date(), lineLimit?: number) {
  const head = await statementHead(db, user, month, now);
  let lines: TStatementLine[] = [];
  if (lineLimit !== undefined) lines = await statementLines(db, user.id, head.period, lineLimit);
  else for await (const page of allStatementLines(db, user.id, head.period)) lines = lines.concat(page);
  return { ...head, lines };
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

