// Energy with the unit in the reader's language (kept for the account pages; lib/format is the one implementation).
import { formatKwh } from "@/lib/format.ts";

export function energy(wh: number, locale: string): string {
  return formatKwh(wh, locale);
}
