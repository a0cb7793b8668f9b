// A driver's own charging sessions, newest first: the history page (one page
// at a time) and its CSV export. Every query is filtered by the user's id.
import type { Db } from "../db/client.ts";
import { currencyExponent } from "../format.ts";

export const HISTORY_PAGE_SIZE = 20;

const SELECT = {
  id: true, transactionId: true, status: true, startedAt: true, endedAt: true, createdAt: true, energyWh: true, costMinor: true, currency: true,
  connectorNumber: true, connectorType: true, stopReason: true,
  station: { select: { id: true, name: true, city: true, timeZone: true } },
} as const;

export async function chargingHistory(db: Db, userId: string, page = 1) {
  const p = Math.max(1, Math.floor(page) || 1);
  const where = { userId };
  const [rows, total, totals] = await Promise.all([
    db.chargingSession.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (p - 1) * HISTORY_PAGE_SIZE, take: HISTORY_PAGE_SIZE, select: SELECT }),
    db.chargingSession.count({ where }),
    db.chargingSession.groupBy({ by: ["currency"], where: { ...where, status: "COMPLETED" }, _sum: { energyWh: true, costMinor: true } }),
  ]);
  return {
    rows, total, page: p, pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    totals: totals.map((t) => ({ currency: t.currency, energyWh: t._sum.energyWh ?? 0, costMinor: t._sum.costMinor ?? 0 })),
  };
}

const csvCell = (v: unknown) => {
  const s = v == null ? "" : String(v);
  // Quote everything that could break a row, and defuse spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) || safe !== s ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** CSV of all the driver's sessions: machine-readable numbers (kWh with a dot, money in major units). */
export async function chargingHistoryCsv(db: Db, userId: string): Promise<string> {
  const header = ["session", "transaction", "station", "city", "connector", "connector_type", "status", "started_at", "ended_at", "energy_kwh", "cost", "currency", "stop_reason"];
  const lines = [header.join(",")];
  let cursor: string | undefined;
  // Batches keep memory flat for a driver with years of sessions.
  for (;;) {
    const batch = await db.chargingSession.findMany({
      where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}), select: SELECT,
    });
    for (const s of batch) {
      lines.push([
        s.id, s.transactionId, s.station.name, s.station.city, s.connectorNumber, s.connectorType, s.status,
        s.startedAt?.toISOString(), s.endedAt?.toISOString(),
        s.energyWh == null ? "" : (s.energyWh / 1000).toFixed(3),
        s.costMinor == null ? "" : (s.costMinor / 10 ** currencyExponent(s.currency)).toFixed(currencyExponent(s.currency)), s.currency, s.stopReason,
      ].map(csvCell).join(","));
    }
    if (batch.length < 500) break;
    cursor = batch[batch.length - 1].id;
  }
  return lines.join("\r\n") + "\r\n";
}
