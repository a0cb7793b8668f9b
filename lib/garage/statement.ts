// The monthly energy statement per renter, so the garage can bill its renters:
// each finished session's energy as the charger metered it (meter stop − start,
// in Wh), its cost at the garage's price, and the totals. Each line's cost is
// rounded to the minor unit and the total is the sum of the lines, so the
// printed statement adds up.
import type { Db } from "../db/client.ts";
import { findSite, type TGarageUser } from "./context.ts";
import { findRenter } from "./renters.ts";
import { monthRange } from "./month.ts";
import { sessionsOfSite } from "./sessions.ts";

export type TStatementLine = {
  sessionId: string;
  transactionId: number;
  startedAt: Date;
  endedAt: Date | null;
  spot: string | null;
  charger: string | null;
  idTag: string | null;
  energyWh: number;
  costMinor: number;
};

export function costOf(energyWh: number, pricePerKwhMinor: number): number {
  return Math.round((energyWh * pricePerKwhMinor) / 1000);
}

export async function monthlyStatement(db: Db, user: TGarageUser, input: { siteId: string; renterId: string; month: string }) {
  const site = await findSite(db, user, input.siteId);
  const renter = await findRenter(db, user, site.id, input.renterId);
  const { start, end } = monthRange(input.month, site.timeZone);
  const sessions = await db.chargingSession.findMany({
    where: {
      ...sessionsOfSite(user, site.id),
      renterId: renter.id,
      // Finished sessions only: one still running is billed in the month it started, once it ends.
      status: { in: ["COMPLETED", "FAILED"] },
      energyWh: { not: null },
      startedAt: { gte: start, lt: end },
    },
    orderBy: [{ startedAt: "asc" }, { transactionId: "asc" }],
    select: {
      id: true, transactionId: true, startedAt: true, endedAt: true, energyWh: true, idTag: true,
      parkingSpot: { select: { label: true } }, station: { select: { ocppIdentity: true } },
    },
  });
  const lines: TStatementLine[] = sessions.map((s) => ({
    sessionId: s.id, transactionId: s.transactionId, startedAt: s.startedAt!, endedAt: s.endedAt, spot: s.parkingSpot?.label ?? null,
    charger: s.station.ocppIdentity, idTag: s.idTag, energyWh: s.energyWh!, costMinor: costOf(s.energyWh!, site.energyPricePerKwhMinor),
  }));
  return {
    site, renter, month: input.month, start, end, lines,
    totalWh: lines.reduce((a, l) => a + l.energyWh, 0),
    totalCostMinor: lines.reduce((a, l) => a + l.costMinor, 0),
    pricePerKwhMinor: site.energyPricePerKwhMinor,
    currency: site.currency,
  };
}
export type TStatement = Awaited<ReturnType<typeof monthlyStatement>>;

/** Per-renter totals of a month for the statements overview. */
export async function monthTotals(db: Db, user: TGarageUser, input: { siteId: string; month: string }) {
  const site = await findSite(db, user, input.siteId);
  const { start, end } = monthRange(input.month, site.timeZone);
  const [renters, groups] = await Promise.all([
    db.renter.findMany({ where: { siteId: site.id }, orderBy: [{ isActive: "desc" }, { name: "asc" }], select: { id: true, name: true, isActive: true }, take: 2000 }),
    db.chargingSession.groupBy({
      by: ["renterId"],
      where: { ...sessionsOfSite(user, site.id), status: { in: ["COMPLETED", "FAILED"] }, energyWh: { not: null }, startedAt: { gte: start, lt: end } },
      _sum: { energyWh: true },
      _count: { _all: true },
    }),
  ]);
  const byRenter = new Map(groups.map((g) => [g.renterId, g]));
  return {
    site,
    rows: renters
      .map((r) => ({ ...r, sessions: byRenter.get(r.id)?._count._all ?? 0, energyWh: byRenter.get(r.id)?._sum.energyWh ?? 0 }))
      .filter((r) => r.isActive || r.sessions > 0),
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  // Quote always; neutralise spreadsheet formulas in text fields.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** Machine-friendly CSV: ISO times, kWh with three decimals (exact Wh), cost in major units with a dot. */
export function statementCsv(s: TStatement): string {
  const exp = s.currency === "JPY" || s.currency === "KRW" ? 0 : 2;
  const money = (minor: number) => (minor / 10 ** exp).toFixed(exp);
  const kwh = (wh: number) => (wh / 1000).toFixed(3);
  const rows: (string | number | null)[][] = [
    ["garage", "renter", "month", "session", "transaction_id", "started_at", "ended_at", "spot", "charger", "card", "energy_kwh", "price_per_kwh", "cost", "currency"],
    ...s.lines.map((l) => [
      s.site.name, s.renter.name, s.month, l.sessionId, l.transactionId, l.startedAt.toISOString(), l.endedAt?.toISOString() ?? null,
      l.spot, l.charger, l.idTag, kwh(l.energyWh), money(s.pricePerKwhMinor), money(l.costMinor), s.currency,
    ]),
    [s.site.name, s.renter.name, s.month, "TOTAL", null, null, null, null, null, null, kwh(s.totalWh), money(s.pricePerKwhMinor), money(s.totalCostMinor), s.currency],
  ];
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
