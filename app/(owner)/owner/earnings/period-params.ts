import "server-only";
// The dashboard's query string as a period in the owner's calendar
// (lib/owner/period-params.ts reads it). Bad values give a message key and
// this month's view; the page shows the notice, the CSV answers 400.
import type { Db } from "@/lib/db/client.ts";
import type { TOwnerUser } from "@/lib/owner/context.ts";
import { periodOf, presetPeriod, type TPeriod } from "@/lib/owner/period.ts";
import { readPeriodParams, type TPeriodParams } from "@/lib/owner/period-params.ts";
import { ownerTimeZone } from "@/lib/owner/time-zone.ts";
import { AppError } from "@/lib/errors/app-error.ts";

export type { TPeriodParams };

export async function periodFromParams(db: Db, user: TOwnerUser, sp: TPeriodParams): Promise<{ period: TPeriod; stationId: string | null; error: string | null }> {
  const r = readPeriodParams(sp);
  const tz = await ownerTimeZone(db, user, r.stationId);
  if (r.kind === "range") {
    try {
      return { period: periodOf(r.from, r.to, tz), stationId: r.stationId, error: null };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const p = presetPeriod("month", tz);
      return { period: periodOf(p.from, p.to, tz), stationId: r.stationId, error: err.message };
    }
  }
  const p = presetPeriod(r.preset, tz);
  return { period: periodOf(p.from, p.to, tz), stationId: r.stationId, error: r.error };
}
