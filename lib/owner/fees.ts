// The platform's share of what drivers pay at owner-listed stations
// (AppConfig platform_fee_percent). The payment code charges it as the
// application fee of a destination charge; the dashboard only reads
// Payment.platformFeeMinor, so a later change of the percentage never
// rewrites past figures.
import type { Db } from "../db/client.ts";

export async function platformFeePercent(db: Pick<Db, "appConfig">): Promise<string> {
  const row = await db.appConfig.findUnique({ where: { key: "platform_fee_percent" }, select: { value: true, isActive: true } });
  const v = row?.isActive ? row.value.trim() : "0";
  return /^\d+(\.\d{1,2})?$/.test(v) ? v : "0";
}

/** amount × percent / 100, rounded half up to the minor unit, exact (percent has ≤ 2 decimals). */
export function platformFeeFor(amountMinor: number, percent: string): number {
  const [int, frac = ""] = percent.split(".");
  const basisPoints = BigInt(int) * 100n + BigInt((frac + "00").slice(0, 2));
  const num = BigInt(amountMinor) * basisPoints;
  return Number((num + 5000n) / 10000n);
}
