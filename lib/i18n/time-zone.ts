import "server-only";
// The viewer's own time zone, for account-level events (wallet, notifications,
// receipts without a station): the browser reports it in the "tz" cookie
// (components/layout/time-zone-cookie.tsx); a value Intl does not know is ignored.
import { cookies } from "next/headers";
import { DEFAULT_TIME_ZONE, formatEventTime, isTimeZone } from "../format.ts";
import { getLocale } from "./server.ts";

export const TIME_ZONE_COOKIE = "tz";

export async function getViewerTimeZone(): Promise<string> {
  const fromCookie = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return isTimeZone(fromCookie) ? fromCookie : DEFAULT_TIME_ZONE;
}

/**
 * A page's time formatter: `when(d)` in the viewer's zone, `when(d, station.timeZone)`
 * for an event at a station (named when that zone is not the viewer's).
 */
export async function getTimeFormat() {
  const [locale, viewerZone] = await Promise.all([getLocale(), getViewerTimeZone()]);
  return {
    viewerZone,
    when: (d: Date | string, zone?: string | null) => formatEventTime(d, locale, zone ?? viewerZone, viewerZone),
    day: (d: Date | string, zone?: string | null) => formatEventTime(d, locale, zone ?? viewerZone, viewerZone, { dateOnly: true }),
  };
}
