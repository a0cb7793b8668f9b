import "server-only";
// The dashboard's query string (?preset= or ?from=&to=, ?station=) as a period
// in the owner's calendar. Bad values fall back to this month rather than fail.
import type { Db } from "@/lib/db/client.ts";
import { isUuid, type TOwnerUser } from "@/lib/owner/context.ts";
import { periodOf, presetPeriod, type TPeriod } from "@/lib/owner/period.ts";
import { ZDate } from "@/lib/owner/schemas.ts";
import { ownerTimeZone } from "@/lib/owner/time-zone.ts";
import { AppError } from "@/lib/errors/app-error.ts";

export type TPeriodParams = { preset?: string; from?: string; to?: string; station?: string };

export async function periodFromParams(db: Db, user: TOwnerUser, sp: TPeriodParams): Promise<{ period: TPeriod; stationId: string | null; error: string | null }> {
  const stationId = isUuid(sp.station) ? sp.station : null;
  const tz = await ownerTimeZone(db, user, stationId);
  if (ZDate.safeParse(sp.from).success && ZDate.safeParse(sp.to).success) {
    try {
      return { period: periodOf(sp.from!, sp.to!, tz), stationId, error: null };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const p = presetPeriod("month", tz);
      return { period: periodOf(p.from, p.to, tz), stationId, error: err.message };
    }
  }
  const p = presetPeriod(sp.preset ?? "month", tz);
  return { period: periodOf(p.from, p.to, tz), stationId, error: null };
}
