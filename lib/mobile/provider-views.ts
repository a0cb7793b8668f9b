// What a provider reads: the requests inbox (new / active / past), earnings
// (what was actually captured from drivers, by day and by month, in the
// provider's time zone) with a CSV of the lines, and ratings.
import type { Db } from "../db/client.ts";
import type { MobileRequestStatus } from "../db/generated/enums.ts";
import { currencyExponent } from "../format.ts";
import type { TActor } from "./services.ts";



export const INBOX_TABS = { new: ["PENDING"], active: ["CONFIRMED", "EN_ROUTE", "CHARGING"], past: ["COMPLETED", "CANCELLED"] } as const satisfies Record<string, MobileRequestStatus[]>;
export type TInboxTab = keyof typeof INBOX_TABS;

/** A request whose card was declined never reached the provider (it was never held): not theirs to see. */
const held = { payments: { some: { authorizedMinor: { gt: 0 } } } };

export function providerRequests(db: Db, user: TActor, tab: TInboxTab) {
  return db.mobileRequest.findMany({
    where: { service: { providerId: user.id }, status: { in: [...INBOX_TABS[tab]] }, ...held },
    orderBy: tab === "past" ? { updatedAt: "desc" } : [{ urgency: "desc" }, { createdAt: "asc" }],
    take: 100,
    include: { service: { select: { serviceName: true } }, user: { select: { name: true } } },
  });
}

export async function inboxCounts(db: Db, user: TActor) {
  const rows = await db.mobileRequest.groupBy({ by: ["status"], where: { service: { providerId: user.id }, ...held }, _count: { _all: true } });
  const n = (s: readonly MobileRequestStatus[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + r._count._all, 0);
  return { new: n(INBOX_TABS.new), active: n(INBOX_TABS.active), past: n(INBOX_TABS.past) };
}

export function driverRequests(db: Db, user: TActor) {
  return db.mobileRequest.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { service: { select: { companyName: true, serviceName: true } } },
  });
}

export type TEarningsBucket = { key: string; currency: string; requests: number; capturedMinor: number };

/**
 * Captured money per day (last `days`) and per month (last 12), counted when
 * the request ended (completed, or cancelled with a fee). Refunds are taken off.
 */
export async function providerEarnings(db: Db, user: TActor, opts: { timeZone?: string; now?: Date; days?: number } = {}) {
  const tz = opts.timeZone ?? "Europe/Berlin";
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - 366 * 86_400_000);
  const rows = await db.$queryRaw<{ bucket: "day" | "month"; key: string; currency: string; requests: number; captured: bigint }[]>`
    WITH x AS (
      SELECT r.id, r.currency, coalesce(r.completed_at, r.cancelled_at) AS ended,
             (SELECT coalesce(sum(p.captured_minor - p.refunded_minor), 0) FROM payments p WHERE p.mobile_request_id = r.id) AS captured
      FROM mobile_requests r JOIN mobile_services s ON s.id = r.service_id
      WHERE s.provider_id = ${user.id}::uuid AND r.status IN ('COMPLETED', 'CANCELLED') AND coalesce(r.completed_at, r.cancelled_at) >= ${since})
    SELECT CASE WHEN GROUPING(g_day) = 0 THEN 'day' ELSE 'month' END AS bucket, coalesce(g_day, g_month) AS key, currency,
           count(*)::int AS requests, sum(captured)::bigint AS captured
    FROM (SELECT *, to_char(ended AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS g_day, to_char(ended AT TIME ZONE ${tz}, 'YYYY-MM') AS g_month FROM x WHERE captured > 0) y
    GROUP BY GROUPING SETS ((g_day, currency), (g_month, currency))
    ORDER BY 2`;
  const toBucket = (r: (typeof rows)[number]): TEarningsBucket => ({ key: r.key, currency: r.currency, requests: r.requests, capturedMinor: Number(r.captured) });
  const days = opts.days ?? 30;
  const dayKeys = Array.from({ length: days }, (_, i) => new Date(now.getTime() - (days - 1 - i) * 86_400_000).toLocaleDateString("sv-SE", { timeZone: tz }));
  const monthKeys = Array.from({ length: 12 }, (_, i) => {
    const [y, m] = now.toLocaleDateString("sv-SE", { timeZone: tz }).split("-").map(Number);
    const d = new Date(Date.UTC(y!, m! - 1 - (11 - i), 1));
    return d.toISOString().slice(0, 7);
  });
  const fill = (keys: string[], list: TEarningsBucket[]) => keys.map((k) => list.find((b) => b.key === k) ?? { key: k, currency: list[0]?.currency ?? "EUR", requests: 0, capturedMinor: 0 });
  const byDay = rows.filter((r) => r.bucket === "day").map(toBucket);
  const byMonth = rows.filter((r) => r.bucket === "month").map(toBucket);
  const totals = await db.mobileService.findMany({ where: { providerId: user.id }, select: { currency: true, totalEarningsMinor: true, totalServices: true } });
  return {
    byDay: fill(dayKeys, byDay),
    byMonth: fill(monthKeys, byMonth),
    totalMinor: byMonth.reduce((a, b) => a + b.capturedMinor, 0),
    requests: byMonth.reduce((a, b) => a + b.requests, 0),
    currency: byMonth[0]?.currency ?? totals[0]?.currency ?? "EUR",
    lifetimeServices: totals.reduce((a, s) => a + s.totalServices, 0),
  };
}

const csvCell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? "" : String(v);
  const safe = typeof v === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};
const major = (minor: number | null, currency: string) => {
  if (minor === null) return null;
  const exp = currencyExponent(currency);
  return exp ? (minor / 10 ** exp).toFixed(exp) : String(minor);
};

/** One line per ended request that brought money; ISO times, kWh with three decimals, money in major units. */
export async function earningsCsv(db: Db, user: TActor): Promise<string> {
  const rows = await db.mobileRequest.findMany({
    where: { service: { providerId: user.id }, status: { in: ["COMPLETED", "CANCELLED"] } },
    orderBy: { createdAt: "asc" },
    include: { service: { select: { serviceName: true } }, payments: { select: { capturedMinor: true, refundedMinor: true } } },
  });
  const head = ["request_id", "service", "status", "ended_at", "distance_km", "energy_kwh", "final_price", "captured", "currency", "rating"];
  const lines = [head.map(csvCell).join(",")];
  for (const r of rows) {
    const captured = r.payments.reduce((a, p) => a + p.capturedMinor - p.refundedMinor, 0);
    if (r.status === "CANCELLED" && captured === 0) continue;
    lines.push([
      r.id, r.service.serviceName, r.status, (r.completedAt ?? r.cancelledAt)?.toISOString() ?? null, r.distanceKm,
      r.finalEnergyWh === null ? null : (r.finalEnergyWh / 1000).toFixed(3), major(r.finalPriceMinor, r.currency), major(captured, r.currency), r.currency, r.rating,
    ].map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

export async function providerRatings(db: Db, user: TActor) {
  const [services, rated] = await Promise.all([
    db.mobileService.findMany({ where: { providerId: user.id }, select: { id: true, serviceName: true, ratingAvg: true, ratingCount: true, totalServices: true }, orderBy: { serviceName: "asc" } }),
    db.mobileRequest.findMany({
      where: { service: { providerId: user.id }, rating: { not: null } },
      orderBy: { ratedAt: "desc" },
      take: 100,
      select: { id: true, rating: true, ratingComment: true, ratedAt: true, service: { select: { serviceName: true } }, user: { select: { name: true } } },
    }),
  ]);
  return { services, rated };
}

