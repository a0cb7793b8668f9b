// CSV exports: machine-friendly (ISO times, kWh with three decimals = exact
// Wh, money in major units with a dot), every cell quoted, text that a
// spreadsheet would run as a formula neutralised.
import { Prisma, type Db } from "../db/client.ts";
import { currencyExponent } from "../tariffs/index.ts";
import { COUNTED_AS, type TScope } from "./earnings-queries.ts";
import type { TPeriod } from "./period.ts";
import type { TOwnerUser } from "./context.ts";
import { allStatementLines, statementHead, type TMonthlyStatement, type TStatementLine } from "./statement.ts";

const { sql, empty } = Prisma;

export const csvCell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? "" : String(v);
  const safe = typeof v === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};
export const csvRow = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(",") + "\r\n";
export const money = (minor: number | null, currency: string) => {
  if (minor === null) return null;
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return exp ? `${sign}${Math.floor(abs / 10 ** exp)}.${String(abs % 10 ** exp).padStart(exp, "0")}` : `${sign}${abs}`;
};
const kwh = (wh: number | null) => (wh === null ? null : (wh / 1000).toFixed(3));

type TSessionLine = {
  id: string; transaction_id: number; started_at: Date; ended_at: Date | null; station: string; connector_number: number; status: string;
  energy_wh: number | null; cost_minor: number | null; currency: string; paid: bigint | null; fee: bigint | null; pay_currency: string | null;
  auth_status: string | null; counted_as: string;
};

const PAGE = 5000;

/** The sessions of the period, streamed in pages (keyset on start time and id), so a year of a large owner never sits in memory. */
export function sessionsCsv(db: Db, scope: TScope, p: TPeriod): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let after: { at: Date; id: string } | null = null;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(enc.encode(csvRow(["session", "transaction_id", "station", "connector", "status", "started_at", "ended_at", "energy_kwh", "cost", "paid", "platform_fee", "net", "currency", "authorisation", "counted_as"])));
        return;
      }
      const cursor: Prisma.Sql = after ? sql` AND (s.started_at, s.id) > (${after.at}, ${after.id}::uuid)` : empty;
      const rows = await db.$queryRaw<TSessionLine[]>`
        SELECT s.id::text, s.transaction_id, s.started_at, s.ended_at, st.name AS station, s.connector_number, s.status::text, s.energy_wh, s.cost_minor, s.currency,
          pay.paid, pay.fee, pay.currency AS pay_currency, s.auth_status::text AS auth_status, ${COUNTED_AS} AS counted_as
        FROM charging_sessions s JOIN stations st ON st.id = s.station_id
        LEFT JOIN LATERAL (
          SELECT sum(p.captured_minor)::bigint AS paid, sum(p.platform_fee_minor)::bigint AS fee, min(p.currency) AS currency FROM payments p
          WHERE p.session_id = s.id AND p.status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')) pay ON true
        WHERE st.owner_id = ${scope.ownerId}::uuid ${scope.stationId ? sql`AND st.id = ${scope.stationId}::uuid` : empty}
          AND s.started_at >= ${p.start} AND s.started_at < ${p.end} AND s.status IN ('COMPLETED', 'FAILED', 'ACTIVE') ${cursor}
        ORDER BY s.started_at, s.id LIMIT ${PAGE}`;
      let chunk = "";
      for (const r of rows) {
        const cur = r.pay_currency ?? r.currency;
        const paid = r.paid === null ? null : Number(r.paid);
        const fee = r.fee === null ? null : Number(r.fee);
        chunk += csvRow([
          r.id, r.transaction_id, r.station, r.connector_number, r.status, r.started_at.toISOString(), r.ended_at?.toISOString(),
          kwh(r.energy_wh), money(r.cost_minor, r.currency), money(paid, cur), money(fee, cur), paid === null ? null : money(paid - (fee ?? 0), cur), cur,
          r.auth_status, r.counted_as,
        ]);
      }
      if (chunk) controller.enqueue(enc.encode(chunk));
      if (rows.length < PAGE) controller.close();
      else after = { at: rows[rows.length - 1].started_at, id: rows[rows.length - 1].id };
    },
  });
}

const STATEMENT_HEADER = ["month", "kind", "date", "station", "reference", "purpose", "gross", "platform_fee", "refund", "net", "currency"];
const statementLineRow = (month: string, l: TStatementLine) =>
  csvRow([month, l.kind, l.at.toISOString(), l.station, l.reference, l.purpose, money(l.gross, l.currency), money(l.fee, l.currency), money(l.refund, l.currency), money(l.net, l.currency), l.currency]);
const statementTotalRows = (month: string, totals: TMonthlyStatement["totals"]) =>
  Object.entries(totals).map(([c, t]) => csvRow([month, "TOTAL", null, null, null, null, money(t.gross, c), money(t.fees, c), money(t.refunds, c), money(t.net, c), c])).join("");

export function statementCsv(s: TMonthlyStatement): string {
  return csvRow(STATEMENT_HEADER) + s.lines.map((l) => statementLineRow(s.month, l)).join("") + statementTotalRows(s.month, s.totals);
}

/** The same CSV, streamed a page of lines at a time (a large owner's month never sits in memory). */
export function statementCsvStream(db: Db, user: TOwnerUser, month: string, now = new Date()): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let head: Awaited<ReturnType<typeof statementHead>> | null = null;
  let pages: AsyncGenerator<TStatementLine[]> | null = null;
  return new ReadableStream({
    async pull(controller) {
      if (!head || !pages) {
        head = await statementHead(db, user, month, now);
        pages = allStatementLines(db, user.id, head.period);
        controller.enqueue(enc.encode(csvRow(STATEMENT_HEADER)));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        controller.enqueue(enc.encode(statementTotalRows(head.month, head.totals)));
        controller.close();
      } else controller.enqueue(enc.encode(next.value.map((l) => statementLineRow(head!.month, l)).join("")));
    },
  });
}
