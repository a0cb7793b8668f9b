// Strings for client components, picked by key prefix from the server's translator.
import { bookingEn } from "@/lib/i18n/messages/booking.en.ts";

type Key = keyof typeof bookingEn;
export function pickPrefix<P extends string>(t: (key: Key) => string, ...prefixes: P[]): Record<Extract<Key, `${P}${string}`>, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(bookingEn) as Key[]) if (prefixes.some((p) => k.startsWith(p))) out[k] = t(k);
  return out as Record<Extract<Key, `${P}${string}`>, string>;
}
