// The earnings dashboard: per station, per day and per month of a period, and
// the totals, which are the plain sums of the per-station rows (so the page,
// the table and the CSV agree to the cent). Net = gross − platform fee − refunds.
import type { Db } from "../db/client.ts";
import { notFoundError } from "../errors/app-error.ts";
import { ownedBy, type TOwnerUser } from "./context.ts";
import { onlineStats, type TScope } from "./earnings-queries.ts";
import { periodFigures } from "./period-figures.ts";
import { daysOf, monthsOf, type TPeriod } from "./period.ts";

export type TMoney = { gross: number; fees: number; refunds: number; net: number };
export type TFigures = {
  sessions: number; failed: number; bookings: number; energyWh: number; durationMs: number;
  /** Charged although the start was refused, and not paid: shown apart from the sales (energyWh has sales only). */
  unpaid: number; unpaidEnergyWh: number;
  /** by currency; usually one */
  money: Record<string, TMoney>;
};
export type TStationFigures = TFigures & {
  id: string; name: string; connectors: number; hasCharger: boolean;
  occupiedMs: number; capacityMs: number; onlineMs: number | null; observedMs: number;
};

const zero = (): TFigures => ({ sessions: 0, failed: 0, bookings: 0, energyWh: 0, durationMs: 0, unpaid: 0, unpaidEnergyWh: 0, money: {} });
const moneyOf = (f: TFigures, currency: string) => (f.money[currency] ??= { gross: 0, fees: 0, refunds: 0, net: 0 });
const num = (v: bigint | number | string | null | undefined) => Number(v ?? 0);

/** `live: true` computes everything from the sessions and payments, ignoring the roll-up. */
export async function earnings(db: Db, user: TOwnerUser, input: { stationId?: string | null; period: TPeriod; now?: Date; live?: boolean }) {
  const now = input.now ?? new Date();
  const p = input.period;
  const stations = await db.station.findMany({
    where: { ...ownedBy(user), ...(input.stationId ? { id: input.stationId } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, createdAt: true, ocppIdentity: true, _count: { select: { connectors: { where: { removed: false } } } } },
  });
  if (input.stationId && stations.length === 0) throw notFoundError("This station");
  const scope: TScope = { ownerId: user.id, stationId: input.stationId };
  const [figures, online] = await Promise.all([
    periodFigures(db, scope, stations.map((s) => s.id), p, now, { live: input.live }), onlineStats(db, scope, p, now),
  ]);

  const byStation = new Map<string, TStationFigures>();
  const endMs = Math.min(p.end.getTime(), now.getTime());
  for (const s of stations) {
    // A station counts from when it was listed; the future does not count.
    const observedMs = Math.max(0, endMs - Math.max(p.start.getTime(), s.createdAt.getTime()));
    byStation.set(s.id, {
      ...zero(), id: s.id, name: s.name, connectors: s._count.connectors, hasCharger: !!s.ocppIdentity,
      occupiedMs: 0, capacityMs: observedMs * s._count.connectors, onlineMs: s.ocppIdentity ? 0 : null, observedMs,
    });
  }
  const days = new Map(daysOf(p).map((d) => [d, zero()]));
  const months = new Map(monthsOf(p).map((m) => [m, zero()]));
  const target = (bucket: string, key: string): TFigures | undefined =>
    bucket === "station" ? byStation.get(key) : bucket === "day" ? days.get(key) : months.get(key);

  for (const r of figures) {
    const t = target(r.bucket, r.key);
    if (!t) continue;
    if (r.currency) {
      const m = moneyOf(t, r.currency);
      m.gross += num(r.gross); m.fees += num(r.fees); m.refunds += num(r.refunds);
      continue;
    }
    t.sessions += num(r.sessions); t.failed += num(r.failed); t.energyWh += num(r.energy_wh); t.durationMs += num(r.duration_ms); t.bookings += num(r.bookings);
    t.unpaid += num(r.unpaid_sessions); t.unpaidEnergyWh += num(r.unpaid_energy_wh);
    if (r.bucket === "station") (t as TStationFigures).occupiedMs += num(r.occupied_ms);
  }
  for (const t of byStation.values()) t.occupiedMs = Math.min(t.occupiedMs, t.capacityMs);
  for (const r of online) { const t = byStation.get(r.station_id); if (t && t.onlineMs !== null) t.onlineMs = Math.min(num(r.online_ms), t.observedMs); }
  for (const f of [...byStation.values(), ...days.values(), ...months.values()]) for (const m of Object.values(f.money)) m.net = m.gross - m.fees - m.refunds;

  const rows = [...byStation.values()];
  const total = { ...zero(), occupiedMs: 0, capacityMs: 0, onlineMs: 0, observedChargerMs: 0 };
  for (const r of rows) {
    total.sessions += r.sessions; total.failed += r.failed; total.bookings += r.bookings; total.energyWh += r.energyWh; total.durationMs += r.durationMs;
    total.unpaid += r.unpaid; total.unpaidEnergyWh += r.unpaidEnergyWh;
    total.occupiedMs += r.occupiedMs; total.capacityMs += r.capacityMs;
    if (r.onlineMs !== null) { total.onlineMs += r.onlineMs; total.observedChargerMs += r.observedMs; }
    for (const [c, m] of Object.entries(r.money)) {
      const t = moneyOf(total, c);
      t.gross += m.gross; t.fees += m.fees; t.refunds += m.refunds; t.net += m.net;
    }
  }
  return {
    period: p, stations: rows, total,
    days: [...days.entries()].map(([key, f]) => ({ key, ...f })),
    months: [...months.entries()].map(([key, f]) => ({ key, ...f })),
    currencies: Object.keys(total.money).sort((a, b) => total.money[b].gross - total.money[a].gross),
  };
}
export type TEarnings = Awaited<ReturnType<typeof earnings>>;

/** Share 0..1, or null when there was nothing to measure. */
export const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function averages(f: TFigures, currency?: string) {
  if (!f.sessions) return null;
  return {
    energyWh: Math.round(f.energyWh / f.sessions),
    durationMs: Math.round(f.durationMs / f.sessions),
    revenueMinor: currency && f.money[currency] ? Math.round(f.money[currency].gross / f.sessions) : null,
  };
}
