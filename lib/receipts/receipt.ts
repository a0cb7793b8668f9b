// A receipt per charging session or booking: who, where, when, energy, the
// tariff lines with VAT, the total and how it was paid. Read with the
// viewer's rights in the query: a driver gets their own, an admin any.
import type { Db } from "../db/client.ts";
import { notFoundError } from "../errors/app-error.ts";
import { isUuid } from "../stations/visibility.ts";
import { formatMinorDecimal } from "../tariffs/index.ts";
import type { TFinalCost } from "../sessions/finalise-session.ts";

/** What a line is and how much of it, kept as facts so each reader's language can word it (line-text.ts); label/detail are the English wording. */
export type TReceiptLineFacts =
  | { kind: "energy"; wh: number; unitPrice: string }
  | { kind: "hours"; ms: number; unitPrice: string }
  | { kind: "text"; text: string }
  | { kind: "lateCancel" }
  | { kind: "noShow"; graceMinutes: number }
  | { kind: "none" };
export type TReceiptLine = {
  type: string; facts: TReceiptLineFacts;
  label: string; detail: string; amountExclVat: number; vatPercent: string | null; vat: number; amountInclVat: number;
};
export type TReceipt = {
  kind: "session" | "booking";
  id: string;
  number: string;
  issuedAt: Date;
  customer: { name: string; email: string };
  station: { name: string; address: string; timeZone: string };
  startedAt: Date | null;
  endedAt: Date | null;
  energyWh: number | null;
  currency: string;
  lines: TReceiptLine[];
  totalExclVat: number;
  totalVat: number;
  totalInclVat: number;
  payment: null | {
    id: string; provider: string; status: string; brand: string | null; last4: string | null;
    authorizedMinor: number; capturedMinor: number; refundedMinor: number;
    refunds: { amountMinor: number; reason: string; at: Date | null }[];
  };
  /** Still owed by the driver (a session's cost above its hold that could not be collected). */
  unpaidMinor: number;
  final: boolean;
};

const LABEL: Record<string, string> = {
  ENERGY: "Energy", TIME: "Charging time", PARKING_TIME: "Idle time", FLAT: "Session fee",
  MIN_PRICE_ADJUSTMENT: "Minimum price adjustment", MAX_PRICE_ADJUSTMENT: "Maximum price adjustment",
};

function hours(ms: number) {
  const m = Math.round(ms / 60_000);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")} h`;
}

function paymentOf(p: { id: string; provider: string; status: string; gatewayResponse: unknown; authorizedMinor: number; capturedMinor: number; refundedMinor: number; refunds: { amountMinor: number; reason: string; processedAt: Date | null }[] } | undefined) {
  if (!p) return null;
  const card = (p.gatewayResponse as { card?: { brand?: string | null; last4?: string | null } } | null)?.card;
  return {
    id: p.id, provider: p.provider, status: p.status, brand: card?.brand ?? null, last4: card?.last4 ?? null,
    authorizedMinor: p.authorizedMinor, capturedMinor: p.capturedMinor, refundedMinor: p.refundedMinor,
    refunds: p.refunds.map((r) => ({ amountMinor: r.amountMinor, reason: r.reason, at: r.processedAt })),
  };
}

type TPaymentRow = Parameters<typeof paymentOf>[0] & object;

/** A session's hold plus what was collected above it (or settled later): one payment on the receipt, amounts summed. */
function sessionPayment(rows: TPaymentRow[]) {
  const first = paymentOf(rows[0]);
  if (!first || rows.length === 1) return first;
  const all = rows.map((r) => paymentOf(r)!);
  return {
    ...first,
    authorizedMinor: all.reduce((s, p) => s + p.authorizedMinor, 0),
    capturedMinor: all.reduce((s, p) => s + p.capturedMinor, 0),
    refundedMinor: all.reduce((s, p) => s + p.refundedMinor, 0),
    refunds: all.flatMap((p) => p.refunds),
  };
}

const address = (s: { address: string | null; postalCode: string | null; city: string | null; country: string | null }) =>
  [s.address, [s.postalCode, s.city].filter(Boolean).join(" "), s.country].filter(Boolean).join(", ");

/** viewer.isAdmin reads anyone's receipt; otherwise only the viewer's own. */
export async function loadReceipt(db: Db, viewer: { id: string; isAdmin: boolean }, kind: "session" | "booking", id: string): Promise<TReceipt> {
  if (!isUuid(id)) throw notFoundError("This receipt");
  const who = viewer.isAdmin ? {} : { userId: viewer.id };
  const stationSelect = { select: { name: true, address: true, postalCode: true, city: true, country: true, timeZone: true } };
  const payInclude = { include: { refunds: { where: { status: "PROCESSED" as const } } }, orderBy: { createdAt: "desc" as const } };
  if (kind === "session") {
    const s = await db.chargingSession.findFirst({
      where: { id, ...who, status: "COMPLETED" },
      include: {
        station: stationSelect, user: { select: { name: true, email: true } }, outstandingBalance: { select: { amountMinor: true, settledAt: true } },
        payments: { ...payInclude, orderBy: { createdAt: "asc" as const }, where: { purpose: "SESSION", status: { in: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED"] } } },
      },
    });
    if (!s) throw notFoundError("This receipt");
    const cost = (s.sessionData as { cost?: TFinalCost } | null)?.cost;
    const lines: TReceiptLine[] = (cost?.lines ?? []).map((l) => ({
      type: l.type,
      facts: l.unit === "kWh" ? { kind: "energy" as const, wh: l.billedWh ?? 0, unitPrice: l.unitPrice }
        : l.unit === "h" ? { kind: "hours" as const, ms: l.billedMs ?? 0, unitPrice: l.unitPrice }
        : l.restrictionLabel ? { kind: "text" as const, text: l.restrictionLabel } : { kind: "none" as const },
      label: LABEL[l.type] ?? l.type,
      detail: l.unit === "kWh" ? `${((l.billedWh ?? 0) / 1000).toFixed(3)} kWh × ${formatMinorDecimal(l.unitPrice, cost!.currency)}/kWh`
        : l.unit === "h" ? `${hours(l.billedMs ?? 0)} × ${formatMinorDecimal(l.unitPrice, cost!.currency)}/h`
        : l.restrictionLabel,
      amountExclVat: l.amountExclVat, vatPercent: l.vatPercent, vat: l.vat, amountInclVat: l.amountInclVat,
    }));
    return {
      kind, id: s.id, number: `S-${s.transactionId}`, issuedAt: s.endedAt ?? s.updatedAt,
      customer: { name: s.user?.name ?? "—", email: s.user?.email ?? "" },
      station: { name: s.station.name, address: address(s.station), timeZone: s.station.timeZone },
      startedAt: s.startedAt, endedAt: s.endedAt, energyWh: s.energyWh, currency: cost?.currency ?? s.currency, lines,
      totalExclVat: cost?.totalExclVat ?? 0, totalVat: cost?.totalVat ?? 0, totalInclVat: cost?.totalInclVat ?? s.costMinor ?? 0,
      payment: sessionPayment(s.payments), final: !!cost,
      unpaidMinor: s.outstandingBalance && !s.outstandingBalance.settledAt ? s.outstandingBalance.amountMinor : 0,
    };
  }
  const b = await db.booking.findFirst({
    where: { id, ...who },
    include: { station: stationSelect, user: { select: { name: true, email: true } }, payments: { ...payInclude, where: { purpose: "BOOKING" } } },
  });
  if (!b) throw notFoundError("This receipt");
  const p = b.payments[0];
  const captured = p?.capturedMinor ?? 0;
  const noShow = b.status === "EXPIRED" && captured > b.reservationFeeMinor;
  const lines: TReceiptLine[] = [];
  if (captured > 0) {
    const fee = Math.min(captured, b.reservationFeeMinor);
    lines.push({ type: "RESERVATION", facts: b.status === "CANCELLED" ? { kind: "lateCancel" } : { kind: "none" }, label: "Reservation fee", detail: b.status === "CANCELLED" ? "Cancelled after the free cancellation cut-off" : "", amountExclVat: fee, vatPercent: null, vat: 0, amountInclVat: fee });
    if (noShow) lines.push({ type: "NO_SHOW", facts: { kind: "noShow", graceMinutes: b.graceMinutes }, label: "No-show fee", detail: `Not started within ${b.graceMinutes} minutes`, amountExclVat: captured - fee, vatPercent: null, vat: 0, amountInclVat: captured - fee });
  }
  return {
    kind, id: b.id, number: `B-${b.reservationId}`, issuedAt: b.updatedAt,
    customer: { name: b.user.name, email: b.user.email },
    station: { name: b.station.name, address: address(b.station), timeZone: b.station.timeZone },
    startedAt: b.startsAt, endedAt: b.endsAt, energyWh: null, currency: b.currency, lines,
    totalExclVat: captured, totalVat: 0, totalInclVat: captured, payment: paymentOf(p), unpaidMinor: 0,
    final: !["PENDING", "CONFIRMED", "ACTIVE"].includes(b.status) || p?.status === "CAPTURED",
  };
}

/** The viewer's receipts, newest first. */
export async function listReceipts(db: Db, userId: string, take = 50) {
  const [sessions, bookings] = await Promise.all([
    db.chargingSession.findMany({
      where: { userId, status: "COMPLETED", payments: { some: { purpose: "SESSION" } } },
      orderBy: { endedAt: "desc" }, take,
      select: { id: true, transactionId: true, endedAt: true, costMinor: true, currency: true, energyWh: true, station: { select: { name: true } } },
    }),
    db.booking.findMany({
      where: { userId, payments: { some: { purpose: "BOOKING" } }, status: { notIn: ["PENDING"] } },
      orderBy: { startsAt: "desc" }, take,
      select: { id: true, reservationId: true, startsAt: true, totalAmountMinor: true, currency: true, status: true, station: { select: { name: true } } },
    }),
  ]);
  return [
    ...sessions.map((s) => ({ kind: "session" as const, id: s.id, number: `S-${s.transactionId}`, at: s.endedAt!, station: s.station.name, totalMinor: s.costMinor, currency: s.currency, energyWh: s.energyWh })),
    ...bookings.map((b) => ({ kind: "booking" as const, id: b.id, number: `B-${b.reservationId}`, at: b.startsAt, station: b.station.name, totalMinor: b.totalAmountMinor, currency: b.currency, energyWh: null })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
}
